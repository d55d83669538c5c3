namespace EmbeddedSmartCard.Manager.Objects
{
    // One exception class per SCARD_F_* code (pcsc.md §1.8), each fixing its code.

    /// <summary>SCARD_F_INTERNAL_ERROR: an internal consistency check failed.</summary>
    public sealed class InternalErrorException : PcscFailureException
    {
        public InternalErrorException()
            : base(ScardError.InternalError)
        {
        }
    }

    /// <summary>SCARD_F_WAITED_TOO_LONG: an internal wait exceeded its bound.</summary>
    public sealed class WaitedTooLongException : PcscFailureException
    {
        public WaitedTooLongException()
            : base(ScardError.WaitedTooLong)
        {
        }
    }

    /// <summary>SCARD_F_COMM_ERROR: communication with the resource manager failed.</summary>
    public sealed class CommErrorException : PcscFailureException
    {
        public CommErrorException()
            : base(ScardError.CommError)
        {
        }
    }

    /// <summary>SCARD_F_UNKNOWN_ERROR: an error of unknown cause.</summary>
    public sealed class UnknownErrorException : PcscFailureException
    {
        public UnknownErrorException()
            : base(ScardError.UnknownError)
        {
        }
    }
}
