namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// A MIFARE Classic 1K (NXP MF1S50): 16 sectors of 4 blocks of 16 bytes, the last block of each sector a
    /// trailer with key A, the access bits and key B. Commands arrive as a PN532 carries them in InDataExchange
    /// (reference iso7816-pn532.md §3.3): AUTH (60 key A / 61 key B, block, key, UID — the chip runs the
    /// three-pass authentication, modelled here as a key comparison), READ (30, block) and WRITE (A0, block,
    /// 16 bytes — the chip runs both phases). A failed authentication halts the card until it is selected again;
    /// a refused READ or WRITE is a NAK that also ends the authenticated session. Key B cannot authenticate in a
    /// sector whose trailer makes it readable (MF1S50 §8.7.3), so every successful authentication may READ its
    /// sector's trailer (the access bits are readable by key A always and by key B wherever key B can
    /// authenticate, MF1S50 §8.7.3 table 8): a reader can probe an authenticated card without ending its session.
    /// </summary>
    public sealed class MifareClassicCard : ContactlessCard
    {
        public const byte CommandAuthKeyA = 0x60;
        public const byte CommandAuthKeyB = 0x61;
        public const byte CommandRead = 0x30;
        public const byte CommandWrite = 0xA0;
        public const int SectorCount = 16;
        public const int BlocksPerSector = 4;
        public const int BlockCount = SectorCount * BlocksPerSector;
        public const int BlockSize = 16;
        public const int KeyLength = 6;
        public const int UidLength = 4;

        /// <summary>SEL_RES of a MIFARE Classic 1K (reference iso7816-pn532.md §3.3, SAK values).</summary>
        public const byte SelRes1K = 0x08;

        private const int TrailerBlockInSector = BlocksPerSector - 1;
        private const int KeyBOffset = 10;
        private const int AccessBytesLength = 4;
        private const int AuthCommandLength = 2 + KeyLength + UidLength;
        private const int WriteCommandLength = 2 + BlockSize;
        private const int NoSector = -1;

        /// <summary>Transport configuration of a new card: keys FF…FF, access bytes FF 07 80 69 (MF1S50 §8.6.3).</summary>
        internal static readonly byte[] TransportAccessBytes = new byte[] { 0xFF, 0x07, 0x80, 0x69 };
        private const byte TransportKeyByte = 0xFF;

        private readonly byte[] _memory = new byte[BlockCount * BlockSize];
        private int _authenticatedSector = NoSector;
        private int _authenticatedKey;
        private bool _halted;

        /// <param name="uid">The 4-byte NUID.</param>
        public MifareClassicCard(byte[] uid)
            : base(uid, new byte[] { 0x00, 0x04 }, SelRes1K)
        {
            WriteManufacturerBlock(uid);
            for (int sector = 0; sector < SectorCount; sector++)
            {
                int trailer = TrailerOffset(sector);
                for (int i = 0; i < KeyLength; i++)
                {
                    _memory[trailer + i] = TransportKeyByte;
                    _memory[trailer + KeyBOffset + i] = TransportKeyByte;
                }

                Copy(TransportAccessBytes, 0, _memory, trailer + MifareAccessConditions.AccessBytesOffset, AccessBytesLength);
            }
        }

        /// <summary>The card's memory, block after block (for tests and scripted set-up).</summary>
        public byte[] Memory
        {
            get { return _memory; }
        }

        /// <summary>The sector the current session authenticated, or -1.</summary>
        public int AuthenticatedSector
        {
            get { return _authenticatedSector; }
        }

        public bool Halted
        {
            get { return _halted; }
        }

        /// <summary>Sets a sector trailer directly: key A, the 4 access bytes (bytes 6..9) and key B.</summary>
        public void SetTrailer(int sector, byte[] keyA, byte[] accessBytes, byte[] keyB)
        {
            int trailer = TrailerOffset(sector);
            Copy(keyA, 0, _memory, trailer, KeyLength);
            Copy(accessBytes, 0, _memory, trailer + MifareAccessConditions.AccessBytesOffset, AccessBytesLength);
            Copy(keyB, 0, _memory, trailer + KeyBOffset, KeyLength);
        }

        public override void OnSelected()
        {
            _halted = false;
            EndSession();
        }

        public override RfAnswer Transceive(byte[] command, int offset, int count, byte[] answer, int answerOffset, int answerCapacity, out int answerLength)
        {
            answerLength = 0;
            if (_halted || count < 2 || command[offset + 1] >= BlockCount)
            {
                return _halted ? RfAnswer.Silent : RfAnswer.Nak;
            }

            byte code = command[offset];
            int block = command[offset + 1];
            if ((code == CommandAuthKeyA || code == CommandAuthKeyB) && count == AuthCommandLength)
            {
                return Authenticate(code == CommandAuthKeyA ? MifareAccessConditions.KeyA : MifareAccessConditions.KeyB, block, command, offset + 2);
            }

            if (code == CommandRead && count == 2)
            {
                return Refused(Read(block, answer, answerOffset, answerCapacity, out answerLength));
            }

            if (code == CommandWrite && count == WriteCommandLength)
            {
                return Refused(Write(block, command, offset + 2));
            }

            return Refused(RfAnswer.Nak);
        }

        /// <summary>A wrong key or UID, or key B where it is readable data ("cannot serve for authentication", MF1S50 §8.7.3), fails.</summary>
        private RfAnswer Authenticate(int key, int block, byte[] command, int keyOffset)
        {
            int sector = block / BlocksPerSector;
            int keyPosition = TrailerOffset(sector) + (key == MifareAccessConditions.KeyA ? 0 : KeyBOffset);
            bool keyBIsData = key == MifareAccessConditions.KeyB
                && MifareAccessConditions.KeyBIsData(ConditionOf(TrailerBlock(sector)));
            if (keyBIsData || !Matches(command, keyOffset, _memory, keyPosition, KeyLength)
                || !Matches(command, keyOffset + KeyLength, Uid, 0, UidLength))
            {
                _halted = true;
                EndSession();
                return RfAnswer.Silent;
            }

            _authenticatedSector = sector;
            _authenticatedKey = key;
            return RfAnswer.Ack;
        }

        private RfAnswer Read(int block, byte[] answer, int answerOffset, int answerCapacity, out int answerLength)
        {
            answerLength = 0;
            int readKeys = IsTrailer(block)
                ? MifareAccessConditions.AccessBitsReadKeys(ConditionOf(block))
                : MifareAccessConditions.DataReadKeys(ConditionOf(block));
            if (answerCapacity < BlockSize || !Granted(block, readKeys))
            {
                return RfAnswer.Nak;
            }

            Copy(_memory, block * BlockSize, answer, answerOffset, BlockSize);
            if (IsTrailer(block))
            {
                MaskTrailer(block, answer, answerOffset);
            }

            answerLength = BlockSize;
            return RfAnswer.Data;
        }

        /// <summary>Key A never reads back; the access bytes and key B only where the trailer's condition lets the session key read them (MF1S50 §8.7.3).</summary>
        private void MaskTrailer(int block, byte[] answer, int answerOffset)
        {
            int condition = ConditionOf(block);
            Clear(answer, answerOffset, KeyLength);
            if (!Granted(block, MifareAccessConditions.AccessBitsReadKeys(condition)))
            {
                Clear(answer, answerOffset + MifareAccessConditions.AccessBytesOffset, AccessBytesLength);
            }

            if (!Granted(block, MifareAccessConditions.KeyBReadKeys(condition)))
            {
                Clear(answer, answerOffset + KeyBOffset, KeyLength);
            }
        }

        private RfAnswer Write(int block, byte[] data, int dataOffset)
        {
            if (block == 0 || !InSession(block))
            {
                // Block 0 holds the manufacturer data and is read-only (MF1S50 §8.6.1).
                return RfAnswer.Nak;
            }

            if (IsTrailer(block))
            {
                return WriteTrailer(block, data, dataOffset);
            }

            if (!Granted(block, MifareAccessConditions.DataWriteKeys(ConditionOf(block))))
            {
                return RfAnswer.Nak;
            }

            Copy(data, dataOffset, _memory, block * BlockSize, BlockSize);
            return RfAnswer.Ack;
        }

        /// <summary>Each part of the trailer is written only when its own condition lets the session key write it.</summary>
        private RfAnswer WriteTrailer(int block, byte[] data, int dataOffset)
        {
            int condition = ConditionOf(block);
            bool keyA = Granted(block, MifareAccessConditions.KeyAWriteKeys(condition));
            bool accessBytes = Granted(block, MifareAccessConditions.AccessBitsWriteKeys(condition));
            bool keyB = Granted(block, MifareAccessConditions.KeyBWriteKeys(condition));
            if (!keyA && !accessBytes && !keyB)
            {
                return RfAnswer.Nak;
            }

            int trailer = block * BlockSize;
            if (keyA)
            {
                Copy(data, dataOffset, _memory, trailer, KeyLength);
            }

            if (accessBytes)
            {
                Copy(data, dataOffset + MifareAccessConditions.AccessBytesOffset, _memory, trailer + MifareAccessConditions.AccessBytesOffset, AccessBytesLength);
            }

            if (keyB)
            {
                Copy(data, dataOffset + KeyBOffset, _memory, trailer + KeyBOffset, KeyLength);
            }

            return RfAnswer.Ack;
        }

        /// <summary>True when the session authenticated this block's sector with a key in <paramref name="keys"/>.</summary>
        private bool Granted(int block, int keys)
        {
            return InSession(block) && (keys & _authenticatedKey) != 0;
        }

        private bool InSession(int block)
        {
            return _authenticatedSector == block / BlocksPerSector;
        }

        private RfAnswer Refused(RfAnswer answer)
        {
            if (answer == RfAnswer.Nak)
            {
                EndSession();
            }

            return answer;
        }

        private void EndSession()
        {
            _authenticatedSector = NoSector;
            _authenticatedKey = MifareAccessConditions.Never;
        }

        private int ConditionOf(int block)
        {
            int sector = block / BlocksPerSector;
            return MifareAccessConditions.Condition(_memory, TrailerOffset(sector), block % BlocksPerSector);
        }

        /// <summary>Block 0: NUID, BCC, SAK, ATQA (least significant byte first), manufacturer data (MF1S50 §8.6.1).</summary>
        private void WriteManufacturerBlock(byte[] uid)
        {
            Copy(uid, 0, _memory, 0, UidLength);
            _memory[UidLength] = Bcc(uid, 0, UidLength);
            _memory[UidLength + 1] = SelRes1K;
            _memory[UidLength + 2] = SensRes[1];
            _memory[UidLength + 3] = SensRes[0];
        }

        private static bool IsTrailer(int block)
        {
            return block % BlocksPerSector == TrailerBlockInSector;
        }

        private static int TrailerBlock(int sector)
        {
            return sector * BlocksPerSector + TrailerBlockInSector;
        }

        private static int TrailerOffset(int sector)
        {
            return TrailerBlock(sector) * BlockSize;
        }

        private static bool Matches(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (a[aOffset + i] != b[bOffset + i])
                {
                    return false;
                }
            }

            return true;
        }

        private static void Clear(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = 0;
            }
        }
    }
}
