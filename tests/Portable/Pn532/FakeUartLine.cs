using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Tests.Pn532Support;

namespace EmbeddedSmartCard.Tests.Pn532
{
    /// <summary>
    /// The PN532's HSU face for the transport tests: bytes the host writes are cut into frames with the
    /// codec and handed to the chip; what the chip queues lands in the receive buffer at once. Anything
    /// before a frame's start code (the wake-up preamble) is kept in <see cref="Preamble"/>.
    /// </summary>
    internal sealed class FakeUartLine : QueuedUartLine
    {
        private readonly FakePn532 chip;
        private readonly byte[] written = new byte[1024];
        private int writtenCount;

        public FakeUartLine(FakePn532 chip, FakeClock clock) : base(clock)
        {
            this.chip = chip;
        }

        /// <summary>Bytes written so far that were not part of a frame, as hex.</summary>
        public string Preamble { get; private set; }

        /// <summary>Line noise arriving before the chip's next bytes.</summary>
        public void Inject(string hex)
        {
            byte[] bytes = TestSupport.Hex(hex);
            Enqueue(bytes, 0, bytes.Length);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                written[writtenCount++] = buffer[offset + i];
            }

            int bodyOffset;
            int bodyLength;
            int consumed;
            Pn532FrameKind kind = Pn532FrameReader.Decode(written, 0, writtenCount, out bodyOffset, out bodyLength, out consumed);
            if (kind == Pn532FrameKind.Incomplete)
            {
                Preamble = TestSupport.ToHex(written, 0, writtenCount);
                return;
            }

            int start = Start(consumed);
            chip.ReceiveFromHost(written, start, consumed - start);
            writtenCount = 0;
            DeliverChipFrames();
        }

        /// <summary>Where the first frame written begins: its start code, or the 00 preamble just before it.</summary>
        private int Start(int consumed)
        {
            int start = 0;
            while (start + 1 < consumed && !(written[start] == 0x00 && written[start + 1] == 0xFF))
            {
                start++;
            }

            return start > 0 && written[start - 1] == 0x00 ? start - 1 : start;
        }

        private void DeliverChipFrames()
        {
            while (chip.Ready)
            {
                byte[] frame = chip.Current;
                Enqueue(frame, 0, frame.Length);

                chip.CurrentRead();
            }
        }
    }
}
