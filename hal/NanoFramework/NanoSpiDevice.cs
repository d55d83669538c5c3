using System;
using System.Device.Spi;

namespace EmbeddedSmartCard.Hal.NanoFramework
{
    /// <summary><see cref="ISpiDevice"/> over nanoFramework's <see cref="SpiDevice"/> (1.x takes <see cref="SpanByte"/>).</summary>
    public sealed class NanoSpiDevice : ISpiDevice, IDisposable
    {
        private readonly SpiDevice _device;
        private readonly bool _lsbFirst;

        /// <param name="settings">Bus, chip select, mode, clock and <see cref="SpiConnectionSettings.DataFlow"/>.</param>
        public NanoSpiDevice(SpiConnectionSettings settings)
        {
            _lsbFirst = settings.DataFlow == DataFlow.LsbFirst;
            _device = SpiDevice.Create(settings);
        }

        public bool LsbFirst
        {
            get { return _lsbFirst; }
        }

        public void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
        {
            _device.TransferFullDuplex(new SpanByte(writeBuffer, writeOffset, count), new SpanByte(readBuffer, readOffset, count));
        }

        /// <summary>Releases the bus device (a board built over NanoHardware releases what it opened).</summary>
        public void Dispose()
        {
            _device.Dispose();
        }
    }
}
