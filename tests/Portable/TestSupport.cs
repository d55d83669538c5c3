#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Tests
{
    /// <summary>Helpers shared by the portable tests (hex conversion and the assertions both test frameworks lack in common).</summary>
    public static class TestSupport
    {
        /// <summary>Parses "3B 95 13" or "3B9513" into bytes.</summary>
        public static byte[] Hex(string text)
        {
            int digits = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (HexValue(text[i]) >= 0)
                {
                    digits++;
                }
            }

            byte[] result = new byte[digits / 2];
            int n = 0;
            int high = -1;
            for (int i = 0; i < text.Length; i++)
            {
                int v = HexValue(text[i]);
                if (v < 0)
                {
                    continue;
                }

                if (high < 0)
                {
                    high = v;
                }
                else
                {
                    result[n++] = (byte)((high << 4) | v);
                    high = -1;
                }
            }

            return result;
        }

        /// <summary>Formats bytes as upper-case hex separated by spaces (the firmware's own formatter).</summary>
        public static string ToHex(byte[] data, int offset, int count)
        {
            return HexText.Format(data, offset, count);
        }

        public static string ToHex(byte[] data)
        {
            return ToHex(data, 0, data.Length);
        }

        /// <summary>Asserts that two byte ranges are equal, showing both in hex when they differ.</summary>
        public static void AreEqualBytes(byte[] expected, byte[] actual, int actualOffset, int actualCount)
        {
            Assert.AreEqual(ToHex(expected), ToHex(actual, actualOffset, actualCount));
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
