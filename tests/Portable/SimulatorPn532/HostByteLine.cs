using System.Collections;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.SimulatorPn532Board
{
    /// <summary>
    /// A bytes-only serial device as a server sees it (a pseudo-terminal): the test queues what the host
    /// sends, reads what the server wrote, and sees the rate the server configured. An empty read waits
    /// out its time-out on <see cref="Clock"/>, the server's "real" time.
    /// </summary>
    internal sealed class HostByteLine : IUartLine
    {
        private readonly ArrayList fromHost = new ArrayList();
        private readonly ArrayList toHost = new ArrayList();

        public HostByteLine(VirtualClock clock)
        {
            Clock = clock;
        }

        public VirtualClock Clock { get; private set; }

        public int BaudRate { get; private set; }

        public UartParity Parity { get; private set; }

        public UartStopBits StopBits { get; private set; }

        public bool EchoesWrites
        {
            get { return false; }
        }

        public int ReceiveErrorCount
        {
            get { return 0; }
        }

        /// <summary>Bytes the server wrote so far.</summary>
        public int ToHostCount
        {
            get { return toHost.Count; }
        }

        public void HostSends(string hex)
        {
            byte[] bytes = TestSupport.Hex(hex);
            for (int i = 0; i < bytes.Length; i++)
            {
                fromHost.Add(bytes[i]);
            }
        }

        /// <summary>Everything the server wrote since the last call, as hex.</summary>
        public string TakeToHost()
        {
            byte[] bytes = new byte[toHost.Count];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)toHost[i];
            }

            toHost.Clear();
            return TestSupport.ToHex(bytes, 0, bytes.Length);
        }

        public void Configure(int baudRate, UartParity parity, UartStopBits stopBits)
        {
            BaudRate = baudRate;
            Parity = parity;
            StopBits = stopBits;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                toHost.Add(buffer[offset + i]);
            }
        }

        public void Drain()
        {
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMicros)
        {
            if (fromHost.Count == 0)
            {
                Clock.Advance(timeoutMicros);
                return 0;
            }

            int n = 0;
            while (n < count && fromHost.Count > 0)
            {
                buffer[offset + n++] = (byte)fromHost[0];
                fromHost.RemoveAt(0);
            }

            return n;
        }

        public void DiscardInput()
        {
            fromHost.Clear();
        }

        public void Dispose()
        {
        }
    }
}
