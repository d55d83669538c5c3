namespace EmbeddedSmartCard.Manager.Iso7816
{
    /// <summary>Bytes as upper-case hex pairs separated by spaces, the way APDUs are usually written, and back.</summary>
    public static class HexText
    {
        private const string Digits = "0123456789ABCDEF";

        /// <summary>
        /// The bytes of hex digit pairs ("04 A1 B2" or "04A1B2"; spaces, tabs and CRs between digits are
        /// skipped); null when the text holds anything else or an odd number of digits.
        /// </summary>
        public static byte[] Parse(string text)
        {
            char[] digits = new char[text.Length];
            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ' || c == '\t' || c == '\r')
                {
                    continue;
                }

                if (DigitValue(c) < 0)
                {
                    return null;
                }

                digits[count++] = c;
            }

            if (count % 2 != 0)
            {
                return null;
            }

            byte[] bytes = new byte[count / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((DigitValue(digits[2 * i]) << 4) | DigitValue(digits[2 * i + 1]));
            }

            return bytes;
        }

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

        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        }
    }
}
