using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.Uart
{
    /// <summary>
    /// Wraps a line and flips one received byte on demand: what a collision on the single-wire I/O
    /// (card and reader talking at once) looks like to the reader, which the simulated line does not model.
    /// </summary>
    internal sealed class CorruptingLine : IUartLine
    {
        private readonly IUartLine inner;

        public CorruptingLine(IUartLine inner)
        {
            this.inner = inner;
        }

        /// <summary>When set, the first byte of the next non-empty read comes back with its bits flipped.</summary>
        public bool CorruptNextRead;

        public int BaudRate
        {
            get { return inner.BaudRate; }
        }

        public UartParity Parity
        {
            get { return inner.Parity; }
        }

        public UartStopBits StopBits
        {
            get { return inner.StopBits; }
        }

        public bool EchoesWrites
        {
            get { return inner.EchoesWrites; }
        }

        public int ReceiveErrorCount
        {
            get { return inner.ReceiveErrorCount; }
        }

        public void Configure(int baudRate, UartParity parity, UartStopBits stopBits)
        {
            inner.Configure(baudRate, parity, stopBits);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
        }

        public void Drain()
        {
            inner.Drain();
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMicros)
        {
            int got = inner.Read(buffer, offset, count, timeoutMicros);
            if (got > 0 && CorruptNextRead)
            {
                CorruptNextRead = false;
                buffer[offset] = (byte)~buffer[offset];
            }

            return got;
        }

        public void DiscardInput()
        {
            inner.DiscardInput();
        }

        public void Dispose()
        {
            inner.Dispose();
        }
    }
}
