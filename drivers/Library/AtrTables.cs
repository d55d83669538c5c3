namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// The codings of TA1 (and PPS1): FI → Fi and f(max), DI → Di (ISO 7816-3 §8.3, Tables 7 and 8).
    /// Reserved (RFU) indexes map to 0.
    /// </summary>
    public static class AtrTables
    {
        /// <summary>Fd, the default clock rate conversion integer (§8.3).</summary>
        public const int DefaultF = 372;

        /// <summary>Dd, the default baud rate adjustment integer (§8.3).</summary>
        public const int DefaultD = 1;

        /// <summary>TA1 / PPS1 value meaning Fd and Dd (FI = 1, DI = 1).</summary>
        public const int DefaultFiDi = 0x11;

        /// <summary>Default f(max) when TA1 is absent: 5 MHz (§8.3).</summary>
        public const int DefaultFMaxHz = 5000000;

        private static readonly int[] FiByIndex = { 372, 372, 558, 744, 1116, 1488, 1860, 0, 0, 512, 768, 1024, 1536, 2048, 0, 0 };

        private static readonly int[] FMaxHzByIndex =
        {
            4000000, 5000000, 6000000, 8000000, 12000000, 16000000, 20000000, 0,
            0, 5000000, 7500000, 10000000, 15000000, 20000000, 0, 0,
        };

        private static readonly int[] DiByIndex = { 0, 1, 2, 4, 8, 16, 32, 64, 12, 20, 0, 0, 0, 0, 0, 0 };

        /// <summary>Fi for an FI nibble, 0 when reserved.</summary>
        public static int Fi(int fiIndex)
        {
            return FiByIndex[fiIndex & 0x0F];
        }

        /// <summary>f(max) in Hz for an FI nibble, 0 when reserved.</summary>
        public static int FMaxHz(int fiIndex)
        {
            return FMaxHzByIndex[fiIndex & 0x0F];
        }

        /// <summary>Di for a DI nibble, 0 when reserved.</summary>
        public static int Di(int diIndex)
        {
            return DiByIndex[diIndex & 0x0F];
        }
    }
}
