using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// PN532 over I2C (UM0701-02 §6.2.4, reference §3.2 "I2C"): a write transaction carries a raw frame;
    /// every read transaction starts with a status byte whose bit 0 is RDY, followed in the same
    /// transaction by the frame. The chip may NAK its address while it wakes up or right after an
    /// exchange, so writes are retried and a NAKed status read just means "not ready yet".
    /// </summary>
    public sealed class Pn532I2cTransport : IPn532Transport
    {
        /// <summary>The PN532's 7-bit I2C address (8-bit 0x48 write / 0x49 read).</summary>
        public const int DefaultAddress = 0x24;

        /// <summary>Bus-free time between a STOP and the next START: PN532 datasheet §12.25 table 320 (tBUF), as libnfc enforces it.</summary>
        public const long BusFreeMicros = 5000;

        /// <summary>RDY bit of the status byte.</summary>
        private const byte StatusReady = 0x01;

        /// <summary>Status byte in front of every read.</summary>
        private const int StatusLength = 1;

        /// <summary>Write attempts before giving up: libnfc retries a failed write three times.</summary>
        private const int WriteAttempts = 3;

        /// <summary>Status reads tried while the chip wakes up (it NAKs or stretches SCL until its oscillator runs).</summary>
        private const int WakeUpAttempts = 10;

        private readonly II2cDevice device;
        private readonly IClock clock;
        private readonly IInputPin irq;
        private readonly byte[] readBuffer = new byte[StatusLength + Pn532Frame.MaxFrameLength];
        private long busFreeAtMicros;

        /// <summary>Builds the transport. <paramref name="irq"/> may be null: the status byte is polled then.</summary>
        public Pn532I2cTransport(II2cDevice device, IClock clock, IInputPin irq)
        {
            this.device = device;
            this.clock = clock;
            this.irq = irq;
            busFreeAtMicros = clock.NowMicros;
        }

        /// <summary>
        /// The address match itself wakes the chip (reference §3.2 "Power modes"), which NAKs or stretches
        /// the clock meanwhile: tries a status read until one is acknowledged.
        /// </summary>
        public SmartcardStatus WakeUp()
        {
            for (int attempt = 0; attempt < WakeUpAttempts; attempt++)
            {
                if (Read(StatusLength) == I2cStatus.Ok)
                {
                    return SmartcardStatus.Success;
                }
            }

            return SmartcardStatus.NoSuchDevice;
        }

        public SmartcardStatus WriteFrame(byte[] frame, int offset, int count)
        {
            for (int attempt = 0; attempt < WriteAttempts; attempt++)
            {
                WaitBusFree();
                I2cStatus status = device.Write(frame, offset, count);
                busFreeAtMicros = clock.NowMicros + BusFreeMicros;
                if (status == I2cStatus.Ok)
                {
                    return SmartcardStatus.Success;
                }
            }

            return SmartcardStatus.IoDeviceError;
        }

        /// <summary>
        /// Waits for RDY (the IRQ pin, or one-byte status reads every bus-free time), then reads the status
        /// byte and <paramref name="capacity"/> frame bytes in one transaction: the frame's length is only
        /// known inside it, so the caller sizes <paramref name="capacity"/> for the longest frame it expects.
        /// </summary>
        public SmartcardStatus ReadFrame(byte[] buffer, int offset, int capacity, long timeoutMicros, out int length)
        {
            length = 0;
            int count = capacity < Pn532Frame.MaxFrameLength ? capacity : Pn532Frame.MaxFrameLength;
            long deadline = clock.NowMicros + timeoutMicros;
            while (true)
            {
                if (WaitReady(deadline) && Read(StatusLength + count) == I2cStatus.Ok && IsReady())
                {
                    for (int i = 0; i < count; i++)
                    {
                        buffer[offset + i] = readBuffer[StatusLength + i];
                    }

                    length = count;
                    return SmartcardStatus.Success;
                }

                if (clock.NowMicros >= deadline)
                {
                    return SmartcardStatus.IoTimeout;
                }
            }
        }

        /// <summary>True once the chip signals RDY before <paramref name="deadline"/>.</summary>
        private bool WaitReady(long deadline)
        {
            if (irq != null)
            {
                return Pn532IrqPin.WaitAsserted(irq, clock, deadline);
            }

            while (clock.NowMicros < deadline)
            {
                if (Read(StatusLength) == I2cStatus.Ok && IsReady())
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsReady()
        {
            return (readBuffer[0] & StatusReady) != 0;
        }

        private I2cStatus Read(int count)
        {
            WaitBusFree();
            I2cStatus status = device.Read(readBuffer, 0, count);
            busFreeAtMicros = clock.NowMicros + BusFreeMicros;
            return status;
        }

        private void WaitBusFree()
        {
            clock.Delay(busFreeAtMicros - clock.NowMicros);
        }
    }
}
