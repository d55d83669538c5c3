using System;

namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>Parses the values of profile settings; a bad value throws an ArgumentException naming the key and the forms it takes.</summary>
    internal static class SettingValue
    {
        /// <summary>Pin value of an unwired signal.</summary>
        public const string None = "none";

        /// <summary>Suffix of a pin whose signal is asserted low.</summary>
        public const string ActiveLowSuffix = ":low";

        private const string HexPrefix = "0x";
        private const int Decimal = 10;
        private const int Hexadecimal = 16;

        /// <summary>Keeps every number well inside int: nine decimal digits, seven hex digits.</summary>
        private const int MaxDecimalDigits = 9;
        private const int MaxHexDigits = 7;

        /// <summary>A non-negative number, decimal or 0x-prefixed hexadecimal.</summary>
        public static int Number(string key, string value)
        {
            int result;
            if (!TryNumber(value, out result))
            {
                throw Bad(key, value, "a number (decimal, or hexadecimal with 0x)");
            }

            return result;
        }

        /// <summary>A GPIO: "&lt;n&gt;", "&lt;n&gt;:low" (asserted low), or "none" (null: not wired).</summary>
        public static PinWiring Pin(string key, string value)
        {
            if (value == None)
            {
                return null;
            }

            bool activeLow = value.EndsWith(ActiveLowSuffix);
            string number = activeLow ? value.Substring(0, value.Length - ActiveLowSuffix.Length) : value;
            int pin;
            if (!TryNumber(number, out pin))
            {
                throw Bad(key, value, "a GPIO number, <n>" + ActiveLowSuffix + " when asserted low, or " + None);
            }

            return new PinWiring(pin, activeLow);
        }

        /// <summary>Any text but the empty one (a port, a reader name).</summary>
        public static string Text(string key, string value)
        {
            if (value.Length == 0)
            {
                throw Bad(key, value, "a non-empty text");
            }

            return value;
        }

        public static ArgumentException Bad(string key, string value, string expected)
        {
            return new ArgumentException("setting " + key + "=" + value + ": expected " + expected);
        }

        private static bool TryNumber(string text, out int result)
        {
            result = 0;
            int radix = Decimal;
            int maxDigits = MaxDecimalDigits;
            int start = 0;
            if (text.StartsWith(HexPrefix))
            {
                radix = Hexadecimal;
                maxDigits = MaxHexDigits;
                start = HexPrefix.Length;
            }

            int digits = text.Length - start;
            if (digits < 1 || digits > maxDigits)
            {
                return false;
            }

            for (int i = start; i < text.Length; i++)
            {
                int digit = DigitValue(text[i]);
                if (digit < 0 || digit >= radix)
                {
                    return false;
                }

                result = result * radix + digit;
            }

            return true;
        }

        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + Decimal;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + Decimal;
            }

            return -1;
        }
    }
}
