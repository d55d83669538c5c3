using System;
using System.Collections;
using System.IO;
using EmbeddedSmartCard.Boards;

namespace EmbeddedSmartCard.Drivers.PcscHost
{
    /// <summary>
    /// The "pcsc" board: one <see cref="PcscHostReader"/> per reader of the host's pcscd (those the spec's
    /// reader= filter accepts), named after the host reader so a user sees which one it is.
    /// </summary>
    public sealed class PcscHostBoard : IBoard
    {
        private readonly string name;
        private readonly PcscHostReader[] readers;

        private PcscHostBoard(string name, PcscHostReader[] readers)
        {
            this.name = name;
            this.readers = readers;
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
        /// Lists the host's readers. pcscd not running is an IOException saying so (the readers to build are
        /// unknown without it); a host without readers gives a board without readers.
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

            return new PcscHostBoard(specText, (PcscHostReader[])built.ToArray(typeof(PcscHostReader)));
        }

        public IReaderDriver GetReader(int index)
        {
            return Reader(index);
        }

        public string GetReaderName(int index)
        {
            return Reader(index).HostReaderName;
        }

        public void Dispose()
        {
            for (int i = 0; i < readers.Length; i++)
            {
                readers[i].Close();
            }
        }

        private static string[] ListHostReaders()
        {
            PcscContext context;
            long result = PcscContext.Establish(out context);
            if (result != PcscCodes.Success)
            {
                throw new IOException("pcsc: the host's PC/SC service is not reachable (is pcscd running?): SCardEstablishContext returned 0x" + result.ToString("X8"));
            }

            try
            {
                string[] names;
                result = context.ListReaders(out names);
                if (result != PcscCodes.Success && result != PcscCodes.NoReadersAvailable)
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
