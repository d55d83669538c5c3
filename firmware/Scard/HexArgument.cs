using System;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>Hex on the command line: "00A40400", "00 A4 04 00" or "00:A4:04:00".</summary>
    public static class HexArgument
    {
        public static byte[] Parse(string text)
        {
            string digits = text.Replace(" ", "").Replace(":", "");
            if (digits.Length == 0 || digits.Length % 2 != 0)
            {
                throw new CommandLineException("'" + text + "' is not an even number of hex digits");
            }

            try
            {
                return Convert.FromHexString(digits);
            }
            catch (FormatException)
            {
                throw new CommandLineException("'" + text + "' is not hex");
            }
        }
    }
}
