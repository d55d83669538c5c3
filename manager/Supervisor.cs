using System;
using System.Threading;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// The manager's background work, run on a timer thread one pass at a time: the power policy
    /// (<see cref="PowerPolicy"/>) and the restart of failed readers — the service failure actions of
    /// Windows SCardSvr (pcsc.md §3.5: restart after 120 s, then 300 s, then give up; the failure count
    /// starts again 900 s after the last restart), all taken from the manager's settings.
    /// A failed reader is closed at once (its handles see the card removed, GetStatusChange reports it
    /// UNAVAILABLE) and reopened when its delay is up; contexts and other readers are untouched.
    /// No lock is held across a device call here except the reader's card lock, as Connect does.
    /// </summary>
    internal sealed class Supervisor : IDisposable
    {
        private const long Never = long.MaxValue;

        private readonly SCardManager manager;
        private readonly ReaderRegistry registry;
        private readonly PowerPolicy power;
        private readonly Watchdog watchdog;
        private readonly Timer timer;
        private readonly object gate = new object();
        private long armedTicks = Never;
        private bool running;
        private bool runAgain;
        private bool disposed;

        public Supervisor(SCardManager manager, ReaderRegistry registry)
        {
            this.manager = manager;
            this.registry = registry;
            power = new PowerPolicy(manager, registry);
            watchdog = new Watchdog(registry);
            timer = new Timer(OnTimer, null, Timeout.Infinite, Timeout.Infinite);
        }

        /// <summary>
        /// Runs a pass after <paramref name="delayMillis"/> (0 = as soon as possible; a pass already running
        /// is then repeated). A pass already due earlier is never postponed.
        /// </summary>
        public void Schedule(int delayMillis)
        {
            lock (gate)
            {
                if (disposed)
                {
                    return;
                }

                if (running && delayMillis == 0)
                {
                    runAgain = true;
                    return;
                }

                long due = DateTime.UtcNow.Ticks + Ticks(delayMillis);
                if (due < armedTicks)
                {
                    armedTicks = due;
                    timer.Change(delayMillis, Timeout.Infinite);
                }
            }
        }

        /// <summary>A card may have become idle: look again when the idle power-down delay is up (only when that policy is on).</summary>
        public void NoteIdle()
        {
            int delay = manager.IdlePowerDownMillis;
            if (delay >= 0)
            {
                Schedule(delay);
            }
        }

        /// <summary>Starts watching driver calls against the current bound (a reader was added, or the bound changed).</summary>
        public void StartWatchdog()
        {
            watchdog.Start();
        }

        public void Dispose()
        {
            watchdog.Dispose();
            lock (gate)
            {
                disposed = true;
                timer.Change(Timeout.Infinite, Timeout.Infinite);
            }

            timer.Dispose();
        }

        private void OnTimer(object state)
        {
            lock (gate)
            {
                armedTicks = Never;
                if (running || disposed)
                {
                    runAgain = !disposed;
                    return;
                }

                running = true;
            }

            long next = Never;
            bool again = true;
            while (again)
            {
                next = Pass();
                lock (gate)
                {
                    again = runAgain && !disposed;
                    runAgain = false;
                    if (!again)
                    {
                        running = false;
                    }
                }
            }

            if (next != Never)
            {
                Schedule(MillisUntil(next));
            }
        }

        /// <summary>One look at every reader; returns when the next piece of work is due (DateTime ticks).</summary>
        private long Pass()
        {
            CloseReturnedDetached();
            long next = Never;
            ManagedReader[] readers = registry.Snapshot();
            for (int i = 0; i < readers.Length; i++)
            {
                try
                {
                    next = Earliest(next, Supervise(readers[i]));
                    next = Earliest(next, power.Apply(readers[i]));
                }
                catch (Exception)
                {
                    // A driver misbehaving in a way SupervisedDriver cannot catch must not stop the other readers.
                }
            }

            return next;
        }

        /// <summary>Closes a newly failed reader, or restarts it when its back-off delay is up.</summary>
        private long Supervise(ManagedReader reader)
        {
            bool closeNow;
            lock (registry.SyncRoot)
            {
                if (reader.Hung)
                {
                    if (reader.Supervised.Hung)
                    {
                        // Still inside the driver: its return is reported as a fault and brings us back.
                        return Never;
                    }

                    registry.ClearHung(reader);
                }

                if (!registry.CollectFault(reader) || !reader.Attached)
                {
                    return Never;
                }

                closeNow = !reader.FaultHandled;
            }

            if (closeNow)
            {
                if (!registry.EnterDevice(reader))
                {
                    return Never;
                }

                try
                {
                    reader.Device.Close();
                }
                finally
                {
                    registry.ExitDevice(reader);
                }

                return ScheduleRestart(reader);
            }

            return Restart(reader);
        }

        private long ScheduleRestart(ManagedReader reader)
        {
            long now = DateTime.UtcNow.Ticks;
            lock (registry.SyncRoot)
            {
                reader.FaultHandled = true;
                if (now - reader.LastRestartTicks > Ticks(manager.RestartCounterResetMillis))
                {
                    reader.RestartAttempts = 0;
                }

                int[] delays = manager.RestartDelaysMillis;
                reader.RestartDueTicks = delays != null && reader.RestartAttempts < delays.Length
                    ? now + Ticks(delays[reader.RestartAttempts])
                    : Never;
                registry.SignalChange();
                return reader.RestartDueTicks;
            }
        }

        private long Restart(ManagedReader reader)
        {
            long now = DateTime.UtcNow.Ticks;
            lock (registry.SyncRoot)
            {
                if (reader.RestartDueTicks > now)
                {
                    return reader.RestartDueTicks;
                }

                reader.RestartAttempts++;
                reader.LastRestartTicks = now;
                reader.Faulted = false;
                reader.FaultHandled = false;
            }

            if (Reopen(reader))
            {
                CloseIfRemoved(reader);
                return Never;
            }

            lock (registry.SyncRoot)
            {
                reader.Supervised.TakeFault();
                reader.Faulted = true;
            }

            return ScheduleRestart(reader);
        }

        /// <summary>Opens the device again through the device gate; false when it fails (or hung meanwhile).</summary>
        private bool Reopen(ManagedReader reader)
        {
            if (!registry.EnterDevice(reader))
            {
                return false;
            }

            try
            {
                return reader.Device.Open() == SmartcardStatus.Success;
            }
            finally
            {
                registry.ExitDevice(reader);
            }
        }

        /// <summary>Closes the devices of readers removed while a call used them, once that call is done.</summary>
        private void CloseReturnedDetached()
        {
            ManagedReader[] returned = registry.TakeReturnedDetached();
            for (int i = 0; i < returned.Length; i++)
            {
                returned[i].Device.Close();
            }
        }

        /// <summary>A reader removed while it was being reopened must not keep its driver open.</summary>
        private void CloseIfRemoved(ManagedReader reader)
        {
            bool attached;
            lock (registry.SyncRoot)
            {
                attached = reader.Attached;
            }

            if (!attached)
            {
                reader.Device.Close();
            }
        }

        private static long Earliest(long a, long b)
        {
            return a < b ? a : b;
        }

        private static long Ticks(int millis)
        {
            return (long)(millis < 0 ? 0 : millis) * TimeSpan.TicksPerMillisecond;
        }

        private static int MillisUntil(long ticks)
        {
            long left = (ticks - DateTime.UtcNow.Ticks) / TimeSpan.TicksPerMillisecond + 1;
            return left <= 0 ? 0 : (left > int.MaxValue ? int.MaxValue : (int)left);
        }
    }
}
