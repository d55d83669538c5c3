namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// A MIFARE Ultralight (NXP MF0ICU1): 16 pages of 4 bytes, a 7-byte UID in pages 0-2, lock bytes in
    /// page 2, an OTP page 3. READ (30) returns 4 pages (16 bytes) rolling over after page 15; WRITE (A2)
    /// writes one page, ORs into the lock bytes and the OTP page, and NAKs read-only or locked pages.
    /// </summary>
    public sealed class UltralightCard : ContactlessCard
    {
        public const byte CommandRead = 0x30;
        public const byte CommandWrite = 0xA2;
        public const int PageCount = 16;
        public const int PageSize = 4;

        /// <summary>A READ answers 4 pages.</summary>
        public const int ReadLength = 16;

        // MF0ICU1 §7.5: UID0..2 + BCC0 in page 0, UID3..6 in page 1, BCC1, internal, LOCK0, LOCK1 in page 2.
        private const int UidLength = 7;
        private const int LockPage = 2;
        private const int OtpPage = 3;
        private const int Lock0Index = LockPage * PageSize + 2;
        private const int Lock1Index = LockPage * PageSize + 3;

        /// <summary>The cascade tag the BCC0 of a double-size UID includes (ISO/IEC 14443-3 §6.5.4).</summary>
        private const byte CascadeTag = 0x88;
        private const int WriteCommandLength = 2 + PageSize;

        private readonly byte[] _memory = new byte[PageCount * PageSize];

        /// <param name="uid">The 7-byte UID (the first byte is the manufacturer, 04 for NXP).</param>
        public UltralightCard(byte[] uid)
            : base(uid, new byte[] { 0x00, 0x44 }, 0x00)
        {
            _memory[0] = uid[0];
            _memory[1] = uid[1];
            _memory[2] = uid[2];
            _memory[3] = (byte)(CascadeTag ^ Bcc(uid, 0, 3));
            Copy(uid, 3, _memory, PageSize, UidLength - 3);
            _memory[LockPage * PageSize] = Bcc(uid, 3, 4);
        }

        /// <summary>The card's memory, page after page (for tests and scripted set-up).</summary>
        public byte[] Memory
        {
            get { return _memory; }
        }

        public override RfAnswer Transceive(byte[] command, int offset, int count, byte[] answer, int answerOffset, int answerCapacity, out int answerLength)
        {
            answerLength = 0;
            if (count == 2 && command[offset] == CommandRead)
            {
                return Read(command[offset + 1], answer, answerOffset, answerCapacity, out answerLength);
            }

            if (count == WriteCommandLength && command[offset] == CommandWrite)
            {
                return Write(command[offset + 1], command, offset + 2);
            }

            return RfAnswer.Nak;
        }

        private RfAnswer Read(int page, byte[] answer, int answerOffset, int answerCapacity, out int answerLength)
        {
            answerLength = 0;
            if (page >= PageCount || answerCapacity < ReadLength)
            {
                return RfAnswer.Nak;
            }

            for (int i = 0; i < ReadLength; i++)
            {
                // MF0ICU1 §8.1: the READ rolls over from page 15 to page 0.
                answer[answerOffset + i] = _memory[(page * PageSize + i) % _memory.Length];
            }

            answerLength = ReadLength;
            return RfAnswer.Data;
        }

        private RfAnswer Write(int page, byte[] data, int dataOffset)
        {
            if (page < LockPage || page >= PageCount || IsLocked(page))
            {
                return RfAnswer.Nak;
            }

            if (page == LockPage)
            {
                // Only the lock bytes of page 2 are writable, and their bits can only be set.
                _memory[Lock0Index] |= data[dataOffset + 2];
                _memory[Lock1Index] |= data[dataOffset + 3];
                return RfAnswer.Ack;
            }

            for (int i = 0; i < PageSize; i++)
            {
                int index = page * PageSize + i;
                // OTP bits can only be set (MF0ICU1 §7.5.3).
                _memory[index] = page == OtpPage ? (byte)(_memory[index] | data[dataOffset + i]) : data[dataOffset + i];
            }

            return RfAnswer.Ack;
        }

        /// <summary>Lock bit L-n: LOCK0 bits 3..7 for pages 3..7, LOCK1 bits 0..7 for pages 8..15 (MF0ICU1 §7.5.2).</summary>
        private bool IsLocked(int page)
        {
            if (page < 8)
            {
                return (_memory[Lock0Index] & (1 << page)) != 0;
            }

            return (_memory[Lock1Index] & (1 << (page - 8))) != 0;
        }
    }
}
