namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// One SCardConnect: the reader it holds, how (share mode, active protocol) and the card event
    /// waiting for it. Fields are changed only under the manager lock.
    /// </summary>
    internal sealed class CardHandle
    {
        public int Id;
        public ScardContext Context;
        public ManagedReader Reader;
        public int ShareMode;
        public int Protocol;

        /// <summary>
        /// ScardError.Success, or the W_ code every card call returns until the handle reconnects or
        /// disconnects: W_RESET_CARD after another handle reset the card, W_REMOVED_CARD after the card
        /// left (pcsc.md §1.5). Removal outranks reset.
        /// </summary>
        public int PendingEvent;

        /// <summary>False while Connect is still bringing the card up (the handle only reserves the reader then).</summary>
        public bool Open;

        /// <summary>
        /// Records a card event for this handle, keeping the stronger one. A removal also ends the
        /// handle's transaction, as pcsc-lite drops the lock with the card (pcsc.md §1.3).
        /// </summary>
        public void Notify(int cardEvent)
        {
            if (PendingEvent != ScardError.RemovedCard)
            {
                PendingEvent = cardEvent;
            }

            if (cardEvent == ScardError.RemovedCard)
            {
                Reader.Lock.DropTransaction(this, false);
            }
        }
    }
}
