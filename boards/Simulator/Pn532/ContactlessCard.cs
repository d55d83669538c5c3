namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// A virtual ISO/IEC 14443 card that can enter and leave a virtual PN532's field. It exposes what the chip
    /// learns during activation (type A: SENS_RES, SEL_RES, NFCID1, ATS; type B: see <see cref="Iso14443BCard"/>)
    /// and answers the commands the chip carries for InDataExchange; the chip does the anticollision, the CRC
    /// and, for ISO 14443-4 cards, the block protocol itself (reference iso7816-pn532.md §3.3, InDataExchange).
    /// </summary>
    public abstract class ContactlessCard
    {
        /// <summary>SEL_RES bit 6 (0x20): the card is ISO/IEC 14443-4 compliant (ISO/IEC 14443-3 §6.5.3.4).</summary>
        public const byte SelResIso14443_4 = 0x20;

        private readonly byte[] _uid;
        private readonly byte[] _sensRes;
        private readonly byte _selRes;

        /// <param name="uid">NFCID1: 4, 7 or 10 bytes (type B: the PUPI).</param>
        /// <param name="sensRes">SENS_RES (ATQA) as the PN532 reports it, 2 bytes (type B: null).</param>
        /// <param name="selRes">SEL_RES (SAK).</param>
        protected ContactlessCard(byte[] uid, byte[] sensRes, byte selRes)
        {
            _uid = uid;
            _sensRes = sensRes;
            _selRes = selRes;
        }

        public byte[] Uid
        {
            get { return _uid; }
        }

        public byte[] SensRes
        {
            get { return _sensRes; }
        }

        public byte SelRes
        {
            get { return _selRes; }
        }

        /// <summary>The ATS the card returns to RATS (TL included), or null for a card without ISO 14443-4.</summary>
        public virtual byte[] Ats
        {
            get { return null; }
        }

        /// <summary>
        /// The frame waiting integer the reader chip runs the ISO/IEC 14443-4 block protocol with (ATS TB(1) for
        /// type A, ATQB protocol info for type B), or -1 for a card without ISO 14443-4.
        /// </summary>
        public virtual int FrameWaitingIndex
        {
            get { return -1; }
        }

        /// <summary>The card was selected (again): whatever session it had (MIFARE authentication) is over.</summary>
        public virtual void OnSelected()
        {
        }

        /// <summary>
        /// Answers one command. For <see cref="RfAnswer.Data"/> the answer bytes are written at
        /// <paramref name="answerOffset"/> (at most <paramref name="answerCapacity"/>) and counted in <paramref name="answerLength"/>.
        /// </summary>
        public abstract RfAnswer Transceive(byte[] command, int offset, int count, byte[] answer, int answerOffset, int answerCapacity, out int answerLength);

        /// <summary>The block check character of ISO/IEC 14443-3 §6.5.3.2: the XOR of the bytes.</summary>
        public static byte Bcc(byte[] buffer, int offset, int count)
        {
            int bcc = 0;
            for (int i = 0; i < count; i++)
            {
                bcc ^= buffer[offset + i];
            }

            return (byte)bcc;
        }

        /// <summary>Copies <paramref name="count"/> bytes, for the card memories (no Buffer.BlockCopy on nanoFramework).</summary>
        protected static void Copy(byte[] source, int sourceOffset, byte[] destination, int destinationOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                destination[destinationOffset + i] = source[sourceOffset + i];
            }
        }
    }
}
