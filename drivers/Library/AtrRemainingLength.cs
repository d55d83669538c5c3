namespace EmbeddedSmartCard.Drivers
{
    /// <summary>How long an ATR being received will be, from its first characters (ISO 7816-3 §8.2).</summary>
    public sealed partial class Atr
    {
        /// <summary>
        /// How many more characters the ATR needs, given the first <paramref name="received"/> ones at
        /// <paramref name="offset"/>: the count up to the next TDi while the chain goes on (ask again
        /// once they arrived), then up to the last historical byte or TCK. 0 when complete, when TS is
        /// not 3B/3F (nothing more can be expected) or on bad arguments. Never more than up to 33 characters.
        /// </summary>
        public static int RemainingLength(byte[] atr, int offset, int received)
        {
            if (atr == null || offset < 0 || received < 0 || received > atr.Length - offset)
            {
                return 0;
            }

            if (received == 0)
            {
                return 2;
            }

            if (atr[offset] != TsDirect && atr[offset] != TsInverse)
            {
                return 0;
            }

            if (received == 1)
            {
                return 1;
            }

            return Remaining(KnownLength(atr, offset, received), received);
        }

        /// <summary>The length the received characters announce so far (up to and including the first TDi not yet received).</summary>
        private static int KnownLength(byte[] atr, int offset, int received)
        {
            int indicator = atr[offset + 1];
            int historical = indicator & 0x0F;
            int length = 2;
            bool tck = false;
            while (length <= MaxLength)
            {
                length += CountBits(indicator >> 4);
                if ((indicator & PresenceTD) == 0)
                {
                    return length + historical + (tck ? 1 : 0);
                }

                int tdPosition = length - 1;
                if (tdPosition >= received)
                {
                    return length;
                }

                indicator = atr[offset + tdPosition];
                tck |= (indicator & 0x0F) != 0;
            }

            return MaxLength;
        }

        private static int Remaining(int length, int received)
        {
            int capped = length < MaxLength ? length : MaxLength;
            return capped > received ? capped - received : 0;
        }

        private static int CountBits(int nibble)
        {
            int count = 0;
            for (int bit = 0; bit < 4; bit++)
            {
                count += (nibble >> bit) & 1;
            }

            return count;
        }
    }
}
