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
    /// DF name; P2 = 0C or FCI), READ BINARY, UPDATE BINARY, GET CHALLENGE and VERIFY with a retry counter,
    /// plus test commands in CLA 80: PATTERN (INS 10, returns P1P2 bytes of <see cref="PatternByte"/>),
    /// ECHO (INS 12, returns its data) and SLOW (INS 14, P1 waiting-time requests of multiplier P2 before it
    /// answers like ECHO). GET RESPONSE belongs to the T=0 transport, not here. Every answer ends with SW1 SW2.
    /// </summary>
    public sealed class CardApplet
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

        private const int SelectByFileId = 0x00;
        private const int SelectChildDf = 0x01;
        private const int SelectEf = 0x02;
        private const int SelectParent = 0x03;
        private const int SelectByName = 0x04;
        private const int ReturnFci = 0x00;
        private const int ReturnFcp = 0x04;
        private const int ReturnNothing = 0x0C;
        private const int ShortFileIdFlag = 0x80;
        private const int DefaultWtxMultiplier = 2;
        private const int ChallengeMultiplier = 1103515245;
        private const int ChallengeIncrement = 12345;

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
            MasterFile = CardFileSystem.Build();
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
                    return CommandDirection.ToCard;
                case InsReadBinary:
                case InsGetChallenge:
                case InsGetResponse:
                case InsPattern:
                    return CommandDirection.FromCard;
                default:
                    return CommandDirection.Unknown;
            }
        }

        /// <summary>Makes every command with <paramref name="ins"/> slow: <paramref name="waits"/> S(WTX) requests (T=1) or NULL bytes (T=0) before the answer.</summary>
        public void AnswerSlowly(byte ins, int waits, int multiplier)
        {
            _slowWaits[ins] = waits;
            _slowMultipliers[ins] = multiplier > 0 ? multiplier : DefaultWtxMultiplier;
        }

        /// <summary>How slowly a command is answered: waiting-time requests and their multiplier (0 waits: at once).</summary>
        internal int Slowness(byte cla, byte ins, byte p1, byte p2, out int multiplier)
        {
            if (cla == ClaProprietary && ins == InsSlow)
            {
                multiplier = p2 > 0 ? p2 : DefaultWtxMultiplier;
                return p1;
            }

            multiplier = _slowMultipliers[ins];
            return _slowWaits[ins];
        }

        /// <summary>After a reset: MF selected, no current EF, PIN not verified (the retry counter persists).</summary>
        internal void ResetSecurityState()
        {
            _currentDf = MasterFile;
            _currentEf = null;
            PinVerified = false;
        }

        /// <summary>
        /// Runs one command APDU; writes the response data (at most Ne bytes and at most <paramref name="capacity"/> − 2)
        /// and SW1 SW2 at <paramref name="responseOffset"/>, and returns the total length.
        /// </summary>
        public int Process(byte[] apdu, int offset, int length, byte[] response, int responseOffset, int capacity)
        {
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
                    return Select(command, output);
                case InsReadBinary:
                    return ReadBinary(command, output);
                case InsUpdateBinary:
                    return UpdateBinary(command);
                case InsGetChallenge:
                    return GetChallenge(command, output);
                case InsVerify:
                    return Verify(command);
                default:
                    return SwInsNotSupported;
            }
        }

        private int DispatchTest(CardCommand command, CardResponse output)
        {
            switch (command.Ins)
            {
                case InsPattern:
                    return Pattern(command, output);
                case InsEcho:
                case InsSlow:
                    return Echo(command, output);
                default:
                    return SwInsNotSupported;
            }
        }

        /// <summary>SELECT (ISO 7816-4 §11.2.2).</summary>
        private int Select(CardCommand command, CardResponse output)
        {
            if (command.P2 != ReturnFci && command.P2 != ReturnFcp && command.P2 != ReturnNothing)
            {
                return SwWrongP1P2;
            }

            CardFile file = FindForSelect(command);
            if (file == null)
            {
                return command.P1 > SelectByName ? SwWrongP1P2 : SwFileNotFound;
            }

            if (file.IsDedicated)
            {
                _currentDf = file;
                _currentEf = null;
            }
            else
            {
                _currentDf = file.Parent;
                _currentEf = file;
            }

            if (command.P2 != ReturnNothing)
            {
                if (command.Ne == 0)
                {
                    return SwOk;
                }

                CardFci.Write(file, output);
            }

            return SwOk;
        }

        private CardFile FindForSelect(CardCommand command)
        {
            int fileId = command.Nc == 2 ? (command.Buffer[command.DataOffset] << 8) | command.Buffer[command.DataOffset + 1] : -1;
            switch (command.P1)
            {
                case SelectByFileId:
                    if (command.Nc == 0 || fileId == CardFileSystem.MasterFileId)
                    {
                        return MasterFile;
                    }

                    return FindNear(fileId);
                case SelectChildDf:
                    return OnlyIf(_currentDf.FindChild(fileId), true);
                case SelectEf:
                    return OnlyIf(_currentDf.FindChild(fileId), false);
                case SelectParent:
                    return _currentDf.Parent != null ? _currentDf.Parent : MasterFile;
                case SelectByName:
                    return MasterFile.FindByName(command.Buffer, command.DataOffset, command.Nc);
                default:
                    return null;
            }
        }

        /// <summary>A file by FID among the current DF's children, then its parent's (ISO 7816-4 §7.1.1 search order, simplified).</summary>
        private CardFile FindNear(int fileId)
        {
            CardFile file = _currentDf.FindChild(fileId);
            if (file == null && _currentDf.Parent != null)
            {
                file = _currentDf.Parent.FindChild(fileId);
            }

            return file;
        }

        private static CardFile OnlyIf(CardFile file, bool dedicated)
        {
            return file != null && file.IsDedicated == dedicated ? file : null;
        }

        /// <summary>READ BINARY with a 15-bit offset in P1P2 (ISO 7816-4 §11.3.3).</summary>
        private int ReadBinary(CardCommand command, CardResponse output)
        {
            int status = CheckBinaryAccess(command);
            if (status != SwOk)
            {
                return status;
            }

            if (command.Ne == 0)
            {
                return SwWrongLength;
            }

            byte[] content = _currentEf.Content;
            for (int i = command.P1P2; i < content.Length && output.Length < output.Capacity; i++)
            {
                output.Append(content[i]);
            }

            return SwOk;
        }

        /// <summary>UPDATE BINARY (ISO 7816-4 §11.3.5).</summary>
        private int UpdateBinary(CardCommand command)
        {
            int status = CheckBinaryAccess(command);
            if (status != SwOk)
            {
                return status;
            }

            if (_currentEf.UpdateNeedsPin && !PinVerified)
            {
                return SwSecurityNotSatisfied;
            }

            byte[] content = _currentEf.Content;
            if (command.P1P2 + command.Nc > content.Length)
            {
                return SwNotEnoughMemory;
            }

            System.Array.Copy(command.Buffer, command.DataOffset, content, command.P1P2, command.Nc);
            return SwOk;
        }

        private int CheckBinaryAccess(CardCommand command)
        {
            if ((command.P1 & ShortFileIdFlag) != 0)
            {
                return SwFunctionNotSupported;
            }

            if (_currentEf == null)
            {
                return SwNoCurrentEf;
            }

            return command.P1P2 > _currentEf.Content.Length ? SwOffsetOutside : SwOk;
        }

        /// <summary>GET CHALLENGE (ISO 7816-4 §11.5.3): Ne pseudo-random bytes.</summary>
        private int GetChallenge(CardCommand command, CardResponse output)
        {
            if (command.P1P2 != 0)
            {
                return SwWrongP1P2;
            }

            if (command.Ne == 0)
            {
                return SwWrongLength;
            }

            while (output.Length < output.Capacity)
            {
                _challengeState = _challengeState * ChallengeMultiplier + ChallengeIncrement;
                output.Append((byte)(_challengeState >> 16));
            }

            return SwOk;
        }

        /// <summary>VERIFY (ISO 7816-4 §11.5.6): no data asks for the state, 63Cx counts tries left, 6983 when blocked.</summary>
        private int Verify(CardCommand command)
        {
            if (command.P1 != 0 || command.P2 != PinReference)
            {
                return SwReferenceNotFound;
            }

            if (command.Nc == 0)
            {
                if (PinVerified)
                {
                    return SwOk;
                }

                return PinTriesLeft == 0 ? SwPinBlocked : SwTriesLeft | PinTriesLeft;
            }

            if (PinTriesLeft == 0)
            {
                return SwPinBlocked;
            }

            if (PinMatches(command))
            {
                PinVerified = true;
                PinTriesLeft = _profile.PinTries;
                return SwOk;
            }

            PinVerified = false;
            PinTriesLeft--;
            return SwTriesLeft | PinTriesLeft;
        }

        private bool PinMatches(CardCommand command)
        {
            byte[] pin = _profile.Pin;
            if (command.Nc != pin.Length)
            {
                return false;
            }

            for (int i = 0; i < pin.Length; i++)
            {
                if (command.Buffer[command.DataOffset + i] != pin[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>PATTERN: P1P2 bytes of the known pattern; 6Cxx (or 6700 beyond 256) when Ne is smaller.</summary>
        private int Pattern(CardCommand command, CardResponse output)
        {
            int count = command.P1P2;
            if (count > command.Ne)
            {
                return count <= CardCommand.MaxShortNe ? SwWrongLe | (count & 0xFF) : SwWrongLength;
            }

            if (count > output.Capacity)
            {
                return SwWrongLength;
            }

            for (int i = 0; i < count; i++)
            {
                output.Append(PatternByte(i));
            }

            return SwOk;
        }

        /// <summary>ECHO: the command data back (as much as Ne allows).</summary>
        private int Echo(CardCommand command, CardResponse output)
        {
            if (command.Nc > output.Capacity)
            {
                return command.Ne == 0 ? SwOk : SwWrongLength;
            }

            for (int i = 0; i < command.Nc; i++)
            {
                output.Append(command.Buffer[command.DataOffset + i]);
            }

            return SwOk;
        }

        private static int Status(byte[] response, int offset, int dataLength, int sw)
        {
            response[offset + dataLength] = (byte)(sw >> 8);
            response[offset + dataLength + 1] = (byte)sw;
            return dataLength + 2;
        }
    }
}
