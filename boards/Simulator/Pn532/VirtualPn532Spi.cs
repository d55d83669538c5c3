using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// A <see cref="VirtualPn532"/> on SPI, mode 0, LSB first (reference iso7816-pn532.md §3.2). The first byte
    /// of each transaction selects the operation: DW (01) then a host frame, SR (02) then the status byte
    /// (01 = RDY) shifted out, DR (03) then frame bytes. Reads stream: a DR that continues a frame read started
    /// earlier shifts the next frame byte out during the DR byte itself (libnfc's chunked reads); the frame
    /// counts as read once its last byte went out. A powered-down chip shifts out FF and wakes on the
    /// transaction if PowerDown enabled SPI wake-up; what that transaction carried is lost. A chip held in reset
    /// drives nothing: MISO reads 00 (never RDY) and MOSI is ignored.
    /// </summary>
    public sealed class VirtualPn532Spi : ISimSpiPeer
    {
        public const byte DataWrite = 0x01;
        public const byte StatusRead = 0x02;
        public const byte DataRead = 0x03;

        /// <summary>PowerDown WakeUpEnable bit for SPI (reference §3.2, power modes).</summary>
        public const byte WakeUpSource = 0x20;

        private const byte StatusReady = 0x01;
        private const byte StatusBusy = 0x00;
        private const byte AsleepMiso = 0xFF;
        private const byte IdleMiso = 0x00;

        private readonly VirtualPn532 _chip;
        private bool _reading;
        private int _readPosition;

        public VirtualPn532Spi(VirtualPn532 chip)
        {
            _chip = chip;
        }

        public VirtualPn532 Chip
        {
            get { return _chip; }
        }

        public bool ShiftsLsbFirst
        {
            get { return true; }
        }

        /// <summary>A new SPI device on the chip's clock, with this chip behind it.</summary>
        public SimSpiDevice Attach(bool controllerLsbFirst, int clockHz)
        {
            SimSpiDevice device = new SimSpiDevice(_chip.Clock, controllerLsbFirst, clockHz);
            device.Peer = this;
            return device;
        }

        public void OnTransfer(SimSpiDevice device, byte[] mosi, int mosiOffset, byte[] miso, int misoOffset, int count)
        {
            if (count == 0)
            {
                return;
            }

            if (!_chip.Powered)
            {
                _reading = false;
                _readPosition = 0;
                Fill(miso, misoOffset, count, IdleMiso);
                return;
            }

            if (_chip.PoweredDown)
            {
                _chip.WakeUp(WakeUpSource);
                Fill(miso, misoOffset, count, AsleepMiso);
                return;
            }

            Fill(miso, misoOffset, count, IdleMiso);
            byte operation = mosi[mosiOffset];
            if (operation == DataRead)
            {
                StreamFrame(miso, misoOffset, count);
                return;
            }

            // Any other operation ends a frame read left unfinished: the next DR starts the frame again.
            _reading = false;
            _readPosition = 0;
            if (operation == DataWrite)
            {
                _chip.ReceiveFrame(mosi, mosiOffset + 1, count - 1, _chip.Clock.NowMicros);
            }
            else if (operation == StatusRead && count > 1)
            {
                miso[misoOffset + 1] = _chip.IsReady ? StatusReady : StatusBusy;
            }
        }

        private void StreamFrame(byte[] miso, int misoOffset, int count)
        {
            int length;
            byte[] frame = _chip.CurrentFrame(out length);
            if (frame == null)
            {
                return;
            }

            int first = _reading ? 0 : 1;
            _reading = true;
            for (int i = first; i < count && _readPosition < length; i++)
            {
                miso[misoOffset + i] = frame[_readPosition++];
            }

            if (_readPosition == length)
            {
                _chip.ConsumeFrame();
                _reading = false;
                _readPosition = 0;
            }
        }

        private static void Fill(byte[] buffer, int offset, int count, byte value)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = value;
            }
        }
    }
}
