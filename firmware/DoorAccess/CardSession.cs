using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// The card the controller is deciding on, connected through <see cref="SCardManager"/>: one command
    /// buffer and one response buffer, allocated once and reused for every presentation. A command is built
    /// in <see cref="Command"/> and sent with <see cref="Exchange"/>; the answer's data and status word stay
    /// in <see cref="Response"/>.
    /// </summary>
    public sealed class CardSession
    {
        /// <summary>Short APDUs only (ISO 7816-4 §5.1): header, Lc, 255 data bytes, Le.</summary>
        public const int MaxCommandLength = 4 + 1 + 255 + 1;

        /// <summary>256 data bytes and SW1 SW2.</summary>
        public const int MaxResponseLength = 256 + 2;

        private const int StatusWordLength = 2;

        private readonly SCardManager _manager;
        private readonly byte[] _command = new byte[MaxCommandLength];
        private readonly byte[] _response = new byte[MaxResponseLength];
        private int _handle;
        private int _protocol;

        public CardSession(SCardManager manager)
        {
            _manager = manager;
        }

        public byte[] Command
        {
            get { return _command; }
        }

        public byte[] Response
        {
            get { return _response; }
        }

        /// <summary>Data bytes of the last answer (before SW1 SW2).</summary>
        public int DataLength { get; private set; }

        /// <summary>SW1 SW2 of the last answer.</summary>
        public int StatusWord { get; private set; }

        /// <summary>SCardConnect, shared, T=0 or T=1; the SCard code.</summary>
        public int Connect(int context, string reader)
        {
            return _manager.Connect(context, reader, ScardConstants.ShareShared, ScardConstants.ProtocolT0 | ScardConstants.ProtocolT1, out _handle, out _protocol);
        }

        /// <summary>SCardDisconnect, leaving the card as it is (the next presentation is a new insertion anyway).</summary>
        public void Disconnect()
        {
            if (_handle != 0)
            {
                _manager.Disconnect(_handle, ScardConstants.LeaveCard);
                _handle = 0;
            }
        }

        /// <summary>
        /// Writes the command header CLA INS P1 P2 into <see cref="Command"/>; returns the offset after it.
        /// </summary>
        public int Header(int cla, int ins, int p1, int p2)
        {
            _command[0] = (byte)cla;
            _command[1] = (byte)ins;
            _command[2] = (byte)p1;
            _command[3] = (byte)p2;
            return 4;
        }

        /// <summary>Transmits the first <paramref name="length"/> bytes of <see cref="Command"/>; the SCard code.
        /// On success <see cref="StatusWord"/> and <see cref="DataLength"/> describe the answer.</summary>
        public int Exchange(int length)
        {
            int received;
            int result = _manager.Transmit(_handle, _protocol, _command, 0, length, _response, 0, _response.Length, out received);
            if (result == ScardError.Success && received < StatusWordLength)
            {
                return ScardError.InvalidValue;
            }

            if (result == ScardError.Success)
            {
                DataLength = received - StatusWordLength;
                StatusWord = (_response[received - 2] << 8) | _response[received - 1];
            }

            return result;
        }
    }
}
