namespace EmbeddedSmartCard.Manager.Objects
{
    // One exception class per SCARD_W_* code (pcsc.md §1.8), each fixing its code.

    /// <summary>SCARD_W_UNSUPPORTED_CARD: the ATR conflicts with the card's own rules (e.g. no protocol the reader can use).</summary>
    public sealed class UnsupportedCardException : PcscWarningException
    {
        public UnsupportedCardException()
            : base(ScardError.UnsupportedCard)
        {
        }
    }

    /// <summary>SCARD_W_UNRESPONSIVE_CARD: the card does not answer its reset.</summary>
    public sealed class UnresponsiveCardException : PcscWarningException
    {
        public UnresponsiveCardException()
            : base(ScardError.UnresponsiveCard)
        {
        }
    }

    /// <summary>SCARD_W_UNPOWERED_CARD: the card is not powered.</summary>
    public sealed class UnpoweredCardException : PcscWarningException
    {
        public UnpoweredCardException()
            : base(ScardError.UnpoweredCard)
        {
        }
    }

    /// <summary>SCARD_W_RESET_CARD: the card was reset (by another handle); reconnect to use it again.</summary>
    public sealed class ResetCardException : PcscWarningException
    {
        public ResetCardException()
            : base(ScardError.ResetCard)
        {
        }
    }

    /// <summary>SCARD_W_REMOVED_CARD: the card was removed; this handle can no longer use a card.</summary>
    public sealed class RemovedCardException : PcscWarningException
    {
        public RemovedCardException()
            : base(ScardError.RemovedCard)
        {
        }
    }

    /// <summary>SCARD_W_SECURITY_VIOLATION: access denied by a security violation.</summary>
    public sealed class SecurityViolationException : PcscWarningException
    {
        public SecurityViolationException()
            : base(ScardError.SecurityViolation)
        {
        }
    }

    /// <summary>SCARD_W_WRONG_CHV: the PIN was not accepted.</summary>
    public sealed class WrongChvException : PcscWarningException
    {
        public WrongChvException()
            : base(ScardError.WrongChv)
        {
        }
    }

    /// <summary>SCARD_W_CHV_BLOCKED: the PIN retries are exhausted.</summary>
    public sealed class ChvBlockedException : PcscWarningException
    {
        public ChvBlockedException()
            : base(ScardError.ChvBlocked)
        {
        }
    }

    /// <summary>SCARD_W_EOF: the end of the card file was reached.</summary>
    public sealed class EofException : PcscWarningException
    {
        public EofException()
            : base(ScardError.Eof)
        {
        }
    }

    /// <summary>SCARD_W_CANCELLED_BY_USER: the user cancelled.</summary>
    public sealed class CancelledByUserException : PcscWarningException
    {
        public CancelledByUserException()
            : base(ScardError.CancelledByUser)
        {
        }
    }

    /// <summary>SCARD_W_CARD_NOT_AUTHENTICATED: no PIN was presented.</summary>
    public sealed class CardNotAuthenticatedException : PcscWarningException
    {
        public CardNotAuthenticatedException()
            : base(ScardError.CardNotAuthenticated)
        {
        }
    }

    /// <summary>SCARD_W_CACHE_ITEM_NOT_FOUND: the item is not in the cache.</summary>
    public sealed class CacheItemNotFoundException : PcscWarningException
    {
        public CacheItemNotFoundException()
            : base(ScardError.CacheItemNotFound)
        {
        }
    }

    /// <summary>SCARD_W_CACHE_ITEM_STALE: the cached item is stale.</summary>
    public sealed class CacheItemStaleException : PcscWarningException
    {
        public CacheItemStaleException()
            : base(ScardError.CacheItemStale)
        {
        }
    }

    /// <summary>SCARD_W_CACHE_ITEM_TOO_BIG: the item is too big for the cache.</summary>
    public sealed class CacheItemTooBigException : PcscWarningException
    {
        public CacheItemTooBigException()
            : base(ScardError.CacheItemTooBig)
        {
        }
    }
}
