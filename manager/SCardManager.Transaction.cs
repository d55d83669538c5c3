using System;
using System.Threading;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// SCardBeginTransaction / SCardEndTransaction and the reader lock every card call queues on
    /// (<see cref="ReaderLock"/>): FIFO, one event per waiter, every wait bounded and cancellable.
    /// </summary>
    public sealed partial class SCardManager
    {
        /// <summary>Default bound of BeginTransaction and of a call queued behind another handle's transaction.</summary>
        public const int DefaultTransactionWaitMillis = 30000;

        private int transactionWaitMillis = DefaultTransactionWaitMillis;
        private int sharingWaitMillis = DefaultTransactionWaitMillis;

        /// <summary>
        /// How long <see cref="BeginTransaction(int)"/> waits for another handle's transaction to end before
        /// SCARD_E_TIMEOUT (pcsc-lite waits forever, pcsc.md §5 item 3); <see cref="ScardConstants.Infinite"/> allowed.
        /// </summary>
        public int TransactionWaitMillis
        {
            get { return transactionWaitMillis; }
            set { transactionWaitMillis = value; }
        }

        /// <summary>
        /// How long Connect, Transmit, Control, Get/SetAttrib, Reconnect and a resetting Disconnect wait behind
        /// another handle's transaction before SCARD_E_SHARING_VIOLATION, the answer pcsc-lite's server gives a
        /// non-owner before its client starts retrying without end; <see cref="ScardConstants.Infinite"/> allowed.
        /// </summary>
        public int SharingWaitMillis
        {
            get { return sharingWaitMillis; }
            set { sharingWaitMillis = value; }
        }

        /// <summary>
        /// Windows' rule (pcsc.md §1.3 SCardBeginTransaction): a transaction left idle (no call of its owner)
        /// for <see cref="IdleTransactionResetMillis"/> is ended by the manager, which resets the card; the
        /// owner then gets W_RESET_CARD. Off by default, as a silent reset loses card sessions (pcsc.md §7.5).
        /// </summary>
        public bool IdleTransactionReset;

        /// <summary>Idle time (ms) after which <see cref="IdleTransactionReset"/> ends a transaction; Windows uses 5 s.</summary>
        public int IdleTransactionResetMillis = 5000;

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
            if (handle.PendingEvent != ScardError.Success)
            {
                return handle.PendingEvent;
            }

            return handle.Reader.Lock.Owner != null && handle.Reader.Lock.Owner != handle
                ? ScardError.SharingViolation
                : ScardError.NotTransacted;
        }

        /// <summary>
        /// Finds an open handle and takes its reader's lock for one call, queueing behind other handles'
        /// transactions for at most <see cref="SharingWaitMillis"/>. Returns null with the code in
        /// <paramref name="result"/> when the call cannot run; otherwise pair it with <see cref="EndCall"/>.
        /// Allocates nothing unless it has to wait.
        /// </summary>
        private CardHandle BeginCall(int handle, out int result)
        {
            CardHandle found;
            lock (SyncRoot)
            {
                found = FindHandle(handle);
                if (found == null)
                {
                    result = ScardError.InvalidHandle;
                    return null;
                }

                if (found.Reader.Lock.TryTake(found, false))
                {
                    result = ScardError.Success;
                    return found;
                }
            }

            result = AcquireReader(found, false, SharingWaitMillis);
            if (result == ScardError.Timeout)
            {
                result = ScardError.SharingViolation;
            }

            return result == ScardError.Success ? found : null;
        }

        private void EndCall(CardHandle handle)
        {
            lock (SyncRoot)
            {
                handle.Reader.Lock.ExitCall(handle);
                MarkTransactionUse(handle);
            }
        }

        /// <summary>
        /// Diagnostics, "who holds the reader" (pcsc.md §5 item 4): the handle holding the reader's lock (0 when
        /// it is free), its transaction depth and how many calls queue behind it. False for an unknown reader.
        /// </summary>
        public bool GetReaderLock(string readerName, out int owner, out int depth, out int queued)
        {
            owner = 0;
            depth = 0;
            queued = 0;
            lock (SyncRoot)
            {
                ManagedReader reader = registry.FindLocked(readerName);
                if (reader == null)
                {
                    return false;
                }

                ReaderLock readerLock = reader.Lock;
                owner = readerLock.Owner == null ? 0 : readerLock.Owner.Id;
                depth = readerLock.Depth;
                queued = readerLock.QueueLength;
                return true;
            }
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
                bool reset;
                lock (SyncRoot)
                {
                    if (released.Handles.Count == 0)
                    {
                        return;
                    }

                    handle = (CardHandle)released.Handles[0];
                    ManagedReader reader = handle.Reader;
                    reset = reader.Lock.DropTransaction(handle, true);
                    bool cardThere = reader.Attached && reader.CardPresent && handle.PendingEvent != ScardError.RemovedCard;
                    Detach(handle);
                    reader.Lock.AbortWaiters(handle);
                    if (reset && !cardThere)
                    {
                        reader.Lock.ExitCall(handle);
                        reset = false;
                    }
                }

                if (reset)
                {
                    try
                    {
                        ApplyDisposition(handle, ScardConstants.ResetCard, false);
                    }
                    finally
                    {
                        EndCall(handle);
                    }
                }
            }
        }

        /// <summary>Restarts the idle clock of the handle's transaction (under the manager lock).</summary>
        private void MarkTransactionUse(CardHandle handle)
        {
            ReaderLock readerLock = handle.Reader.Lock;
            if (!IdleTransactionReset || !readerLock.InTransaction(handle) || readerLock.Calls > 0)
            {
                return;
            }

            readerLock.LastUseTicks = DateTime.UtcNow.Ticks;
            if (readerLock.IdleTimer == null)
            {
                readerLock.IdleTimer = new Timer(OnIdleTimer, handle.Reader, IdleTransactionResetMillis, Timeout.Infinite);
            }
            else
            {
                readerLock.IdleTimer.Change(IdleTransactionResetMillis, Timeout.Infinite);
            }
        }

        /// <summary>The idle-transaction timer of a reader: resets the card and frees the lock when the owner stayed idle.</summary>
        private void OnIdleTimer(object state)
        {
            ManagedReader reader = (ManagedReader)state;
            CardHandle owner;
            lock (SyncRoot)
            {
                ReaderLock readerLock = reader.Lock;
                owner = readerLock.Owner;
                if (!IdleTransactionReset || owner == null || !readerLock.InTransaction(owner) || readerLock.Calls > 0)
                {
                    // No transaction, or a call in progress: its end restarts the clock.
                    return;
                }

                long idleMillis = (DateTime.UtcNow.Ticks - readerLock.LastUseTicks) / TimeSpan.TicksPerMillisecond;
                if (idleMillis < IdleTransactionResetMillis)
                {
                    readerLock.IdleTimer.Change(IdleTransactionResetMillis - (int)idleMillis, Timeout.Infinite);
                    return;
                }

                readerLock.DropTransaction(owner, true);
            }

            try
            {
                ApplyDisposition(owner, ScardConstants.ResetCard, false);
            }
            catch (Exception)
            {
                // A timer thread has nobody to report to; the driver's failure shows on the next call.
            }
            finally
            {
                EndCall(owner);
            }
        }

        /// <summary>
        /// Takes <paramref name="handle"/>'s reader lock for a call or a transaction level: at once when it is
        /// free (or the handle's own), else queued until granted, the timeout, a cancel of the handle's
        /// context (SCARD_E_CANCELLED) or the handle closing (INVALID_HANDLE). The wait is registered with
        /// the context before the lock is looked at, so a Cancel landing in between is not lost.
        /// </summary>
        private int AcquireReader(CardHandle handle, bool transaction, int timeoutMillis)
        {
            ReaderLock readerLock = handle.Reader.Lock;
            lock (SyncRoot)
            {
                if (readerLock.TryTake(handle, transaction))
                {
                    return ScardError.Success;
                }
            }

            if (timeoutMillis == 0)
            {
                return ScardError.Timeout;
            }

            BlockingWait wait = handle.Context.BeginWait();
            try
            {
                LockWaiter waiter = new LockWaiter(handle, transaction, wait);
                lock (SyncRoot)
                {
                    if (readerLock.TryTake(handle, transaction))
                    {
                        return ScardError.Success;
                    }

                    readerLock.Enqueue(waiter);
                }

                return AwaitGrant(waiter, BlockingWait.Deadline(timeoutMillis));
            }
            finally
            {
                handle.Context.EndWait(wait);
            }
        }

        /// <summary>Blocks until the waiter is settled; a grant that comes with a cancel is handed back.</summary>
        private int AwaitGrant(LockWaiter waiter, long deadline)
        {
            ReaderLock readerLock = waiter.Handle.Reader.Lock;
            while (true)
            {
                int outcome = waiter.Wait.Wait(BlockingWait.Remaining(deadline));
                lock (SyncRoot)
                {
                    if (waiter.Aborted)
                    {
                        return ScardError.InvalidHandle;
                    }

                    if (waiter.Granted && outcome != ScardError.Cancelled)
                    {
                        return ScardError.Success;
                    }

                    if (waiter.Granted)
                    {
                        Release(readerLock, waiter);
                        return ScardError.Cancelled;
                    }

                    if (outcome == ScardError.Cancelled || (outcome == ScardError.Timeout && BlockingWait.Remaining(deadline) == 0))
                    {
                        readerLock.Withdraw(waiter);
                        return outcome;
                    }
                }
            }
        }

        private static void Release(ReaderLock readerLock, LockWaiter waiter)
        {
            if (waiter.Transaction)
            {
                readerLock.EndTransaction(waiter.Handle, false);
            }
            else
            {
                readerLock.ExitCall(waiter.Handle);
            }
        }
    }
}
