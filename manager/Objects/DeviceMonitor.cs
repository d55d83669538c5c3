using System.Collections;

namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>
    /// Watches reader arrival and departure (pcsc-sharp's DeviceMonitor): waits on the
    /// \\?PnP?\Notification entry, whose event counter moves with every reader added or removed, and
    /// compares reader lists. <see cref="Initialized"/> gives the readers at Start; then each change is
    /// <see cref="ReadersChanged"/> followed by one <see cref="ReaderAttached"/> / <see cref="ReaderDetached"/>
    /// per reader. A reader that leaves and comes back under the same name between two looks shows no change.
    /// </summary>
    public sealed class DeviceMonitor : StatusMonitor
    {
        private string[] readers = new string[0];

        public DeviceMonitor(SCardManager manager)
            : base(manager)
        {
        }

        /// <summary>The readers at Start (all of them Attached).</summary>
        public event ReaderListEventHandler Initialized;

        public event ReaderListEventHandler ReadersChanged;

        public event ReaderEventHandler ReaderAttached;

        public event ReaderEventHandler ReaderDetached;

        /// <summary>The reader list of the last look.</summary>
        public string[] Readers
        {
            get { return readers; }
        }

        public void Start()
        {
            ScardReaderState pnp = new ScardReaderState();
            pnp.Reader = ScardConstants.PnpNotification;
            pnp.CurrentState = ScardConstants.StateUnaware;
            StartWatching(new ScardReaderState[] { pnp });
        }

        protected override void OnInitialized(ScardReaderState[] states)
        {
            readers = ListReaders();
            ReaderListEventHandler handler = Initialized;
            if (handler != null)
            {
                handler(this, new ReaderListEventArgs(readers, readers, new string[0]));
            }
        }

        protected override void OnChanged(ScardReaderState[] states)
        {
            string[] before = readers;
            string[] now = ListReaders();
            readers = now;
            string[] attached = Missing(now, before);
            string[] detached = Missing(before, now);
            if (attached.Length == 0 && detached.Length == 0)
            {
                return;
            }

            ReaderListEventHandler handler = ReadersChanged;
            if (handler != null)
            {
                handler(this, new ReaderListEventArgs(now, attached, detached));
            }

            RaiseEach(ReaderDetached, detached);
            RaiseEach(ReaderAttached, attached);
        }

        private string[] ListReaders()
        {
            string[] names;
            int result = Manager.ListReaders(Context, out names);
            if (result == ScardError.NoReadersAvailable)
            {
                return new string[0];
            }

            PcscExceptions.Check(result);
            return names;
        }

        private void RaiseEach(ReaderEventHandler handler, string[] names)
        {
            for (int i = 0; handler != null && i < names.Length; i++)
            {
                handler(this, new ReaderEventArgs(names[i]));
            }
        }

        /// <summary>The names of <paramref name="from"/> that <paramref name="other"/> lacks.</summary>
        private static string[] Missing(string[] from, string[] other)
        {
            ArrayList missing = new ArrayList();
            for (int i = 0; i < from.Length; i++)
            {
                if (!Contains(other, from[i]))
                {
                    missing.Add(from[i]);
                }
            }

            return (string[])missing.ToArray(typeof(string));
        }

        private static bool Contains(string[] names, string name)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
