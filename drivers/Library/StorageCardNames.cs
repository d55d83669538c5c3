namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// How a contactless storage card (no ISO 14443-4) is named in the historical bytes of the ATR a PC/SC
    /// reader makes up for it (PC/SC Part 3 §3.1.3.2.3.2, reference iso7816-pn532.md §4.5.1):
    /// <c>80 4F 0C A0 00 00 03 06 SS NN NN 00 00 00 00</c> — category indicator, application identifier tag
    /// and its length 12, the PC/SC Workgroup RID, the standard byte SS (Part 3 supplement Table 2), the card
    /// name NN NN (supplement Table 3) and four RFU bytes. Readers write them, applications read them.
    /// </summary>
    public static class StorageCardNames
    {
        /// <summary>The storage-card historical bytes are always fifteen.</summary>
        public const int HistoricalLength = 15;

        /// <summary>Supplement Table 2: standard byte SS for ISO 14443 A part 3.</summary>
        public const byte StandardIso14443A3 = 0x03;

        /// <summary>Supplement Table 3: card names NN NN.</summary>
        public const int Classic1K = 0x0001;
        public const int Classic4K = 0x0002;
        public const int Ultralight = 0x0003;
        public const int Mini = 0x0026;

        private const int NameOffset = 9;
        private const int NameLength = 2;
        private const int RfuLength = 4;

        /// <summary>Category indicator 80, application identifier tag 4F, length 0C, RID A0 00 00 03 06.</summary>
        private static readonly byte[] Prefix = { 0x80, 0x4F, 0x0C, 0xA0, 0x00, 0x00, 0x03, 0x06 };

        /// <summary>
        /// Writes the <see cref="HistoricalLength"/> historical bytes of a storage card with standard byte
        /// <paramref name="standard"/> and card name <paramref name="cardName"/> at <paramref name="offset"/>;
        /// returns the position after them.
        /// </summary>
        public static int Write(byte standard, int cardName, byte[] buffer, int offset)
        {
            int n = offset;
            for (int i = 0; i < Prefix.Length; i++)
            {
                buffer[n++] = Prefix[i];
            }

            buffer[n++] = standard;
            buffer[n++] = (byte)(cardName >> 8);
            buffer[n++] = (byte)cardName;
            for (int i = 0; i < RfuLength; i++)
            {
                buffer[n++] = 0x00;
            }

            return n;
        }

        /// <summary>True when the <paramref name="count"/> historical bytes at <paramref name="offset"/> open
        /// with the storage-card prefix and reach the card name.</summary>
        public static bool IsStorageCard(byte[] historical, int offset, int count)
        {
            if (count < NameOffset + NameLength)
            {
                return false;
            }

            for (int i = 0; i < Prefix.Length; i++)
            {
                if (historical[offset + i] != Prefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The card name NN NN of storage-card historical bytes at <paramref name="offset"/>.</summary>
        public static int CardName(byte[] historical, int offset)
        {
            return (historical[offset + NameOffset] << 8) | historical[offset + NameOffset + 1];
        }
    }
}
