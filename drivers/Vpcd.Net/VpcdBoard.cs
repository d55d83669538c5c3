using System;
using EmbeddedSmartCard.Boards;
using EmbeddedSmartCard.Hal.Linux;

namespace EmbeddedSmartCard.Drivers.Vpcd
{
    /// <summary>
    /// The "vpcd[:&lt;port&gt;]" board: one <see cref="VpcdReader"/> per port, each listening for a vicc (or a
    /// vsmartcard Android app) on its own TCP port. Nothing is bound until the manager opens a reader, so a
    /// port in use makes that reader unavailable (and supervised) rather than the board fail.
    /// </summary>
    public sealed class VpcdBoard : IBoard
    {
        private const int MicrosPerMilli = 1000;

        private readonly string name;
        private readonly VpcdReader[] readers;
        private readonly TcpVpcdListener[] listeners;

        private VpcdBoard(string name, VpcdReader[] readers, TcpVpcdListener[] listeners)
        {
            this.name = name;
            this.readers = readers;
            this.listeners = listeners;
        }

        public string Name
        {
            get { return name; }
        }

        public int ReaderCount
        {
            get { return readers.Length; }
        }

        public static VpcdBoard Create(string specText, VpcdSpec spec)
        {
            VpcdReader[] readers = new VpcdReader[spec.ReaderCount];
            TcpVpcdListener[] listeners = new TcpVpcdListener[spec.ReaderCount];
            for (int i = 0; i < readers.Length; i++)
            {
                int port = spec.Port == 0 ? 0 : spec.Port + i;
                listeners[i] = new TcpVpcdListener(spec.Address, port, spec.ResponseTimeoutMillis);
                readers[i] = new VpcdReader(Options(spec, port), listeners[i], MonotonicClock.Instance);
            }

            return new VpcdBoard(specText, readers, listeners);
        }

        /// <summary>The port reader <paramref name="index"/> listens on (the system's choice once opened, for port 0).</summary>
        public int GetPort(int index)
        {
            CheckIndex(index);
            return listeners[index].LocalPort;
        }

        public IReaderDriver GetReader(int index)
        {
            CheckIndex(index);
            return readers[index];
        }

        public string GetReaderName(int index)
        {
            CheckIndex(index);
            return readers[index].Options.ReaderName;
        }

        public void Dispose()
        {
            for (int i = 0; i < readers.Length; i++)
            {
                readers[i].Close();
            }
        }

        private static VpcdReaderOptions Options(VpcdSpec spec, int port)
        {
            VpcdReaderOptions options = new VpcdReaderOptions();
            options.ResponseTimeoutMicros = (long)spec.ResponseTimeoutMillis * MicrosPerMilli;
            options.ChannelNumber = port;
            if (spec.ReaderName != null)
            {
                options.ReaderName = spec.ReaderName;
            }

            return options;
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= readers.Length)
            {
                throw new ArgumentOutOfRangeException("index", "this vpcd board has " + readers.Length + " reader(s), got index " + index);
            }
        }
    }
}
