using System.Collections;
using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Tests.Pn532Support;

namespace EmbeddedSmartCard.Tests.SimulatorPn532Board
{
    /// <summary>
    /// A bytes-only serial device as a server sees it (a pseudo-terminal): the test queues what the host
    /// sends, reads what the server wrote, and sees the rate the server configured. An empty read waits
    /// out its time-out on <see cref="Clock"/>, the server's "real" time.
    /// </summary>
    internal sealed class HostByteLine : QueuedUartLine
    {
        private readonly ArrayList toHost = new ArrayList();

        public HostByteLine(VirtualClock clock) : base(clock)
        {
            Clock = clock;
        }

        public VirtualClock Clock { get; private set; }

        /// <summary>Bytes the server wrote so far.</summary>
        public int ToHostCount
        {
            get { return toHost.Count; }
        }

        public void HostSends(string hex)
        {
            byte[] bytes = TestSupport.Hex(hex);
            Enqueue(bytes, 0, bytes.Length);
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

        public override void Write(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                toHost.Add(buffer[offset + i]);
            }
        }
    }
}
