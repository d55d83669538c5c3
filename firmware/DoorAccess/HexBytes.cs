namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>Hex text to bytes for the configuration: pairs of digits, spaces between bytes allowed ("04 A1 B2" or "04A1B2").</summary>
    public static class HexBytes
    {
        /// <summary>The bytes, or null when the text holds anything but hex digit pairs and spaces.</summary>
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

                if (Digit(c) < 0)
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
                bytes[i] = (byte)((Digit(digits[2 * i]) << 4) | Digit(digits[2 * i + 1]));
            }

            return bytes;
        }

        private static int Digit(char c)
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
