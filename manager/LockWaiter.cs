namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// One call queued on a <see cref="ReaderLock"/>: the handle it runs for, what it wants (a transaction
    /// level or one call) and its own <see cref="BlockingWait"/>, which the lock wakes when it hands over.
    /// Fields change under the manager lock.
    /// </summary>
    internal sealed class LockWaiter
    {
        public LockWaiter(CardHandle handle, bool transaction, BlockingWait wait)
        {
            Handle = handle;
            Transaction = transaction;
            Wait = wait;
        }

        public readonly CardHandle Handle;
        public readonly bool Transaction;
        public readonly BlockingWait Wait;

        /// <summary>The lock now belongs to <see cref="Handle"/> on this waiter's behalf.</summary>
        public bool Granted;

        /// <summary>The handle closed, or its reader went away, while the waiter was queued.</summary>
        public bool Aborted;

        public void Grant()
        {
            Granted = true;
            Wait.Wake();
        }

        public void Abort()
        {
            Aborted = true;
            Wait.Wake();
        }
    }
}
