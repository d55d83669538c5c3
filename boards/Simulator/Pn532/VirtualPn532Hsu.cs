using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// A <see cref="VirtualPn532"/> on HSU, 8N1 at the chip's <see cref="VirtualPn532.SerialBaudRate"/> (115 200 bd
    /// from power-on, changed by SetSerialBaudRate; reference iso7816-pn532.md §3.2): host characters
    /// collect until the codec finds a frame in them (bytes before a start code, the 55 wake-up and the long
    /// preamble included, are skipped); the chip's ACK and response go back on the line at the times the chip
    /// makes them ready. A host frame cancels whatever the chip still had to send. Characters at another baud
    /// rate are framing errors and lost. A powered-down chip wakes on a 55 when PowerDown enabled HSU wake-up
    /// and ignores the characters before it. A chip held in reset ignores every character and withdraws what it
    /// still had to send.
    /// </summary>
    public sealed class VirtualPn532Hsu : ISimUartPeer
    {
        /// <summary>PowerDown WakeUpEnable bit for HSU (reference §3.2, power modes).</summary>
        public const byte WakeUpSource = 0x10;

        /// <summary>The wake-up character (reference §3.2).</summary>
        public const byte WakeUpCharacter = 0x55;

        // 8N1: start, 8 data bits, stop.
        private const int BitsPerCharacter = 10;

        // With no parity the ninth bit slot carries the stop bit (ISimUartPeer).
        private const bool StopBit = true;

        private readonly VirtualPn532 _chip;
        private readonly SimUartLine _line;
        private readonly byte[] _input = new byte[2 * Pn532Frame.MaxFrameLength];
        private int _inputLength;

        /// <summary>Connects the chip to the far end of <paramref name="line"/> (the host's side).</summary>
        public VirtualPn532Hsu(VirtualPn532 chip, SimUartLine line)
        {
            _chip = chip;
            _line = line;
            line.Peer = this;
            chip.FrameScheduled += OnFrameScheduled;
            chip.ResetPin.Written += OnResetPinWritten;
        }

        public VirtualPn532 Chip
        {
            get { return _chip; }
        }

        public void OnCharacter(SimUartLine line, byte data, bool parityBit, long startMicros, int baudRate)
        {
            if (!_chip.Powered || !SimUartLine.BaudRatesMatch(baudRate, _chip.SerialBaudRate))
            {
                return;
            }

            if (_chip.PoweredDown)
            {
                if (data == WakeUpCharacter)
                {
                    _chip.WakeUp(WakeUpSource);
                }

                return;
            }

            if (_inputLength == _input.Length)
            {
                // No start code in a full buffer: it is all noise.
                _inputLength = 0;
            }

            _input[_inputLength++] = data;
            long endMicros = startMicros + SimUartLine.CharacterMicros(BitsPerCharacter, baudRate);
            TakeFrame(endMicros);
        }

        private void TakeFrame(long endMicros)
        {
            int bodyOffset;
            int bodyLength;
            int consumed;
            Pn532FrameKind kind = Pn532FrameReader.Decode(_input, 0, _inputLength, out bodyOffset, out bodyLength, out consumed);
            if (kind == Pn532FrameKind.Incomplete)
            {
                return;
            }

            // A new host frame aborts what the chip was still sending.
            _line.CancelTransmissions(endMicros);
            _chip.ReceiveFrame(_input, 0, consumed, endMicros);
            for (int i = consumed; i < _inputLength; i++)
            {
                _input[i - consumed] = _input[i];
            }

            _inputLength -= consumed;
        }

        /// <summary>RSTPDN low: the chip's transmitter stops and its receive buffer is lost.</summary>
        private void OnResetPinWritten(SimOutputPin pin, bool high, long timeMicros)
        {
            if (!high)
            {
                _line.CancelTransmissions(timeMicros);
                _inputLength = 0;
            }
        }

        /// <summary>Puts every scheduled frame on the line from the time it is ready.</summary>
        private void OnFrameScheduled(VirtualPn532 chip)
        {
            int length;
            long readyAt;
            byte[] frame = chip.NextFrame(out length, out readyAt);
            while (frame != null)
            {
                for (int i = 0; i < length; i++)
                {
                    _line.Transmit(frame[i], StopBit, readyAt, chip.SerialBaudRate);
                }

                chip.ConsumeFrame();
                frame = chip.NextFrame(out length, out readyAt);
            }
        }
    }
}
