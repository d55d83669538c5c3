using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// The host's UART line with counters: how many writes and reads the HSU transport made and how many
    /// characters each way they carried. The HSU counterpart of SimI2cDevice/SimSpiDevice's counters,
    /// kept in the benchmark so the simulated line itself stays as it is.
    /// </summary>
    public sealed class Pn532BenchUartLine : IUartLine
    {
        private readonly IUartLine inner;

        public Pn532BenchUartLine(IUartLine inner)
        {
            this.inner = inner;
        }

        /// <summary>Write and Read calls that moved at least one character.</summary>
        public long TransferCount { get; private set; }

        /// <summary>Characters written and characters read.</summary>
        public long ByteCount { get; private set; }

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
            Count(count);
        }

        public void Drain()
        {
            inner.Drain();
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMicros)
        {
            int received = inner.Read(buffer, offset, count, timeoutMicros);
            Count(received);
            return received;
        }

        public void DiscardInput()
        {
            inner.DiscardInput();
        }

        public void Dispose()
        {
            inner.Dispose();
        }

        private void Count(int characters)
        {
            if (characters > 0)
            {
                TransferCount++;
                ByteCount += characters;
            }
        }
    }
}
