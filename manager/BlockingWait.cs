using System;
using System.Threading;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// One blocked SCard call (GetStatusChange, Connect or BeginTransaction queueing): woken by the
    /// event it waits for (<see cref="Wake"/>), by SCardCancel / SCardReleaseContext of its context
    /// (<see cref="Cancel"/>), or by its timeout. Obtained from <see cref="ScardContext.BeginWait"/>
    /// BEFORE the caller evaluates its condition, so neither a wake nor a cancel that lands between
    /// the evaluation and <see cref="Wait"/> is lost: both are remembered in flags and the event stays set.
    /// A wake is consumed by the <see cref="Wait"/> that reports it; a cancel is permanent.
    /// Its lock is a leaf: nothing else is taken while it is held.
    /// </summary>
    internal sealed class BlockingWait
    {
        private readonly object gate = new object();
        private readonly ManualResetEvent signal = new ManualResetEvent(false);
        private bool woken;
        private bool cancelled;

        public bool IsCancelled
        {
            get
            {
                lock (gate)
                {
                    return cancelled;
                }
            }
        }

        /// <summary>The awaited event happened (or may have: the caller re-evaluates its condition).</summary>
        public void Wake()
        {
            lock (gate)
            {
                woken = true;
                signal.Set();
            }
        }

        /// <summary>SCardCancel: this wait and every later <see cref="Wait"/> return SCARD_E_CANCELLED.</summary>
        public void Cancel()
        {
            lock (gate)
            {
                cancelled = true;
                signal.Set();
            }
        }

        /// <summary>
        /// Blocks until woken, cancelled or <paramref name="timeoutMillis"/> pass (0 = just poll,
        /// <see cref="ScardConstants.Infinite"/> = no limit). Returns ScardError.Cancelled, Success
        /// (woken; the wake is consumed) or Timeout. A cancel outranks a wake that arrived with it.
        /// </summary>
        public int Wait(int timeoutMillis)
        {
            int outcome = Poll();
            if (outcome != ScardError.Timeout || timeoutMillis == 0)
            {
                return outcome;
            }

            signal.WaitOne(timeoutMillis < 0 ? Timeout.Infinite : timeoutMillis, false);
            return Poll();
        }

        /// <summary>
        /// The wall-clock moment a call with <paramref name="timeoutMillis"/> gives up, in DateTime ticks
        /// (<see cref="long.MaxValue"/> for INFINITE), for callers that wait more than once.
        /// </summary>
        public static long Deadline(int timeoutMillis)
        {
            return timeoutMillis < 0 ? long.MaxValue : DateTime.UtcNow.Ticks + (long)timeoutMillis * TimeSpan.TicksPerMillisecond;
        }

        /// <summary>Milliseconds left until <paramref name="deadline"/>: 0 once passed, INFINITE for no deadline.</summary>
        public static int Remaining(long deadline)
        {
            if (deadline == long.MaxValue)
            {
                return ScardConstants.Infinite;
            }

            long left = (deadline - DateTime.UtcNow.Ticks) / TimeSpan.TicksPerMillisecond;
            return left <= 0 ? 0 : (left > int.MaxValue ? int.MaxValue : (int)left);
        }

        /// <summary>Consumes a pending wake; re-arms the event when nothing is pending (under the gate, so no Set is lost).</summary>
        private int Poll()
        {
            lock (gate)
            {
                if (cancelled)
                {
                    return ScardError.Cancelled;
                }

                signal.Reset();
                if (woken)
                {
                    woken = false;
                    return ScardError.Success;
                }

                return ScardError.Timeout;
            }
        }
    }
}
