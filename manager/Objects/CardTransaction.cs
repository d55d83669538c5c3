using System;

namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>
    /// A transaction of a <see cref="CardConnection"/> (SCardBeginTransaction … SCardEndTransaction): no
    /// other handle reaches the card until it ends. Meant for a using block: Dispose ends it with
    /// <see cref="Disposition"/> and never throws (the card may be gone by then; a transaction whose handle
    /// or context is closed has been ended by the manager, with a reset). <see cref="End"/> ends it and
    /// throws the code, for callers who want to know.
    /// </summary>
    public sealed class CardTransaction : IDisposable
    {
        private readonly CardConnection connection;
        private bool ended;

        internal CardTransaction(CardConnection connection, int disposition)
        {
            this.connection = connection;
            Disposition = disposition;
        }

        public CardConnection Connection
        {
            get { return connection; }
        }

        /// <summary>What Dispose does to the card: ScardConstants.LeaveCard (default), ResetCard, UnpowerCard or EjectCard.</summary>
        public int Disposition { get; set; }

        public bool IsEnded
        {
            get { return ended; }
        }

        /// <summary>SCardEndTransaction with <paramref name="disposition"/>; a second End does nothing.</summary>
        public void End(int disposition)
        {
            if (ended)
            {
                return;
            }

            int result = connection.EndTransaction(disposition);
            if (result != ScardError.InvalidValue)
            {
                ended = true;
            }

            PcscExceptions.Check(result);
        }

        /// <summary>Ends the transaction with <see cref="Disposition"/>; never throws.</summary>
        public void Dispose()
        {
            if (!ended)
            {
                ended = true;
                connection.EndTransaction(Disposition);
            }
        }
    }
}
