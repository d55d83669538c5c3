namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>Hex text to bytes for the line protocol's <c>apdu</c>: pairs of digits, spaces allowed between pairs.</summary>
    public static class HexBytes
    {
        /// <summary>The bytes, or null when the text is empty, has an odd digit count or a non-hex character.</summary>
        public static byte[] Parse(string text)
        {
            char[] digits = new char[text.Length];
            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ' ')
                {
                    continue;
                }

                if (DigitValue(c) < 0)
                {
                    return null;
                }

                digits[count++] = c;
            }

            if (count == 0 || count % 2 != 0)
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
