namespace EmbeddedSmartCard.Drivers.Uart
{
    /// <summary>
    /// The inverse convention done in software on a plain UART (reference §1.2): an inverse card sends
    /// logical 1 as L and the most significant bit first, so a UART reading LSB first sees the byte
    /// inverted and bit-reversed, with odd parity. The mapping is its own inverse, so one table both
    /// encodes and decodes.
    /// </summary>
    internal static class InverseConvention
    {
        private static readonly byte[] Table = BuildTable();

        /// <summary>Maps <paramref name="count"/> bytes in place between logical and wire values.</summary>
        public static void Map(byte[] buffer, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                buffer[i] = Table[buffer[i]];
            }
        }

        /// <summary>Maps <paramref name="count"/> bytes from <paramref name="source"/> into <paramref name="target"/>.</summary>
        public static void Map(byte[] source, int sourceOffset, byte[] target, int targetOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                target[targetOffset + i] = Table[source[sourceOffset + i]];
            }
        }

        private static byte[] BuildTable()
        {
            byte[] table = new byte[256];
            for (int value = 0; value < 256; value++)
            {
                table[value] = ReverseBits((byte)~value);
            }

            return table;
        }

        private static byte ReverseBits(byte value)
        {
            int reversed = 0;
            for (int bit = 0; bit < 8; bit++)
            {
                reversed = (reversed << 1) | ((value >> bit) & 1);
            }

            return (byte)reversed;
        }
    }
}
