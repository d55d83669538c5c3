namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// The frame of the ATR a contactless PC/SC reader makes up for a card that has none (PC/SC Part 3
    /// §3.1.3.2.3, reference iso7816-pn532.md §4.5.1): <c>3B 8n 80 01</c> — TS direct convention, T0 announcing
    /// TD1 and n historical bytes, TD1 naming T=0 and announcing TD2, TD2 naming T=1 — then the n historical
    /// bytes and TCK. Readers write it (drivers/Pn532), applications recognise it (the manager's card
    /// classifier); what the historical bytes hold is <see cref="StorageCardNames"/>' or the card's.
    /// </summary>
    public static class PseudoAtrFraming
    {
        /// <summary>TS, T0, TD1 and TD2 come before the historical bytes.</summary>
        public const int HistoricalOffset = 4;

        /// <summary>TCK follows the historical bytes.</summary>
        public const int TckLength = 1;

        /// <summary>ISO 7816-3 §8.2.2: T0 announces at most 15 historical bytes.</summary>
        public const int MaxHistoricalBytes = 15;

        private const byte Ts = 0x3B;
        private const int T0OnlyTd1 = 0x80;
        private const int HistoricalCountMask = 0x0F;
        private const byte Td1T0FollowedByTd2 = 0x80;
        private const byte Td2T1 = 0x01;

        /// <summary>Writes TS, T0 for <paramref name="historicalCount"/> bytes, TD1 and TD2; returns the position of the first historical byte.</summary>
        public static int WritePrefix(int historicalCount, byte[] atr, int atrOffset)
        {
            int n = atrOffset;
            atr[n++] = Ts;
            atr[n++] = (byte)(T0OnlyTd1 | historicalCount);
            atr[n++] = Td1T0FollowedByTd2;
            atr[n++] = Td2T1;
            return n;
        }

        /// <summary>TCK: XOR of T0 up to the last byte before it (ISO 7816-3 §8.2.5), written at <paramref name="end"/>; returns the ATR's length.</summary>
        public static int AppendTck(byte[] atr, int atrOffset, int end)
        {
            byte tck = 0;
            for (int i = atrOffset + 1; i < end; i++)
            {
                tck ^= atr[i];
            }

            atr[end] = tck;
            return end + TckLength - atrOffset;
        }

        /// <summary>
        /// True when the <paramref name="length"/> bytes at <paramref name="offset"/> are framed as a pseudo-ATR: the
        /// four bytes above and exactly the historical bytes T0 announces plus TCK.
        /// </summary>
        public static bool Matches(byte[] atr, int offset, int length)
        {
            return length > HistoricalOffset
                && atr[offset] == Ts
                && (atr[offset + 1] & ~HistoricalCountMask) == T0OnlyTd1
                && atr[offset + 2] == Td1T0FollowedByTd2
                && atr[offset + 3] == Td2T1
                && length == HistoricalOffset + (atr[offset + 1] & HistoricalCountMask) + TckLength;
        }
    }
}
