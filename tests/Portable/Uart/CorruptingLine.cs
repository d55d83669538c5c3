using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Uart
{
    /// <summary>
    /// Wraps a line and flips one received byte on demand: what a collision on the single-wire I/O
    /// (card and reader talking at once) looks like to the reader, which the simulated line does not model.
    /// </summary>
    internal sealed class CorruptingLine : ForwardingUartLine
    {
        public CorruptingLine(IUartLine inner) : base(inner)
        {
        }

        /// <summary>When set, the first byte of the next non-empty read comes back with its bits flipped.</summary>
        public bool CorruptNextRead;

        public override int Read(byte[] buffer, int offset, int count, int timeoutMicros)
        {
            int got = base.Read(buffer, offset, count, timeoutMicros);
            if (got > 0 && CorruptNextRead)
            {
                CorruptNextRead = false;
                buffer[offset] = (byte)~buffer[offset];
            }

            return got;
        }
    }
}
