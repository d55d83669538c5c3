namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>The connection's sharing calls: SCardReconnect and transactions.</summary>
    public sealed partial class CardConnection
    {
        /// <summary>
        /// SCardReconnect: acknowledges a reset or removal made elsewhere (the next calls work again), and
        /// may reset (ScardConstants.ResetCard) or power-cycle (UnpowerCard) the card, change the share
        /// mode or the protocol. Updates <see cref="ShareMode"/> and <see cref="Protocol"/>.
        /// </summary>
        public void Reconnect(int shareMode, int preferredProtocols, int initialization)
        {
            int protocol;
            PcscExceptions.Check(manager.Reconnect(handle, shareMode, preferredProtocols, initialization, out protocol));
            ShareMode = shareMode;
            Protocol = protocol;
        }

        /// <summary>
        /// SCardBeginTransaction, waiting at most the manager's TransactionWaitMillis for another handle's
        /// transaction (ScardTimeoutException after it). Dispose the result (a using block) to end it.
        /// </summary>
        public CardTransaction BeginTransaction()
        {
            PcscExceptions.Check(manager.BeginTransaction(handle));
            return new CardTransaction(this, ScardConstants.LeaveCard);
        }

        /// <summary>SCardBeginTransaction with its own bound in milliseconds (0: do not wait; ScardConstants.Infinite).</summary>
        public CardTransaction BeginTransaction(int timeoutMillis)
        {
            PcscExceptions.Check(manager.BeginTransaction(handle, timeoutMillis));
            return new CardTransaction(this, ScardConstants.LeaveCard);
        }

        /// <summary>
        /// pcsc-sharp's Transaction(disposition): begins a transaction now that, when disposed, ends with
        /// <paramref name="disposition"/> (ScardConstants.LeaveCard, ResetCard, UnpowerCard, EjectCard).
        /// </summary>
        public CardTransaction Transaction(int disposition)
        {
            PcscExceptions.Check(manager.BeginTransaction(handle));
            return new CardTransaction(this, disposition);
        }

        /// <summary>SCardEndTransaction; the code, for <see cref="CardTransaction"/>.</summary>
        internal int EndTransaction(int disposition)
        {
            return manager.EndTransaction(handle, disposition);
        }
    }
}
