using System.Collections;
using System.Threading;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// A reader's transaction lock (pcsc-lite's hLockId and LockCount, pcsc.md §1.3
    /// SCardBeginTransaction) with a FIFO queue instead of pcsc-lite's 100 ms polling. The lock has one
    /// owner handle at a time, held for two reasons that add up: its transaction (nested, one level per
    /// BeginTransaction) and its calls in progress (every card call of a handle holds the lock while it
    /// runs, so no other handle's APDU lands inside a transaction). When both drop to zero the lock
    /// passes straight to the first waiter, whose own event is set: nobody polls, nobody overtakes.
    /// Not thread-safe: used under the manager lock.
    /// </summary>
    internal sealed class ReaderLock
    {
        private readonly ArrayList queue = new ArrayList();
        private CardHandle owner;
        private int depth;
        private int calls;

        /// <summary>The handle holding the lock, or null.</summary>
        public CardHandle Owner
        {
            get { return owner; }
        }

        /// <summary>How many BeginTransaction calls of the owner are not yet ended.</summary>
        public int Depth
        {
            get { return depth; }
        }

        /// <summary>Calls of the owner in progress.</summary>
        public int Calls
        {
            get { return calls; }
        }

        /// <summary>Calls and transactions queued behind the owner.</summary>
        public int QueueLength
        {
            get { return queue.Count; }
        }

        /// <summary>When (DateTime ticks) the transaction owner last finished a call: the idle-reset clock.</summary>
        public long LastUseTicks;

        /// <summary>Fires the idle-transaction reset; created the first time the option is used on this reader.</summary>
        public Timer IdleTimer;

        /// <summary>True when <paramref name="handle"/> holds a transaction.</summary>
        public bool InTransaction(CardHandle handle)
        {
            return owner == handle && depth > 0;
        }

        /// <summary>
        /// Takes the lock for one more call (or one more transaction level) of <paramref name="handle"/> when
        /// it is free with nobody waiting, or already the handle's own; false when the caller must queue.
        /// </summary>
        public bool TryTake(CardHandle handle, bool transaction)
        {
            if (owner != handle && (owner != null || queue.Count > 0))
            {
                return false;
            }

            owner = handle;
            Count(transaction, 1);
            return true;
        }

        /// <summary>Queues a waiter; it gets the lock in arrival order.</summary>
        public void Enqueue(LockWaiter waiter)
        {
            queue.Add(waiter);
        }

        /// <summary>Takes back a waiter that gave up (timeout, cancel); one already granted stays granted.</summary>
        public void Withdraw(LockWaiter waiter)
        {
            queue.Remove(waiter);
        }

        /// <summary>Ends one call of the owner (no effect for any other handle).</summary>
        public void ExitCall(CardHandle handle)
        {
            if (owner == handle && calls > 0)
            {
                calls--;
                FreeWhenUnused();
            }
        }

        /// <summary>
        /// Ends one transaction level of the owner; false when <paramref name="handle"/> holds none. With
        /// <paramref name="keepCall"/> the level becomes one call, so the caller can settle the card (a
        /// disposition) before the next owner gets it, then <see cref="ExitCall"/>.
        /// </summary>
        public bool EndTransaction(CardHandle handle, bool keepCall)
        {
            if (!InTransaction(handle))
            {
                return false;
            }

            depth--;
            if (keepCall)
            {
                calls++;
            }

            FreeWhenUnused();
            return true;
        }

        /// <summary>
        /// Ends every transaction level of <paramref name="handle"/> at once (its card left; or it disconnects,
        /// when <paramref name="keepCall"/> turns the transaction into one call so the caller can reset the
        /// card before the next owner gets it). Returns true when the handle held a transaction.
        /// </summary>
        public bool DropTransaction(CardHandle handle, bool keepCall)
        {
            if (!InTransaction(handle))
            {
                return false;
            }

            depth = 0;
            if (keepCall)
            {
                calls++;
            }

            FreeWhenUnused();
            return true;
        }

        /// <summary>
        /// The reader is gone: the transaction ends and every queued waiter is sent away; calls still in
        /// progress keep the lock until they return.
        /// </summary>
        public void Abandon()
        {
            depth = 0;
            for (int i = queue.Count - 1; i >= 0; i--)
            {
                LockWaiter waiter = (LockWaiter)queue[i];
                queue.RemoveAt(i);
                waiter.Abort();
            }

            FreeWhenUnused();
        }

        /// <summary>Sends every queued waiter of <paramref name="handle"/> away (the handle is closing).</summary>
        public void AbortWaiters(CardHandle handle)
        {
            for (int i = queue.Count - 1; i >= 0; i--)
            {
                LockWaiter waiter = (LockWaiter)queue[i];
                if (waiter.Handle == handle)
                {
                    queue.RemoveAt(i);
                    waiter.Abort();
                }
            }
        }

        private void Count(bool transaction, int delta)
        {
            if (transaction)
            {
                depth += delta;
            }
            else
            {
                calls += delta;
            }
        }

        private void FreeWhenUnused()
        {
            if (depth > 0 || calls > 0)
            {
                return;
            }

            owner = null;
            if (queue.Count == 0)
            {
                return;
            }

            LockWaiter next = (LockWaiter)queue[0];
            queue.RemoveAt(0);
            owner = next.Handle;
            Count(next.Transaction, 1);
            next.Grant();
        }
    }
}
