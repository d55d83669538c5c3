using System.Collections;
using System.Threading;
using EmbeddedSmartCard.Boards;

namespace EmbeddedSmartCard.Drivers.PcscHost
{
    public sealed partial class PcscHostBoard
    {
        /// <summary>pcsc-lite's PnP pseudo-reader (pcsc.md §1.4), NUL-terminated for SCardGetStatusChange.</summary>
        private static readonly byte[] PnpNotification = PcscContext.NativeName(PcscCodes.PnpNotification);

        /// <summary>Where pcsc-lite keeps the PnP pseudo-reader's reader count in its state word.</summary>
        private const int EventCounterShift = 16;

        /// <summary>The host readers the board serves now (guarded by <see cref="currentLock"/>).</summary>
        private readonly ArrayList current = new ArrayList();
        private readonly object currentLock = new object();
        private readonly ManualResetEvent stopped = new ManualResetEvent(false);
        private readonly object watchLock = new object();
        private PcscContext watchContext;
        private Thread watcher;

        public event BoardReaderHandler ReaderArrived;

        public event BoardReaderHandler ReaderLeft;

        /// <summary>
        /// Starts the thread that follows pcscd's reader list: SCardGetStatusChange on the PnP pseudo-reader
        /// (bounded by the poll period, woken by Dispose through SCardCancel), then SCardListReaders. A host reader
        /// that appears (and passes reader=) becomes a new reader; one pcscd no longer lists leaves. While pcscd
        /// is away nothing leaves: its readers are unavailable (see <see cref="PcscHostReader"/>) and the list is
        /// compared again once it is back.
        /// </summary>
        public void StartWatching()
        {
            lock (watchLock)
            {
                if (watcher != null)
                {
                    return;
                }

                watcher = new Thread(WatchLoop);
                watcher.Start();
            }
        }

        private void StopWatching()
        {
            Thread thread;
            lock (watchLock)
            {
                stopped.Set();
                thread = watcher;
                watcher = null;
                if (watchContext != null)
                {
                    watchContext.Cancel();
                }
            }

            if (thread != null)
            {
                thread.Join();
            }
        }

        /// <summary>
        /// pcsc-lite 1.9.9 wakes a PnP wait when the number of readers differs from the count in the high 16 bits
        /// of the current state; a new context (pcscd back, maybe with other readers) is compared at once.
        /// </summary>
        private void WatchLoop()
        {
            uint known = PcscCodes.StateUnaware;
            while (!stopped.WaitOne(0, false))
            {
                PcscContext context = WatchContext();
                if (context == null)
                {
                    stopped.WaitOne(spec.PollPeriodMillis, false);
                    continue;
                }

                if (known == PcscCodes.StateUnaware)
                {
                    known = (uint)Compare(context) << EventCounterShift;
                    continue;
                }

                uint state;
                long result = context.WaitForChange(PnpNotification, known, spec.PollPeriodMillis, out state);
                if (result == PcscCodes.Success)
                {
                    known = state & ~PcscCodes.StateChanged;
                    Compare(context);
                }
                else if (result != PcscCodes.Timeout && result != PcscCodes.Cancelled)
                {
                    known = PcscCodes.StateUnaware;
                    DropWatchContext();
                    stopped.WaitOne(spec.PollPeriodMillis, false);
                }
            }

            DropWatchContext();
        }

        /// <summary>The watcher's context, established again after pcscd went away; null while it is not there.</summary>
        private PcscContext WatchContext()
        {
            lock (watchLock)
            {
                if (watchContext == null && !stopped.WaitOne(0, false))
                {
                    PcscContext context;
                    if (PcscContext.Establish(out context) == PcscCodes.Success)
                    {
                        watchContext = context;
                    }
                }

                return watchContext;
            }
        }

        private void DropWatchContext()
        {
            lock (watchLock)
            {
                if (watchContext != null)
                {
                    watchContext.Release();
                    watchContext = null;
                }
            }
        }

        /// <summary>
        /// Raises ReaderArrived for host readers not served yet and ReaderLeft for those pcscd no longer lists.
        /// Returns how many readers pcscd lists (0 when it cannot say).
        /// </summary>
        private int Compare(PcscContext context)
        {
            string[] names;
            long result = context.ListReaders(out names);
            if (result != PcscCodes.Success && result != PcscCodes.NoReadersAvailable)
            {
                return 0;
            }

            PcscHostReader[] gone = Departed(names);
            for (int i = 0; i < gone.Length; i++)
            {
                Raise(ReaderLeft, gone[i]);
                gone[i].Close();
            }

            for (int i = 0; i < names.Length; i++)
            {
                PcscHostReader arrived = Arrival(names[i]);
                if (arrived != null)
                {
                    Raise(ReaderArrived, arrived);
                }
            }

            return names.Length;
        }

        private PcscHostReader[] Departed(string[] names)
        {
            ArrayList gone = new ArrayList();
            lock (currentLock)
            {
                for (int i = current.Count - 1; i >= 0; i--)
                {
                    PcscHostReader reader = (PcscHostReader)current[i];
                    if (System.Array.IndexOf(names, reader.HostReaderName) < 0)
                    {
                        current.RemoveAt(i);
                        gone.Add(reader);
                    }
                }
            }

            return (PcscHostReader[])gone.ToArray(typeof(PcscHostReader));
        }

        /// <summary>A new reader for <paramref name="hostName"/>, or null when it is served already or filtered out.</summary>
        private PcscHostReader Arrival(string hostName)
        {
            if (!spec.Accepts(hostName))
            {
                return null;
            }

            lock (currentLock)
            {
                for (int i = 0; i < current.Count; i++)
                {
                    if (((PcscHostReader)current[i]).HostReaderName == hostName)
                    {
                        return null;
                    }
                }

                PcscHostReader reader = new PcscHostReader(hostName, Options(spec), current.Count);
                current.Add(reader);
                return reader;
            }
        }

        private void Raise(BoardReaderHandler handler, PcscHostReader reader)
        {
            if (handler != null)
            {
                handler(this, reader, reader.HostReaderName);
            }
        }
    }
}
