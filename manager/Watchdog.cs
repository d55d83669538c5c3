using System;
using System.Threading;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// Notices a driver call that hangs while it is still stuck: on a timer of its own (so a supervisor
    /// pass stuck in a driver cannot stop it), it looks at each reader's call in progress when its
    /// <see cref="SCardManager.DriverWatchdogMillis"/> bound is up and, past it, marks the reader hung
    /// (<see cref="ReaderRegistry.MarkHung"/>). It touches no device, only the manager's state, so it
    /// never waits behind the hung call. Armed only while a bound is set and readers are listed: at most
    /// one look per bound while no call runs.
    /// </summary>
    internal sealed class Watchdog : IDisposable
    {
        private readonly ReaderRegistry registry;
        private readonly Timer timer;
        private readonly object gate = new object();
        private bool disposed;

        public Watchdog(ReaderRegistry registry)
        {
            this.registry = registry;
            timer = new Timer(OnTimer, null, Timeout.Infinite, Timeout.Infinite);
        }

        /// <summary>Looks now, then re-arms itself (a reader was added, or the bound changed).</summary>
        public void Start()
        {
            timer.Change(0, Timeout.Infinite);
        }

        public void Dispose()
        {
            lock (gate)
            {
                disposed = true;
                timer.Change(Timeout.Infinite, Timeout.Infinite);
            }

            timer.Dispose();
        }

        // Looks run one at a time (the gate); each re-arms from a fresh look, so the last one wins.
        private void OnTimer(object state)
        {
            lock (gate)
            {
                if (disposed)
                {
                    return;
                }

                long now = DateTime.UtcNow.Ticks;
                long next = long.MaxValue;
                ManagedReader[] readers = registry.Snapshot();
                for (int i = 0; i < readers.Length; i++)
                {
                    long due;
                    if (readers[i].Supervised.CheckHung(now, out due))
                    {
                        registry.MarkHung(readers[i]);
                    }

                    next = due < next ? due : next;
                }

                if (next != long.MaxValue)
                {
                    timer.Change(MillisUntil(next, now), Timeout.Infinite);
                }
            }
        }

        private static int MillisUntil(long ticks, long now)
        {
            long left = (ticks - now) / TimeSpan.TicksPerMillisecond + 1;
            return left <= 0 ? 0 : (left > int.MaxValue ? int.MaxValue : (int)left);
        }
    }
}
