namespace EmbeddedSmartCard.Firmware.Session
{
    /// <summary>Bytes as upper-case hex pairs separated by spaces, the way APDUs are usually written.</summary>
    public static class HexText
    {
        private const string Digits = "0123456789ABCDEF";

        public static string Format(byte[] data, int offset, int count)
        {
            if (data == null || count <= 0)
            {
                return "";
            }

            char[] chars = new char[count * 3 - 1];
            for (int i = 0; i < count; i++)
            {
                byte b = data[offset + i];
                chars[i * 3] = Digits[b >> 4];
                chars[i * 3 + 1] = Digits[b & 0x0F];
                if (i < count - 1)
                {
                    chars[i * 3 + 2] = ' ';
                }
            }

            return new string(chars);
        }

        /// <summary>The status word SW1 SW2 at the end of a response, as four hex digits ("9000"); "" when shorter than 2 bytes.</summary>
        public static string StatusWord(byte[] response, int offset, int length)
        {
            if (length < 2)
            {
                return "";
            }

            return response[offset + length - 2].ToString("X2") + response[offset + length - 1].ToString("X2");
        }
    }
}
