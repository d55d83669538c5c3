using System;
using System.Device.I2c;

namespace EmbeddedSmartCard.Hal.NanoFramework
{
    /// <summary>
    /// <see cref="II2cDevice"/> over nanoFramework's <see cref="I2cDevice"/>, which returns an
    /// <see cref="I2cTransferResult"/> instead of throwing (1.x takes <see cref="SpanByte"/>).
    /// </summary>
    public sealed class NanoI2cDevice : II2cDevice, IDisposable
    {
        private readonly I2cDevice _device;
        private readonly int _address;

        public NanoI2cDevice(int busId, int address, I2cBusSpeed speed)
        {
            _address = address;
            _device = new I2cDevice(new I2cConnectionSettings(busId, address, speed));
        }

        public int Address
        {
            get { return _address; }
        }

        public I2cStatus Write(byte[] buffer, int offset, int count)
        {
            return ToStatus(_device.Write(new SpanByte(buffer, offset, count)), count);
        }

        public I2cStatus Read(byte[] buffer, int offset, int count)
        {
            return ToStatus(_device.Read(new SpanByte(buffer, offset, count)), count);
        }

        private static I2cStatus ToStatus(I2cTransferResult result, int count)
        {
            switch (result.Status)
            {
                case I2cTransferStatus.FullTransfer:
                    return result.BytesTransferred == count ? I2cStatus.Ok : I2cStatus.DataNak;
                case I2cTransferStatus.SlaveAddressNotAcknowledged:
                    return I2cStatus.AddressNak;
                case I2cTransferStatus.PartialTransfer:
                    return I2cStatus.DataNak;
                default:
                    // ClockStretchTimeout and UnknownError: the bus itself failed.
                    return I2cStatus.BusError;
            }
        }

        /// <summary>Releases the bus device (a board built over NanoHardware releases what it opened).</summary>
        public void Dispose()
        {
            _device.Dispose();
        }
    }
}
