namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// The reader lock every card call of a handle queues on (<see cref="ReaderLock"/>): taken at once when
    /// it is free, else waited for in FIFO order on the call's own <see cref="BlockingWait"/>, bounded and
    /// cancellable; and the "who holds the reader" diagnostics.
    /// </summary>
    public sealed partial class SCardManager
    {
        private int sharingWaitMillis = DefaultTransactionWaitMillis;

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
        /// Finds an open handle, takes its reader's lock for one call (queueing behind other handles'
        /// transactions for at most <see cref="SharingWaitMillis"/>) and enters the reader's device gate.
        /// Returns null with the code in <paramref name="result"/> when the call cannot run (READER_UNAVAILABLE
        /// when a driver call hung in the device); otherwise pair it with <see cref="FinishCall"/>.
        /// Allocates nothing unless it has to wait.
        /// </summary>
        private CardHandle BeginCall(int handle, out int result)
        {
            CardHandle found = TakeCall(handle, out result);
            if (found == null || registry.EnterDevice(found.Reader))
            {
                return found;
            }

            EndCall(found);
            result = ScardError.ReaderUnavailable;
            return null;
        }

        /// <summary>
        /// <see cref="BeginCall"/>, then the handle's own state (a pending W_ card event, a reader gone) checked
        /// under the manager lock. Returns null with the code when the call cannot run (the call is then already
        /// finished); otherwise pair it with <see cref="FinishCall"/>.
        /// </summary>
        private CardHandle BeginUsableCall(int handle, out int result)
        {
            CardHandle found = BeginCall(handle, out result);
            if (found == null)
            {
                return null;
            }

            lock (SyncRoot)
            {
                result = CheckUsable(found);
            }

            if (result != ScardError.Success)
            {
                FinishCall(found);
                return null;
            }

            return found;
        }

        /// <summary>Ends a call begun by <see cref="BeginCall"/>: leaves the device gate, then the reader lock.</summary>
        private void FinishCall(CardHandle handle)
        {
            registry.ExitDevice(handle.Reader);
            EndCall(handle);
        }

        private CardHandle TakeCall(int handle, out int result)
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

                if (found.Reader.Hung)
                {
                    // Even the lock's owner must not enter a device a hung driver call holds.
                    result = ScardError.ReaderUnavailable;
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

        /// <summary>Gives back one call of the reader lock (taken by <see cref="AcquireReader"/> or kept from a transaction).</summary>
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
                if (handle.Reader.Hung)
                {
                    return ScardError.ReaderUnavailable;
                }

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
                    if (handle.Reader.Hung)
                    {
                        return ScardError.ReaderUnavailable;
                    }

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
                        // Its handle closed, or its reader went away or hung.
                        return waiter.Handle.Reader.Usable ? ScardError.InvalidHandle : ScardError.ReaderUnavailable;
                    }

                    if (waiter.Granted && outcome != ScardError.Cancelled && waiter.Handle.Reader.Hung)
                    {
                        Release(readerLock, waiter);
                        return ScardError.ReaderUnavailable;
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
