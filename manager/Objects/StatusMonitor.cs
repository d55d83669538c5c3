using System;
using System.Threading;

namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>
    /// The loop shared by <see cref="CardMonitor"/> and <see cref="DeviceMonitor"/>: a background thread
    /// with a context of its own that looks once (SCardGetStatusChange, timeout 0, from UNAWARE), then waits
    /// for changes with an INFINITE timeout, feeding back each full event state (event counter included, so
    /// nothing that happens between two calls is lost) as pcsc-sharp's SCardMonitor does. No polling: the
    /// thread sleeps in the manager until a reader event. <see cref="Cancel"/> stops it with SCardCancel
    /// and releases the context, so a Cancel that lands between two waits stops it too. Any other error, or
    /// an exception from an event handler, ends the loop and is raised once as <see cref="MonitorException"/>.
    /// Events are raised on the monitor's thread.
    /// </summary>
    public abstract class StatusMonitor : IDisposable
    {
        /// <summary>How long <see cref="Cancel"/> waits for the thread to finish its current event handler.</summary>
        public const int DefaultStopWaitMillis = 5000;

        private readonly SCardManager manager;
        private readonly object sync = new object();
        private Thread thread;
        private int context;
        private bool stopping;

        protected StatusMonitor(SCardManager manager)
        {
            if (manager == null)
            {
                throw new ArgumentNullException("manager");
            }

            this.manager = manager;
            StopWaitMillis = DefaultStopWaitMillis;
        }

        /// <summary>Raised once when the loop ends on an error (not on Cancel).</summary>
        public event MonitorErrorEventHandler MonitorException;

        public SCardManager Manager
        {
            get { return manager; }
        }

        public int StopWaitMillis { get; set; }

        /// <summary>True from Start until Cancel or an error ends the loop.</summary>
        public bool IsMonitoring
        {
            get
            {
                lock (sync)
                {
                    return thread != null;
                }
            }
        }

        /// <summary>The monitor's own context (0 when not monitoring).</summary>
        protected int Context
        {
            get { return context; }
        }

        /// <summary>The reader names now, through the monitor's context; empty when there are none.</summary>
        protected string[] ListReaders()
        {
            string[] names;
            int result = manager.ListReaders(context, out names);
            if (result == ScardError.NoReadersAvailable)
            {
                return new string[0];
            }

            PcscExceptions.Check(result);
            return names;
        }

        /// <summary>Stops the loop (SCardCancel, then SCardReleaseContext) and waits for its thread; harmless when not monitoring.</summary>
        public void Cancel()
        {
            Thread running;
            int released;
            lock (sync)
            {
                running = thread;
                released = context;
                thread = null;
                stopping = true;
            }

            if (running == null)
            {
                return;
            }

            manager.Cancel(released);
            manager.ReleaseContext(released);
            if (Thread.CurrentThread != running)
            {
                running.Join(StopWaitMillis);
            }
        }

        public void Dispose()
        {
            Cancel();
        }

        /// <summary>Starts watching <paramref name="states"/> on a new thread (InvalidOperationException when already monitoring).</summary>
        protected void StartWatching(ScardReaderState[] states)
        {
            lock (sync)
            {
                if (thread != null)
                {
                    throw new InvalidOperationException("the monitor is already running");
                }

                int established;
                PcscExceptions.Check(manager.EstablishContext(ScardConstants.ScopeSystem, out established));
                context = established;
                stopping = false;
                thread = new Thread(new ThreadStart(delegate { Run(established, states); }));
                thread.Start();
            }
        }

        /// <summary>
        /// The first look: every entry has its current state in EventState. Returns the entries to watch
        /// from now on (the same array, or another one with entries added or dropped).
        /// </summary>
        protected abstract ScardReaderState[] OnInitialized(ScardReaderState[] states);

        /// <summary>A change: the entries with SCARD_STATE_CHANGED differ from their CurrentState. Returns the entries to watch next.</summary>
        protected abstract ScardReaderState[] OnChanged(ScardReaderState[] states);

        private void Run(int ownContext, ScardReaderState[] states)
        {
            try
            {
                Look(ownContext, 0, states);
                ScardReaderState[] watched = OnInitialized(states);
                Acknowledge(watched);
                while (!IsStopping)
                {
                    if (Look(ownContext, ScardConstants.Infinite, watched))
                    {
                        watched = OnChanged(watched);
                        Acknowledge(watched);
                    }
                }
            }
            catch (CancelledException)
            {
                // SCardCancel is how a monitor is stopped.
            }
            catch (Exception error)
            {
                Fail(ownContext, error);
            }
        }

        /// <summary>One SCardGetStatusChange; false on a timeout.</summary>
        private bool Look(int ownContext, int timeoutMillis, ScardReaderState[] states)
        {
            int result = manager.GetStatusChange(ownContext, timeoutMillis, states);
            if (result == ScardError.Timeout)
            {
                return false;
            }

            PcscExceptions.Check(result);
            return true;
        }

        private bool IsStopping
        {
            get
            {
                lock (sync)
                {
                    return stopping;
                }
            }
        }

        /// <summary>
        /// The entries' new states become what the next call believes (pcsc.md §1.4). IGNORE, which the
        /// manager sets on an unknown reader's entry, is dropped too: the entry then waits for that reader
        /// to appear, and a monitor of only unknown readers sleeps instead of spinning.
        /// </summary>
        private static void Acknowledge(ScardReaderState[] states)
        {
            for (int i = 0; i < states.Length; i++)
            {
                states[i].CurrentState = states[i].EventState & ~(ScardConstants.StateChanged | ScardConstants.StateIgnore);
            }
        }

        /// <summary>Ends the loop on an error: the context is released and the error raised, unless Cancel came first.</summary>
        private void Fail(int ownContext, Exception error)
        {
            lock (sync)
            {
                if (stopping)
                {
                    return;
                }

                stopping = true;
                thread = null;
            }

            manager.ReleaseContext(ownContext);
            MonitorErrorEventHandler handler = MonitorException;
            if (handler == null)
            {
                return;
            }

            try
            {
                handler(this, error);
            }
            catch (Exception)
            {
                // The monitor has already stopped; a failing error handler has nobody left to tell.
            }
        }
    }
}
