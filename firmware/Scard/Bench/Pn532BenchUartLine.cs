using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// The host's UART line with counters: how many writes and reads the HSU transport made and how many
    /// characters each way they carried. The HSU counterpart of SimI2cDevice/SimSpiDevice's counters,
    /// kept in the benchmark so the simulated line itself stays as it is.
    /// </summary>
    public sealed class Pn532BenchUartLine : ForwardingUartLine
    {
        public Pn532BenchUartLine(IUartLine inner) : base(inner)
        {
        }

        /// <summary>Write and Read calls that moved at least one character.</summary>
        public long TransferCount { get; private set; }

        /// <summary>Characters written and characters read.</summary>
        public long ByteCount { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            base.Write(buffer, offset, count);
            Count(count);
        }

        public override int Read(byte[] buffer, int offset, int count, int timeoutMicros)
        {
            int received = base.Read(buffer, offset, count, timeoutMicros);
            Count(received);
            return received;
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
