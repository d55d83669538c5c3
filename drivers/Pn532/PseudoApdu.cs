namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// Interprets the class-FF pseudo-APDUs of PC/SC Part 3 §3.2.2 (reference iso7816-pn532.md §4.5.2)
    /// in the driver: GET DATA (UID, ATS historical bytes), LOAD KEYS, GENERAL AUTHENTICATE, READ BINARY
    /// and UPDATE BINARY. Errors are answered with status words, as a reader would; only a link failure or
    /// a response buffer too small is a <see cref="SmartcardStatus"/>. Buffers are preallocated. The MIFARE
    /// exchanges pass through a <see cref="MifareSession"/>, which remembers an authenticated sector.
    /// </summary>
    public sealed partial class PseudoApdu
    {
        /// <summary>ISO 7816-4 §5.4.1: CLA FF is invalid for cards, PC/SC Part 3 reserves it for the reader.</summary>
        public const byte ClassReader = 0xFF;

        public const byte InsGetData = 0xCA;
        public const byte InsLoadKeys = 0x82;
        public const byte InsGeneralAuthenticate = 0x86;
        public const byte InsReadBinary = 0xB0;
        public const byte InsUpdateBinary = 0xD6;

        public const int SwSuccess = 0x9000;
        /// <summary>Warning: end of data reached before Le bytes.</summary>
        public const int SwEndOfData = 0x6282;
        /// <summary>PC/SC Part 3: the operation failed (card error, authentication refused).</summary>
        public const int SwFailed = 0x6300;
        public const int SwCardKeyNotSupported = 0x6382;
        public const int SwSecuredTransmissionNotSupported = 0x6385;
        public const int SwNonVolatileMemoryNotAvailable = 0x6387;
        public const int SwKeyNumberNotValid = 0x6388;
        public const int SwKeyLengthNotCorrect = 0x6389;
        public const int SwWrongLength = 0x6700;
        public const int SwFunctionNotSupported = 0x6A81;
        public const int SwWrongP1P2 = 0x6B00;
        /// <summary>Wrong Le; the low byte carries the exact length.</summary>
        public const int SwWrongLe = 0x6C00;
        public const int SwInsNotSupported = 0x6D00;
        public const int SwClaNotSupported = 0x6E00;

        const int HeaderLength = 4;
        const int Case2Length = HeaderLength + 1;
        const int StatusWordLength = 2;
        const int ScratchLength = 32;

        readonly byte[] scratch = new byte[ScratchLength];
        readonly byte[] exchangeCommand = new byte[ScratchLength];
        readonly MifareSession mifareSession = new MifareSession();

        /// <summary>
        /// The trailer block of the sector a MIFARE Classic AUTH opened and no refusal has closed since, or -1:
        /// the one block the presence check may read without ending the session.
        /// </summary>
        public int MifareTrailerBlock
        {
            get { return mifareSession.TrailerBlock; }
        }

        /// <summary>The reader released, selected again or lost the card: any MIFARE session is over.</summary>
        public void EndMifareSession()
        {
            mifareSession.End();
        }

        /// <summary>True when the command is addressed to the reader (CLA FF) rather than the card.</summary>
        public static bool IsPseudoApdu(byte[] command, int offset, int length)
        {
            return length >= 1 && command[offset] == ClassReader;
        }

        /// <summary>
        /// Executes one pseudo-APDU against <paramref name="target"/> and writes its response (data and
        /// status word) to <paramref name="response"/>.
        /// </summary>
        public SmartcardStatus Process(IPseudoApduTarget target, byte[] command, int offset, int length, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            if (length < HeaderLength)
            {
                return Reply(response, responseOffset, responseCapacity, 0, SwWrongLength, out responseLength);
            }

            if (command[offset] != ClassReader)
            {
                return Reply(response, responseOffset, responseCapacity, 0, SwClaNotSupported, out responseLength);
            }

            target = mifareSession.Follow(target);
            switch (command[offset + 1])
            {
                case InsGetData:
                    return GetData(target, command, offset, length, response, responseOffset, responseCapacity, out responseLength);
                case InsLoadKeys:
                    return Reply(response, responseOffset, responseCapacity, 0, LoadKeys(command, offset, length), out responseLength);
                case InsGeneralAuthenticate:
                    return Authenticate(target, command, offset, length, response, responseOffset, responseCapacity, out responseLength);
                case InsReadBinary:
                    return ReadBinary(target, command, offset, length, response, responseOffset, responseCapacity, out responseLength);
                case InsUpdateBinary:
                    return UpdateBinary(target, command, offset, length, response, responseOffset, responseCapacity, out responseLength);
                default:
                    return Reply(response, responseOffset, responseCapacity, 0, SwInsNotSupported, out responseLength);
            }
        }

        /// <summary>
        /// Completes a response whose <paramref name="dataLength"/> data bytes are already in place with
        /// the status word; BufferTooSmall when the caller's buffer cannot hold both.
        /// </summary>
        static SmartcardStatus Reply(byte[] response, int responseOffset, int responseCapacity, int dataLength, int statusWord, out int responseLength)
        {
            responseLength = 0;
            if (dataLength + StatusWordLength > responseCapacity)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            response[responseOffset + dataLength] = (byte)(statusWord >> 8);
            response[responseOffset + dataLength + 1] = (byte)statusWord;
            responseLength = dataLength + StatusWordLength;
            return SmartcardStatus.Success;
        }

        /// <summary>Copies <paramref name="count"/> bytes of the scratch buffer to the response, then the status word.</summary>
        SmartcardStatus ReplyWithScratch(int count, int statusWord, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            if (count + StatusWordLength > responseCapacity)
            {
                responseLength = 0;
                return SmartcardStatus.BufferTooSmall;
            }

            for (int i = 0; i < count; i++)
            {
                response[responseOffset + i] = scratch[i];
            }

            return Reply(response, responseOffset, responseCapacity, count, statusWord, out responseLength);
        }

        /// <summary>Le of a case-2 command: 0 stands for the maximum (ISO 7816-4 §5.1).</summary>
        static int Le(byte[] command, int offset)
        {
            return command[offset + HeaderLength];
        }
    }
}
