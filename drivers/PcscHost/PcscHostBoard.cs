using System;
using System.Collections;
using System.IO;
using EmbeddedSmartCard.Boards;

namespace EmbeddedSmartCard.Drivers.PcscHost
{
    /// <summary>
    /// The "pcsc" board: one <see cref="PcscHostReader"/> per reader of the host's pcscd (those the spec's
    /// reader= filter accepts), named after the host reader so a user sees which one it is. Host readers
    /// plugged in or out later arrive and leave through <see cref="IHotplugBoard"/>.
    /// </summary>
    public sealed partial class PcscHostBoard : IHotplugBoard
    {
        private readonly string name;
        private readonly PcscSpec spec;

        /// <summary>The readers present when the board was built (the IBoard ones).</summary>
        private readonly PcscHostReader[] readers;

        private PcscHostBoard(string name, PcscSpec spec, PcscHostReader[] readers)
        {
            this.name = name;
            this.spec = spec;
            this.readers = readers;
            for (int i = 0; i < readers.Length; i++)
            {
                current.Add(readers[i]);
            }
        }

        public string Name
        {
            get { return name; }
        }

        public int ReaderCount
        {
            get { return readers.Length; }
        }

        /// <summary>
        /// Builds one reader per host reader pcscd lists now. A host without readers, or pcscd not running yet,
        /// gives a board without readers: the watcher adds them as pcscd lists them, as a pcsc-lite application
        /// waiting on \\?PnP?\Notification sees them arrive. Any other failure to ask pcscd is an IOException.
        /// </summary>
        public static PcscHostBoard Create(string specText, PcscSpec spec)
        {
            string[] hostNames = ListHostReaders();
            ArrayList built = new ArrayList();
            for (int i = 0; i < hostNames.Length; i++)
            {
                if (spec.Accepts(hostNames[i]))
                {
                    built.Add(new PcscHostReader(hostNames[i], Options(spec), built.Count));
                }
            }

            return new PcscHostBoard(specText, spec, (PcscHostReader[])built.ToArray(typeof(PcscHostReader)));
        }

        public IReaderDriver GetReader(int index)
        {
            return Reader(index);
        }

        public string GetReaderName(int index)
        {
            return Reader(index).HostReaderName;
        }

        /// <summary>Stops following the host and closes every reader, those that arrived later too.</summary>
        public void Dispose()
        {
            StopWatching();
            PcscHostReader[] all;
            lock (currentLock)
            {
                all = (PcscHostReader[])current.ToArray(typeof(PcscHostReader));
            }

            for (int i = 0; i < all.Length; i++)
            {
                all[i].Close();
            }
        }

        /// <summary>The host's reader names; none while pcscd is not there (<see cref="PcscStatusMap.IsServiceLost"/>).</summary>
        private static string[] ListHostReaders()
        {
            PcscContext context;
            long result = PcscContext.Establish(out context);
            if (PcscStatusMap.IsServiceLost(result))
            {
                return new string[0];
            }

            if (result != PcscCodes.Success)
            {
                throw new IOException("pcsc: SCardEstablishContext returned 0x" + result.ToString("X8"));
            }

            try
            {
                string[] names;
                result = context.ListReaders(out names);
                if (result != PcscCodes.Success && result != PcscCodes.NoReadersAvailable && !PcscStatusMap.IsServiceLost(result))
                {
                    throw new IOException("pcsc: SCardListReaders returned 0x" + result.ToString("X8"));
                }

                return names;
            }
            finally
            {
                context.Release();
            }
        }

        private static PcscHostReaderOptions Options(PcscSpec spec)
        {
            PcscHostReaderOptions options = new PcscHostReaderOptions();
            options.PollPeriodMillis = spec.PollPeriodMillis;
            return options;
        }

        private PcscHostReader Reader(int index)
        {
            if (index < 0 || index >= readers.Length)
            {
                throw new ArgumentOutOfRangeException("index", "this pcsc board has " + readers.Length + " reader(s), got index " + index);
            }

            return readers[index];
        }
    }
}
