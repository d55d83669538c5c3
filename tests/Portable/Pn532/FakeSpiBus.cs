using System.Collections;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.Pn532
{
    /// <summary>
    /// The PN532's SPI face for the transport tests: DW takes a frame, SR answers 01 when a frame is queued,
    /// DR shifts the queued frame out where the previous DR stopped (the byte under the DR prefix is junk in
    /// the first chunk and already data in later ones, as libnfc observed). The chip shifts LSB first; a
    /// controller that does not (<see cref="LsbFirst"/> false) sees every byte mirrored on the wire.
    /// </summary>
    internal sealed class FakeSpiBus : ISpiDevice
    {
        private const byte DataWrite = 0x01;
        private const byte StatusRead = 0x02;
        private const byte DataRead = 0x03;
        private const byte Junk = 0xAA;

        private readonly FakePn532 chip;
        private readonly FakeClock clock;
        private readonly bool lsbFirst;
        private readonly ArrayList operations = new ArrayList();
        private readonly ArrayList starts = new ArrayList();
        private int position;

        public FakeSpiBus(FakePn532 chip, FakeClock clock, bool lsbFirst)
        {
            this.chip = chip;
            this.clock = clock;
            this.lsbFirst = lsbFirst;
        }

        public bool LsbFirst
        {
            get { return lsbFirst; }
        }

        public int TransferCount
        {
            get { return operations.Count; }
        }

        /// <summary>The operation byte as the chip understood it (01, 02, 03), per transfer.</summary>
        public byte Operation(int index)
        {
            return (byte)operations[index];
        }

        public long TransferStart(int index)
        {
            return (long)starts[index];
        }

        /// <summary>First byte of the last transfer as it was on the wire (host bit order).</summary>
        public byte LastWireByte { get; private set; }

        public int CountOperations(byte operation)
        {
            int n = 0;
            for (int i = 0; i < operations.Count; i++)
            {
                if ((byte)operations[i] == operation)
                {
                    n++;
                }
            }

            return n;
        }

        public void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
        {
            starts.Add(clock.NowMicros);
            clock.Delay(10);
            LastWireByte = writeBuffer[writeOffset];
            byte[] mosi = new byte[count];
            byte[] miso = new byte[count];
            for (int i = 0; i < count; i++)
            {
                mosi[i] = Wire(writeBuffer[writeOffset + i]);
            }

            operations.Add(mosi[0]);
            if (mosi[0] == DataWrite)
            {
                chip.ReceiveFromHost(mosi, 1, count - 1);
            }
            else if (mosi[0] == StatusRead && count > 1)
            {
                miso[1] = (byte)(chip.Ready ? 0x01 : 0x00);
            }
            else if (mosi[0] == DataRead)
            {
                ShiftFrameOut(miso, count);
            }

            for (int i = 0; i < count; i++)
            {
                readBuffer[readOffset + i] = Wire(miso[i]);
            }
        }

        private void ShiftFrameOut(byte[] miso, int count)
        {
            if (!chip.Ready)
            {
                return;
            }

            byte[] frame = chip.Current;
            int first = 0;
            if (position == 0)
            {
                miso[0] = Junk;
                first = 1;
            }

            for (int i = first; i < count; i++)
            {
                miso[i] = position < frame.Length ? frame[position] : (byte)0;
                position++;
            }

            if (position >= frame.Length)
            {
                chip.CurrentRead();
                position = 0;
            }
        }

        /// <summary>A byte crossing the wire between a controller and a chip that disagree on bit order comes out mirrored.</summary>
        private byte Wire(byte value)
        {
            if (lsbFirst)
            {
                return value;
            }

            int mirrored = 0;
            for (int bit = 0; bit < 8; bit++)
            {
                mirrored = (mirrored << 1) | ((value >> bit) & 1);
            }

            return (byte)mirrored;
        }
    }
}
