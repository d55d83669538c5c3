using System.Collections;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.Pn532
{
    /// <summary>
    /// The PN532's I2C face for the transport tests: a read answers the status byte (RDY when a frame is
    /// queued) and then the frame from its start, padded with zeros; a read covering the whole frame
    /// consumes it. Records when each transaction started, and can NAK the next transactions.
    /// </summary>
    internal sealed class FakeI2cBus : II2cDevice
    {
        private readonly FakePn532 chip;
        private readonly FakeClock clock;
        private readonly ArrayList starts = new ArrayList();
        private int naks;

        public FakeI2cBus(FakePn532 chip, FakeClock clock)
        {
            this.chip = chip;
            this.clock = clock;
        }

        public int Address
        {
            get { return 0x24; }
        }

        public int TransactionCount
        {
            get { return starts.Count; }
        }

        public int ReadCount { get; private set; }

        public long TransactionStart(int index)
        {
            return (long)starts[index];
        }

        public void NakNext(int transactions)
        {
            naks = transactions;
        }

        public I2cStatus Write(byte[] buffer, int offset, int count)
        {
            if (Begin())
            {
                return I2cStatus.AddressNak;
            }

            chip.ReceiveFromHost(buffer, offset, count);
            return I2cStatus.Ok;
        }

        public I2cStatus Read(byte[] buffer, int offset, int count)
        {
            if (Begin())
            {
                return I2cStatus.AddressNak;
            }

            ReadCount++;
            bool ready = chip.Ready;
            buffer[offset] = (byte)(ready ? 0x01 : 0x00);
            byte[] frame = ready ? chip.Current : new byte[0];
            for (int i = 1; i < count; i++)
            {
                buffer[offset + i] = i - 1 < frame.Length ? frame[i - 1] : (byte)0;
            }

            if (ready && count - 1 >= frame.Length)
            {
                chip.CurrentRead();
            }

            return I2cStatus.Ok;
        }

        /// <summary>Counts the transaction; true when it is NAKed.</summary>
        private bool Begin()
        {
            starts.Add(clock.NowMicros);
            clock.Delay(100);
            if (naks > 0)
            {
                naks--;
                return true;
            }

            return false;
        }
    }
}
