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
            StartWatching(new ScardReaderState[] { CardReader.UnawareEntry(ScardConstants.PnpNotification) });
        }

        protected override ScardReaderState[] OnInitialized(ScardReaderState[] states)
        {
            readers = ListReaders();
            ReaderListEventHandler handler = Initialized;
            if (handler != null)
            {
                handler(this, new ReaderListEventArgs(readers, readers, new string[0]));
            }

            return states;
        }

        protected override ScardReaderState[] OnChanged(ScardReaderState[] states)
        {
            string[] before = readers;
            string[] now = ListReaders();
            readers = now;
            string[] attached = ReaderNameSet.Missing(now, before);
            string[] detached = ReaderNameSet.Missing(before, now);
            if (attached.Length == 0 && detached.Length == 0)
            {
                return states;
            }

            ReaderListEventHandler handler = ReadersChanged;
            if (handler != null)
            {
                handler(this, new ReaderListEventArgs(now, attached, detached));
            }

            RaiseEach(ReaderDetached, detached);
            RaiseEach(ReaderAttached, attached);
            return states;
        }

        private void RaiseEach(ReaderEventHandler handler, string[] names)
        {
            for (int i = 0; handler != null && i < names.Length; i++)
            {
                handler(this, new ReaderEventArgs(names[i]));
            }
        }
    }
}
