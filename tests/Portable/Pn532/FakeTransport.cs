using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532
{
    /// <summary>
    /// A transport that hands frames straight to a <see cref="FakePn532"/>: a read with nothing queued
    /// costs the whole time-out on the clock and reports IoTimeout.
    /// </summary>
    internal sealed class FakeTransport : IPn532Transport
    {
        private readonly FakePn532 chip;
        private readonly FakeClock clock;

        public FakeTransport(FakePn532 chip, FakeClock clock)
        {
            this.chip = chip;
            this.clock = clock;
        }

        public int WakeUpCount { get; private set; }

        /// <summary>Fault injection: when not Success, every read fails with this status.</summary>
        public SmartcardStatus ReadFailure { get; set; }

        public SmartcardStatus WakeUp()
        {
            WakeUpCount++;
            return SmartcardStatus.Success;
        }

        public SmartcardStatus WriteFrame(byte[] frame, int offset, int count)
        {
            chip.ReceiveFromHost(frame, offset, count);
            return SmartcardStatus.Success;
        }

        public SmartcardStatus ReadFrame(byte[] buffer, int offset, int capacity, long timeoutMicros, out int length)
        {
            length = 0;
            if (ReadFailure != SmartcardStatus.Success)
            {
                return ReadFailure;
            }

            if (!chip.Ready)
            {
                clock.Delay(timeoutMicros);
                return SmartcardStatus.IoTimeout;
            }

            byte[] frame = chip.Current;
            if (frame.Length > capacity)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            for (int i = 0; i < frame.Length; i++)
            {
                buffer[offset + i] = frame[i];
            }

            chip.CurrentRead();
            length = frame.Length;
            return SmartcardStatus.Success;
        }
    }
}
