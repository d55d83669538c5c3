namespace EmbeddedSmartCard.Tests.Security
{
    /// <summary>Inputs shared by the security tests.</summary>
    internal static class SecurityTestData
    {
        /// <summary>The ASCII bytes of <paramref name="text"/> (the FIPS and RFC vectors are ASCII text).</summary>
        public static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        /// <summary><paramref name="count"/> copies of <paramref name="value"/>.</summary>
        public static byte[] Repeat(byte value, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = value;
            }

            return bytes;
        }

        /// <summary>first, first + 1, … (<paramref name="count"/> bytes).</summary>
        public static byte[] Counting(int first, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = (byte)(first + i);
            }

            return bytes;
        }
    }
}
