using System;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// SCardBeginTransaction / SCardEndTransaction on the reader lock (<see cref="ReaderLock"/>, queueing in
    /// SCardManager.ReaderQueue.cs), and what happens to a transaction whose context is released.
    /// </summary>
    public sealed partial class SCardManager
    {
        /// <summary>Default bound of BeginTransaction and of a call queued behind another handle's transaction.</summary>
        public const int DefaultTransactionWaitMillis = 30000;

        private int transactionWaitMillis = DefaultTransactionWaitMillis;

        /// <summary>
        /// How long <see cref="BeginTransaction(int)"/> waits for another handle's transaction to end before
        /// SCARD_E_TIMEOUT (pcsc-lite waits forever, pcsc.md §5 item 3); <see cref="ScardConstants.Infinite"/> allowed.
        /// </summary>
        public int TransactionWaitMillis
        {
            get { return transactionWaitMillis; }
            set { transactionWaitMillis = value; }
        }

        /// <summary>SCardBeginTransaction, waiting at most <see cref="TransactionWaitMillis"/>.</summary>
        public int BeginTransaction(int handle)
        {
            return BeginTransaction(handle, TransactionWaitMillis);
        }

        /// <summary>
        /// SCardBeginTransaction with its own bound (milliseconds, 0 = do not wait, or INFINITE). Transactions
        /// nest per handle (pcsc.md §1.3): each Begin needs its End. Other handles queue in arrival order and
        /// get the lock as soon as it is free. A pending card event is returned at once (W_RESET_CARD /
        /// W_REMOVED_CARD, as Windows 8+ does); SCARD_E_TIMEOUT after the bound; SCARD_E_CANCELLED on
        /// SCardCancel or SCardReleaseContext of the handle's context.
        /// </summary>
        public int BeginTransaction(int handle, int timeoutMillis)
        {
            try
            {
                if (timeoutMillis < 0 && timeoutMillis != ScardConstants.Infinite)
                {
                    return Result(ScardError.InvalidValue);
                }

                CardHandle found;
                lock (SyncRoot)
                {
                    found = FindHandle(handle);
                    int usable = CheckUsable(found);
                    if (usable != ScardError.Success)
                    {
                        return Result(usable);
                    }
                }

                int result = AcquireReader(found, true, timeoutMillis);
                if (result != ScardError.Success)
                {
                    return Result(result);
                }

                lock (SyncRoot)
                {
                    // The card may have been reset or pulled while this call was queued.
                    result = CheckUsable(found);
                    if (result != ScardError.Success)
                    {
                        found.Reader.Lock.EndTransaction(found, false);
                    }
                    else
                    {
                        MarkTransactionUse(found);
                    }

                    return Result(result);
                }
            }
            catch (Exception)
            {
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>
        /// SCardEndTransaction: ends one level of the handle's transaction, the lock going to the next waiter
        /// at the last. The disposition is carried out first (pcsc-lite 1.8.14 rules, pcsc.md §1.3): RESET a
        /// warm reset, UNPOWER a power-down and cold reset, EJECT the driver's mechanics; the handle keeps its
        /// protocol and every other handle gets W_RESET_CARD. A handle holding no transaction gets its pending
        /// card event, SHARING_VIOLATION while another handle holds the lock, else NOT_TRANSACTED.
        /// </summary>
        public int EndTransaction(int handle, int disposition)
        {
            try
            {
                if (disposition < ScardConstants.LeaveCard || disposition > ScardConstants.EjectCard)
                {
                    return Result(ScardError.InvalidValue);
                }

                CardHandle found;
                lock (SyncRoot)
                {
                    found = FindHandle(handle);
                    if (found == null)
                    {
                        return Result(ScardError.InvalidHandle);
                    }

                    ReaderLock readerLock = found.Reader.Lock;
                    if (!readerLock.InTransaction(found))
                    {
                        return Result(NotTransacted(found));
                    }

                    // A disposition keeps the reader for this call until the card is settled.
                    readerLock.EndTransaction(found, disposition != ScardConstants.LeaveCard);
                    if (disposition == ScardConstants.LeaveCard)
                    {
                        return Result(ScardError.Success);
                    }
                }

                try
                {
                    return Result(ApplyDisposition(found, disposition, true));
                }
                finally
                {
                    EndCall(found);
                }
            }
            catch (Exception)
            {
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>Why a handle without a transaction cannot end one (under the manager lock).</summary>
        private static int NotTransacted(CardHandle handle)
        {
            if (!handle.Reader.Usable)
            {
                return ScardError.ReaderUnavailable;
            }

            if (handle.PendingEvent != ScardError.Success)
            {
                return handle.PendingEvent;
            }

            return handle.Reader.Lock.Owner != null && handle.Reader.Lock.Owner != handle
                ? ScardError.SharingViolation
                : ScardError.NotTransacted;
        }

        /// <summary>
        /// SCardReleaseContext's handles: each is closed; one holding a transaction frees the lock only after
        /// the card is reset, as pcscd does for a client that goes away inside a transaction (pcsc.md §1.3).
        /// </summary>
        private void CloseHandlesOf(ScardContext released)
        {
            while (true)
            {
                CardHandle handle;
                bool held;
                lock (SyncRoot)
                {
                    if (released.Handles.Count == 0)
                    {
                        return;
                    }

                    handle = (CardHandle)released.Handles[0];
                    held = handle.Reader.Lock.DropTransaction(handle, true);
                }

                try
                {
                    CloseHandle(handle, held ? ScardConstants.ResetCard : ScardConstants.LeaveCard);
                }
                finally
                {
                    if (held)
                    {
                        EndCall(handle);
                    }
                }
            }
        }
    }
}
