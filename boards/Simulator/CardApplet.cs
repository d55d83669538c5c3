using EmbeddedSmartCard.Firmware.Security;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>Which way a T=0 command's P3 bytes go (ISO 7816-3 §10.3.2): the card must know from the INS.</summary>
    public enum CommandDirection
    {
        /// <summary>Unknown instruction: the card answers 6D00 right after the header.</summary>
        Unknown = 0,

        /// <summary>P3 = Lc: data goes to the card (cases 1, 3, 4).</summary>
        ToCard = 1,

        /// <summary>P3 = Le: data comes from the card (case 2).</summary>
        FromCard = 2,
    }

    /// <summary>
    /// The card's ISO 7816-4 applet over <see cref="CardFileSystem"/>: SELECT (by FID, child DF, EF, parent,
    /// DF name; P2 = 0C or FCI), READ BINARY, UPDATE BINARY, READ RECORD, GET CHALLENGE and VERIFY with a retry counter,
    /// the door-access applet (CardApplet.Access.cs), plus test commands in CLA 80: PATTERN (INS 10, returns
    /// P1P2 bytes of <see cref="PatternByte"/>), ECHO (INS 12, returns its data) and SLOW (INS 14, P1
    /// waiting-time requests of multiplier P2 before it answers like ECHO). GET RESPONSE belongs to the T=0
    /// transport, not here. Every answer ends with SW1 SW2.
    /// </summary>
    public sealed partial class CardApplet
    {
        public const byte ClaInterindustry = 0x00;
        public const byte ClaProprietary = 0x80;
        public const byte InsSelect = 0xA4;
        public const byte InsReadBinary = 0xB0;
        public const byte InsUpdateBinary = 0xD6;
        public const byte InsGetChallenge = 0x84;
        public const byte InsVerify = 0x20;
        public const byte InsGetResponse = 0xC0;
        public const byte InsPattern = 0x10;
        public const byte InsEcho = 0x12;
        public const byte InsSlow = 0x14;

        /// <summary>VERIFY's reference data qualifier P2 for the card's PIN.</summary>
        public const byte PinReference = 0x81;

        public const int SwOk = 0x9000;
        public const int SwWrongLength = 0x6700;
        public const int SwSecurityNotSatisfied = 0x6982;
        public const int SwPinBlocked = 0x6983;
        public const int SwConditionsNotSatisfied = 0x6985;
        public const int SwNoCurrentEf = 0x6986;
        public const int SwFunctionNotSupported = 0x6A81;
        public const int SwFileNotFound = 0x6A82;
        public const int SwNotEnoughMemory = 0x6A84;
        public const int SwWrongP1P2 = 0x6A86;
        public const int SwReferenceNotFound = 0x6A88;
        public const int SwOffsetOutside = 0x6B00;
        public const int SwWrongLe = 0x6C00;
        public const int SwInsNotSupported = 0x6D00;
        public const int SwClaNotSupported = 0x6E00;
        public const int SwTriesLeft = 0x63C0;

        private readonly CardProfile _profile;
        private readonly CardCommand _command = new CardCommand();
        private readonly CardResponse _output = new CardResponse();
        private readonly int[] _slowWaits = new int[256];
        private readonly int[] _slowMultipliers = new int[256];
        private CardFile _currentDf;
        private CardFile _currentEf;
        private int _challengeState = 0x2F00;

        public CardApplet(CardProfile profile)
        {
            _profile = profile;
            MasterFile = CardFileSystem.Build(profile);
            PinTriesLeft = profile.PinTries;
            _currentDf = MasterFile;
        }

        public CardFile MasterFile { get; private set; }

        public CardFile CurrentDf
        {
            get { return _currentDf; }
        }

        public CardFile CurrentEf
        {
            get { return _currentEf; }
        }

        public int PinTriesLeft { get; private set; }

        public bool PinVerified { get; private set; }

        /// <summary>Command APDUs processed since the card was made (scard simulate logs each one).</summary>
        public int CommandCount { get; private set; }

        /// <summary>Byte <paramref name="index"/> of the known pattern (a period of 251, so 256-byte slips show).</summary>
        public static byte PatternByte(int index)
        {
            return (byte)(index % 251);
        }

        /// <summary>T=0 direction of an instruction.</summary>
        public static CommandDirection DirectionOf(byte ins)
        {
            switch (ins)
            {
                case InsSelect:
                case InsUpdateBinary:
                case InsVerify:
                case InsEcho:
                case InsSlow:
                case AccessApplet.InsInternalAuthenticate:
                    return CommandDirection.ToCard;
                case InsReadBinary:
                case InsReadRecord:
                case InsGetChallenge:
                case InsGetResponse:
                case InsPattern:
                case AccessApplet.InsGetData:
                    return CommandDirection.FromCard;
                default:
                    return CommandDirection.Unknown;
            }
        }

        /// <summary>After a reset: MF selected, no current EF, PIN not verified (the retry counter persists).</summary>
        internal void ResetSecurityState()
        {
            _currentDf = MasterFile;
            _currentEf = null;
            PinVerified = false;
            _accessSelected = false;
        }

        /// <summary>
        /// Runs one command APDU; writes the response data (at most Ne bytes and at most <paramref name="capacity"/> − 2)
        /// and SW1 SW2 at <paramref name="responseOffset"/>, and returns the total length.
        /// </summary>
        public int Process(byte[] apdu, int offset, int length, byte[] response, int responseOffset, int capacity)
        {
            CommandCount++;
            if (!_command.Decode(apdu, offset, length))
            {
                return Status(response, responseOffset, 0, SwWrongLength);
            }

            int limit = _command.Ne < capacity - 2 ? _command.Ne : capacity - 2;
            _output.Start(response, responseOffset, limit);
            int sw = Dispatch(_command, _output);
            return Status(response, responseOffset, _output.Length, sw);
        }

        private int Dispatch(CardCommand command, CardResponse output)
        {
            if (command.Cla == ClaProprietary)
            {
                return DispatchTest(command, output);
            }

            if (command.Cla != ClaInterindustry)
            {
                return SwClaNotSupported;
            }

            switch (command.Ins)
            {
                case InsSelect:
                    return SelectApplicationOrFile(command, output);
                case InsReadBinary:
                    return ReadBinary(command, output);
                case InsReadRecord:
                    return ReadRecord(command, output);
                case InsUpdateBinary:
                    return UpdateBinary(command);
                case InsGetChallenge:
                    return GetChallenge(command, output);
                case InsVerify:
                    return Verify(command);
                case AccessApplet.InsGetData:
                    return GetData(command, output);
                case AccessApplet.InsInternalAuthenticate:
                    return InternalAuthenticate(command, output);
                default:
                    return SwInsNotSupported;
            }
        }

        private static int Status(byte[] response, int offset, int dataLength, int sw)
        {
            response[offset + dataLength] = (byte)(sw >> 8);
            response[offset + dataLength + 1] = (byte)sw;
            return dataLength + 2;
        }
    }
}
