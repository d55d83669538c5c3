using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// A <see cref="VirtualPn532"/> on I2C (reference iso7816-pn532.md §3.2): a write transaction carries one
    /// host frame; every read transaction starts with the status byte (01 = RDY) followed, when ready, by the
    /// frame from its first byte and 00 padding. A frame counts as read only once a transaction covered it
    /// whole; a shorter read leaves it (and RDY) pending. A powered-down chip wakes on its address when
    /// PowerDown enabled I2C wake-up, and NAKs its address otherwise; a chip held in reset NAKs it always.
    /// </summary>
    public sealed class VirtualPn532I2c : ISimI2cPeer
    {
        /// <summary>The PN532's 7-bit I2C address (reference §3.2).</summary>
        public const int Address = 0x24;

        /// <summary>PowerDown WakeUpEnable bit for I2C (reference §3.2, power modes).</summary>
        public const byte WakeUpSource = 0x80;

        private const byte StatusReady = 0x01;
        private const byte StatusBusy = 0x00;

        private readonly VirtualPn532 _chip;

        public VirtualPn532I2c(VirtualPn532 chip)
        {
            _chip = chip;
        }

        public VirtualPn532 Chip
        {
            get { return _chip; }
        }

        /// <summary>A new I2C device for <paramref name="clock"/> at the PN532's address, with this chip behind it.</summary>
        public SimI2cDevice Attach(int busHz)
        {
            SimI2cDevice device = new SimI2cDevice(_chip.Clock, Address, busHz);
            device.Peer = this;
            return device;
        }

        public I2cStatus OnWrite(SimI2cDevice device, byte[] buffer, int offset, int count)
        {
            if (!_chip.Powered || !_chip.WakeUp(WakeUpSource))
            {
                return I2cStatus.AddressNak;
            }

            _chip.ReceiveFrame(buffer, offset, count, _chip.Clock.NowMicros);
            return I2cStatus.Ok;
        }

        public I2cStatus OnRead(SimI2cDevice device, byte[] buffer, int offset, int count)
        {
            if (!_chip.Powered)
            {
                return I2cStatus.AddressNak;
            }

            int length;
            byte[] frame = _chip.CurrentFrame(out length);
            if (frame == null && !_chip.WakeUp(WakeUpSource))
            {
                return I2cStatus.AddressNak;
            }

            if (count == 0)
            {
                return I2cStatus.Ok;
            }

            buffer[offset] = frame != null ? StatusReady : StatusBusy;
            for (int i = 1; i < count; i++)
            {
                buffer[offset + i] = frame != null && i - 1 < length ? frame[i - 1] : (byte)0;
            }

            if (frame != null && count - 1 >= length)
            {
                _chip.ConsumeFrame();
            }

            return I2cStatus.Ok;
        }
    }
}
