namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The Fi and Di tables of ISO 7816-3 §8.3 (reference §1.4), decoded from the FI and DI nibbles of
    /// TA1 or PPS1. RFU entries decode to 0.
    /// </summary>
    public static class CardRates
    {
        /// <summary>Fd, the clock rate conversion integer before PPS or specific mode.</summary>
        public const int DefaultF = 372;

        /// <summary>Dd, the baud rate adjustment integer before PPS or specific mode.</summary>
        public const int DefaultD = 1;

        /// <summary>FI = 1, DI = 1: the default rates as a TA1/PPS1 byte.</summary>
        public const byte DefaultFiDi = 0x11;

        private static readonly int[] FiTable = new int[] { 372, 372, 558, 744, 1116, 1488, 1860, 0, 0, 512, 768, 1024, 1536, 2048, 0, 0 };

        private static readonly int[] DiTable = new int[] { 0, 1, 2, 4, 8, 16, 32, 64, 12, 20, 0, 0, 0, 0, 0, 0 };

        /// <summary>Fi from the high nibble of a TA1/PPS1 byte (0 when RFU).</summary>
        public static int F(byte fiDi)
        {
            return FiTable[fiDi >> 4];
        }

        /// <summary>Di from the low nibble of a TA1/PPS1 byte (0 when RFU).</summary>
        public static int D(byte fiDi)
        {
            return DiTable[fiDi & 0x0F];
        }

        /// <summary>True when both nibbles name a defined value.</summary>
        public static bool IsValid(byte fiDi)
        {
            return F(fiDi) != 0 && D(fiDi) != 0;
        }

        /// <summary>The baud rate f·D/F, rounded.</summary>
        public static int BaudRate(int clockHz, int f, int d)
        {
            return (int)(((long)clockHz * d + f / 2) / f);
        }
    }
}
