namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// The fixed Bnnn rate codes of asm-generic/termbits.h, for a driver that refuses BOTHER
    /// (an arbitrary rate): the line then falls back to the nearest of these.
    /// </summary>
    internal static class StandardBaudRates
    {
        private static readonly int[] Rates =
        {
            1200, 1800, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 500000,
            576000, 921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000, 3500000, 4000000,
        };

        private static readonly uint[] Codes =
        {
            0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x000E, 0x000F, 0x1001, 0x1002, 0x1003, 0x1004, 0x1005,
            0x1006, 0x1007, 0x1008, 0x1009, 0x100A, 0x100B, 0x100C, 0x100D, 0x100E, 0x100F,
        };

        /// <summary>Index of the standard rate nearest to <paramref name="baudRate"/>.</summary>
        public static int Nearest(int baudRate)
        {
            int best = 0;
            for (int i = 1; i < Rates.Length; i++)
            {
                if (Distance(Rates[i], baudRate) < Distance(Rates[best], baudRate))
                {
                    best = i;
                }
            }
            return best;
        }

        public static int RateAt(int index)
        {
            return Rates[index];
        }

        public static uint CodeAt(int index)
        {
            return Codes[index];
        }

        private static long Distance(int a, int b)
        {
            long d = (long)a - b;
            return d < 0 ? -d : d;
        }
    }
}
