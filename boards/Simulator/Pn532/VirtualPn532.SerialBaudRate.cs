using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// SetSerialBaudRate (reference iso7816-pn532.md §3.2, HSU): the chip answers at the old rate and switches
    /// only when the host acknowledges that answer with an ACK frame; another command instead cancels the change.
    /// </summary>
    public sealed partial class VirtualPn532
    {
        /// <summary>HSU rate at power-on (reference §3.2).</summary>
        public const int DefaultSerialBaudRate = 115200;

        /// <summary>The rates of BR codes 0x00..0x08 (reference §3.2).</summary>
        private static readonly int[] SerialBaudRates = new int[] { 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600, 1288000 };

        private int _serialBaudRate = DefaultSerialBaudRate;
        private int _pendingSerialBaudRate;

        /// <summary>The rate the chip's HSU runs at.</summary>
        public int SerialBaudRate
        {
            get { return _serialBaudRate; }
        }

        private void SetSerialBaudRate(byte[] parameters, int count)
        {
            if (count != 1 || parameters[0] >= SerialBaudRates.Length)
            {
                RespondSyntaxError();
                return;
            }

            _pendingSerialBaudRate = SerialBaudRates[parameters[0]];
            Respond(_answer, 0, CommandMicros);
        }

        /// <summary>The host's ACK after the SetSerialBaudRate response: the new rate takes effect.</summary>
        private void ApplySerialBaudRate()
        {
            if (_pendingSerialBaudRate != 0)
            {
                _serialBaudRate = _pendingSerialBaudRate;
                _pendingSerialBaudRate = 0;
            }
        }

        private void ResetSerialBaudRate()
        {
            _serialBaudRate = DefaultSerialBaudRate;
            _pendingSerialBaudRate = 0;
        }
    }
}
