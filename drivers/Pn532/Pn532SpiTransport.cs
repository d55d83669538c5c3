using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// PN532 over SPI (UM0701-02 §6.2.5, reference §3.2 "SPI"): mode 0, least significant bit first. The
    /// first byte under chip select names the operation: DW (data write, then the frame), SR (status
    /// read; 01 = ready) or DR (data read, then frame bytes). Controllers that shift MSB first only
    /// (Raspberry Pi, RP2040, …) get every byte bit-reversed here, as libnfc does.
    /// A response is read in chunks sized by <see cref="Pn532FrameReader.RemainingLength"/>, so it is read
    /// completely and no further: in every chunk after the first the chip shifts the next frame byte out
    /// already while the host sends DR (libnfc pn532_spi_receive_next_chunk), so that byte is data.
    /// </summary>
    public sealed class Pn532SpiTransport : IPn532Transport
    {
        /// <summary>Data write prefix.</summary>
        public const byte DataWrite = 0x01;

        /// <summary>Status read prefix.</summary>
        public const byte StatusRead = 0x02;

        /// <summary>Data read prefix.</summary>
        public const byte DataRead = 0x03;

        /// <summary>Status byte of a chip with a frame ready.</summary>
        private const byte StatusReady = 0x01;

        /// <summary>
        /// Chip select held low before the first clock: without ~1 ms the PN532 answers garbage (reference §3.2,
        /// codewithsundeep Q 28541355); dotnet/iot waits 2 ms. Only possible with a chip-select pin of our own.
        /// </summary>
        public const long ChipSelectSetupMicros = 1000;

        /// <summary>Chip select held low to wake the chip from power-down: Adafruit 2 ms (reference §3.2 "Power modes").</summary>
        public const long WakeUpHoldMicros = 2000;

        /// <summary>Period of SR polls when no IRQ pin is wired; short against the few ms an ACK takes.</summary>
        public const long StatusPollMicros = 1000;

        private const int PrefixLength = 1;

        private readonly ISpiDevice device;
        private readonly IClock clock;
        private readonly IInputPin irq;
        private readonly IOutputPin chipSelect;
        private readonly byte[] mosi = new byte[PrefixLength + Pn532Frame.MaxFrameLength];
        private readonly byte[] miso = new byte[PrefixLength + Pn532Frame.MaxFrameLength];

        /// <summary>
        /// Builds the transport. <paramref name="irq"/> may be null (SR polling then). <paramref name="chipSelect"/>
        /// may be null when the controller drives NSS itself; given, it is driven here (active low) with the
        /// set-up time the chip needs.
        /// </summary>
        public Pn532SpiTransport(ISpiDevice device, IClock clock, IInputPin irq, IOutputPin chipSelect)
        {
            this.device = device;
            this.clock = clock;
            this.irq = irq;
            this.chipSelect = chipSelect;
            if (chipSelect != null)
            {
                chipSelect.Write(true);
            }
        }

        /// <summary>A falling NSS held low for a while wakes the chip; a status read is what clocks it when NSS is the controller's.</summary>
        public SmartcardStatus WakeUp()
        {
            if (chipSelect != null)
            {
                chipSelect.Write(false);
                clock.Delay(WakeUpHoldMicros);
                chipSelect.Write(true);
                return SmartcardStatus.Success;
            }

            ReadStatus();
            clock.Delay(WakeUpHoldMicros);
            return SmartcardStatus.Success;
        }

        public SmartcardStatus WriteFrame(byte[] frame, int offset, int count)
        {
            if (count > Pn532Frame.MaxFrameLength)
            {
                return SmartcardStatus.InvalidParameter;
            }

            mosi[0] = DataWrite;
            for (int i = 0; i < count; i++)
            {
                mosi[PrefixLength + i] = frame[offset + i];
            }

            Transfer(PrefixLength + count);
            return SmartcardStatus.Success;
        }

        public SmartcardStatus ReadFrame(byte[] buffer, int offset, int capacity, long timeoutMicros, out int length)
        {
            length = 0;
            if (!WaitReady(clock.NowMicros + timeoutMicros))
            {
                return SmartcardStatus.IoTimeout;
            }

            int wanted;
            while ((wanted = Pn532FrameReader.RemainingLength(buffer, offset, length)) > 0)
            {
                if (length + wanted > capacity)
                {
                    return SmartcardStatus.BufferTooSmall;
                }

                ReadChunk(buffer, offset + length, wanted, length == 0);
                length += wanted;
            }

            return SmartcardStatus.Success;
        }

        /// <summary>
        /// One DR transaction delivering <paramref name="count"/> frame bytes: the first chunk has the DR byte
        /// in front of them, later chunks receive their first byte during DR itself.
        /// </summary>
        private void ReadChunk(byte[] buffer, int offset, int count, bool first)
        {
            int skipped = first ? PrefixLength : 0;
            int transferLength = skipped + count;
            mosi[0] = DataRead;
            for (int i = 1; i < transferLength; i++)
            {
                mosi[i] = 0x00;
            }

            Transfer(transferLength);
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = miso[skipped + i];
            }
        }

        private bool WaitReady(long deadline)
        {
            if (irq != null)
            {
                return Pn532IrqPin.WaitAsserted(irq, clock, deadline);
            }

            while (ReadStatus() != StatusReady)
            {
                long left = deadline - clock.NowMicros;
                if (left <= 0)
                {
                    return false;
                }

                clock.Delay(left < StatusPollMicros ? left : StatusPollMicros);
            }

            return true;
        }

        private byte ReadStatus()
        {
            mosi[0] = StatusRead;
            mosi[1] = 0x00;
            Transfer(PrefixLength + 1);
            return miso[PrefixLength];
        }

        /// <summary>One chip-select assertion; bytes reversed around the controller when it shifts MSB first.</summary>
        private void Transfer(int count)
        {
            bool reverse = !device.LsbFirst;
            if (reverse)
            {
                ReverseBits(mosi, count);
            }

            if (chipSelect != null)
            {
                chipSelect.Write(false);
                clock.Delay(ChipSelectSetupMicros);
            }

            device.TransferFullDuplex(mosi, 0, miso, 0, count);
            if (chipSelect != null)
            {
                chipSelect.Write(true);
            }

            if (reverse)
            {
                ReverseBits(miso, count);
            }
        }

        private static void ReverseBits(byte[] buffer, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[i] = ReverseBits(buffer[i]);
            }
        }

        /// <summary>The byte with bit 0 and bit 7 (and so on inwards) swapped: nibbles, then pairs, then single bits.</summary>
        private static byte ReverseBits(byte value)
        {
            int v = value;
            v = ((v & 0xF0) >> 4) | ((v & 0x0F) << 4);
            v = ((v & 0xCC) >> 2) | ((v & 0x33) << 2);
            v = ((v & 0xAA) >> 1) | ((v & 0x55) << 1);
            return (byte)v;
        }
    }
}
