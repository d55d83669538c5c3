using System.Collections;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.Pn532Support
{
    /// <summary>
    /// A bytes-only serial line for tests, seen from the side under test: what the other end sends waits in a
    /// queue that Read drains, and an empty read waits out its time-out on the clock. It keeps the rate and
    /// format last configured; what happens to written bytes is the subclass's business.
    /// </summary>
    internal abstract class QueuedUartLine : IUartLine
    {
        private readonly IClock clock;
        private readonly ArrayList received = new ArrayList();

        protected QueuedUartLine(IClock clock)
        {
            this.clock = clock;
        }

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

        /// <summary>Bytes waiting in the receive queue.</summary>
        public int Pending
        {
            get { return received.Count; }
        }

        public void Configure(int baudRate, UartParity parity, UartStopBits stopBits)
        {
            BaudRate = baudRate;
            Parity = parity;
            StopBits = stopBits;
        }

        public abstract void Write(byte[] buffer, int offset, int count);

        public void Drain()
        {
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMicros)
        {
            if (received.Count == 0)
            {
                clock.Delay(timeoutMicros);
                return 0;
            }

            int n = 0;
            while (n < count && received.Count > 0)
            {
                buffer[offset + n++] = (byte)received[0];
                received.RemoveAt(0);
            }

            return n;
        }

        public void DiscardInput()
        {
            received.Clear();
        }

        public void Dispose()
        {
        }

        /// <summary>Bytes the other end sends, in order after those already waiting.</summary>
        protected void Enqueue(byte[] bytes, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                received.Add(bytes[offset + i]);
            }
        }
    }
}
