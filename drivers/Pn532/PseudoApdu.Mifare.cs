namespace EmbeddedSmartCard.Drivers.Pn532
{
    public sealed partial class PseudoApdu
    {
        /// <summary>Volatile key slots (KN 00 and 01, as on the ACR122U).</summary>
        public const int KeySlots = 2;

        /// <summary>MIFARE Classic keys are 48 bits.</summary>
        public const int KeyLength = 6;

        /// <summary>MIFARE Classic and Ultralight READ return one 16-byte block (four Ultralight pages).</summary>
        public const int ReadLength = 16;

        /// <summary>UPDATE BINARY data: a MIFARE Classic block or an Ultralight page.</summary>
        public const int ClassicBlockLength = 16;
        public const int UltralightPageLength = 4;

        /// <summary>MIFARE commands carried by InDataExchange (MIFARE Classic / Ultralight datasheets).</summary>
        public const byte MifareAuthenticateKeyA = 0x60;
        public const byte MifareAuthenticateKeyB = 0x61;
        public const byte MifareRead = 0x30;
        public const byte MifareWrite = 0xA0;
        public const byte UltralightWrite = 0xA2;

        /// <summary>LOAD KEYS P1 key structure bits (PC/SC Part 3 §3.2.2.1.4).</summary>
        const int KeyStructureCardKey = 0x80;
        const int KeyStructureSecured = 0x40;
        const int KeyStructureNonVolatile = 0x20;

        /// <summary>GENERAL AUTHENTICATE data: version 01, address MSB, LSB, key type, key number.</summary>
        const int AuthenticateDataLength = 5;
        const byte AuthenticateVersion = 0x01;

        /// <summary>The MIFARE AUTH command takes the last four UID bytes (CL2 of a 7-byte UID), as libnfc does.</summary>
        const int AuthenticationUidLength = 4;

        readonly byte[] keys = new byte[KeySlots * KeyLength];
        readonly bool[] keyLoaded = new bool[KeySlots];

        /// <summary>Forgets every loaded key (reader closed).</summary>
        public void ClearKeys()
        {
            for (int i = 0; i < KeySlots; i++)
            {
                keyLoaded[i] = false;
            }

            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = 0;
            }
        }

        /// <summary><c>FF 82 KS KN 06 Key</c>: stores a plain volatile reader key; returns the status word.</summary>
        int LoadKeys(byte[] command, int offset, int length)
        {
            if (length < Case2Length || length != Case2Length + command[offset + HeaderLength])
            {
                return SwWrongLength;
            }

            int structure = command[offset + 2];
            int keyNumber = command[offset + 3];
            if ((structure & KeyStructureCardKey) != 0)
            {
                return SwCardKeyNotSupported;
            }

            if ((structure & KeyStructureSecured) != 0)
            {
                return SwSecuredTransmissionNotSupported;
            }

            if ((structure & KeyStructureNonVolatile) != 0)
            {
                return SwNonVolatileMemoryNotAvailable;
            }

            if (keyNumber >= KeySlots)
            {
                return SwKeyNumberNotValid;
            }

            if (command[offset + HeaderLength] != KeyLength)
            {
                return SwKeyLengthNotCorrect;
            }

            for (int i = 0; i < KeyLength; i++)
            {
                keys[keyNumber * KeyLength + i] = command[offset + Case2Length + i];
            }

            keyLoaded[keyNumber] = true;
            return SwSuccess;
        }

        /// <summary><c>FF 86 00 00 05 01 AddrMSB AddrLSB KeyType KN</c>: MIFARE AUTH with a loaded key.</summary>
        SmartcardStatus Authenticate(IPseudoApduTarget target, byte[] command, int offset, int length, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            int data = offset + Case2Length;
            int statusWord = CheckAuthenticate(command, offset, length);
            if (statusWord != SwSuccess)
            {
                return Reply(response, responseOffset, responseCapacity, 0, statusWord, out responseLength);
            }

            int keyNumber = command[data + 4];
            int n = 0;
            exchangeCommand[n++] = command[data + 3];
            exchangeCommand[n++] = command[data + 2];
            for (int i = 0; i < KeyLength; i++)
            {
                exchangeCommand[n++] = keys[keyNumber * KeyLength + i];
            }

            int uidLength = target.CopyUid(scratch, 0);
            if (uidLength < AuthenticationUidLength)
            {
                return Reply(response, responseOffset, responseCapacity, 0, SwFailed, out responseLength);
            }

            for (int i = uidLength - AuthenticationUidLength; i < uidLength; i++)
            {
                exchangeCommand[n++] = scratch[i];
            }

            return ExchangeAndReply(target, n, 0, response, responseOffset, responseCapacity, out responseLength);
        }

        /// <summary>The checks of GENERAL AUTHENTICATE before the card is involved; SwSuccess when it may proceed.</summary>
        int CheckAuthenticate(byte[] command, int offset, int length)
        {
            if (length != Case2Length + AuthenticateDataLength || command[offset + HeaderLength] != AuthenticateDataLength)
            {
                return SwWrongLength;
            }

            if (command[offset + 2] != 0 || command[offset + 3] != 0)
            {
                return SwWrongP1P2;
            }

            int data = offset + Case2Length;
            int keyType = command[data + 3];
            int keyNumber = command[data + 4];
            if (command[data] != AuthenticateVersion || command[data + 1] != 0
                || (keyType != MifareAuthenticateKeyA && keyType != MifareAuthenticateKeyB))
            {
                return SwFailed;
            }

            if (keyNumber >= KeySlots || !keyLoaded[keyNumber])
            {
                return SwKeyNumberNotValid;
            }

            return SwSuccess;
        }

        /// <summary><c>FF B0 00 Block Le</c>: MIFARE READ; Le 00 or up to 16 returns that many bytes of the block.</summary>
        SmartcardStatus ReadBinary(IPseudoApduTarget target, byte[] command, int offset, int length, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            if (length != Case2Length)
            {
                return Reply(response, responseOffset, responseCapacity, 0, SwWrongLength, out responseLength);
            }

            if (command[offset + 2] != 0)
            {
                return Reply(response, responseOffset, responseCapacity, 0, SwWrongP1P2, out responseLength);
            }

            int le = Le(command, offset);
            if (le > ReadLength)
            {
                return Reply(response, responseOffset, responseCapacity, 0, SwWrongLe | ReadLength, out responseLength);
            }

            exchangeCommand[0] = MifareRead;
            exchangeCommand[1] = command[offset + 3];
            return ExchangeAndReply(target, 2, le == 0 ? ReadLength : le, response, responseOffset, responseCapacity, out responseLength);
        }

        /// <summary><c>FF D6 00 Block Lc Data</c>: MIFARE WRITE of 16 bytes or Ultralight WRITE of 4 bytes.</summary>
        SmartcardStatus UpdateBinary(IPseudoApduTarget target, byte[] command, int offset, int length, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            int lc = length >= Case2Length ? command[offset + HeaderLength] : -1;
            if (length != Case2Length + lc || (lc != ClassicBlockLength && lc != UltralightPageLength))
            {
                return Reply(response, responseOffset, responseCapacity, 0, SwWrongLength, out responseLength);
            }

            if (command[offset + 2] != 0)
            {
                return Reply(response, responseOffset, responseCapacity, 0, SwWrongP1P2, out responseLength);
            }

            int n = 0;
            exchangeCommand[n++] = lc == ClassicBlockLength ? MifareWrite : UltralightWrite;
            exchangeCommand[n++] = command[offset + 3];
            for (int i = 0; i < lc; i++)
            {
                exchangeCommand[n++] = command[offset + Case2Length + i];
            }

            return ExchangeAndReply(target, n, 0, response, responseOffset, responseCapacity, out responseLength);
        }

        /// <summary>
        /// Sends the prepared MIFARE command; on success answers the first <paramref name="expectedData"/>
        /// bytes of the card's answer with 90 00, on a chip error or a short answer 63 00.
        /// </summary>
        SmartcardStatus ExchangeAndReply(IPseudoApduTarget target, int commandLength, int expectedData, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            int received;
            int chipStatus;
            SmartcardStatus status = target.Exchange(exchangeCommand, 0, commandLength, scratch, 0, ScratchLength, out received, out chipStatus);
            if (status != SmartcardStatus.Success)
            {
                responseLength = 0;
                return status;
            }

            if (chipStatus != 0 || received < expectedData)
            {
                return Reply(response, responseOffset, responseCapacity, 0, SwFailed, out responseLength);
            }

            return ReplyWithScratch(expectedData, SwSuccess, response, responseOffset, responseCapacity, out responseLength);
        }
    }
}
