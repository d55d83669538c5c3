using System;
using System.Threading;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// Windows' idle-transaction rule as an option: a transaction whose owner makes no call for a while is
    /// ended by the manager with a card reset (pcsc.md §1.3 SCardBeginTransaction, the five-second rule).
    /// </summary>
    public sealed partial class SCardManager
    {
        /// <summary>
        /// Windows' rule (pcsc.md §1.3 SCardBeginTransaction): a transaction left idle (no call of its owner)
        /// for <see cref="IdleTransactionResetMillis"/> is ended by the manager, which resets the card; the
        /// owner then gets W_RESET_CARD. Off by default, as a silent reset loses card sessions (pcsc.md §7.5).
        /// </summary>
        public bool IdleTransactionReset;

        /// <summary>Idle time (ms) after which <see cref="IdleTransactionReset"/> ends a transaction; Windows uses 5 s.</summary>
        public int IdleTransactionResetMillis = 5000;

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
    }
}
