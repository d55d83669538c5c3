using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// pcsc-tools' list of known ATRs (/usr/share/pcsc/smartcard_list.txt, Debian package pcsc-tools):
    /// an ATR line starting at column 0, tab-indented description lines, blank lines between entries.
    /// Lines holding anything but hex digits and spaces are regular expressions and are skipped.
    /// </summary>
    internal static class SmartcardList
    {
        public const string Path = "/usr/share/pcsc/smartcard_list.txt";

        /// <summary>The literal ATR lines as written in the file.</summary>
        public static List<string> LiteralAtrs(out int patterns)
        {
            if (!File.Exists(Path))
            {
                Assert.Inconclusive(Path + " is missing: apt-get install -y pcsc-tools");
            }

            List<string> atrs = new List<string>();
            patterns = 0;
            foreach (string line in File.ReadAllLines(Path, Encoding.Latin1))
            {
                if (line.Length == 0 || line[0] == '\t' || line[0] == '#')
                {
                    continue;
                }

                string text = line.Trim();
                if (IsHex(text))
                {
                    atrs.Add(text);
                }
                else
                {
                    patterns++;
                }
            }

            return atrs;
        }

        public static byte[] Bytes(string hex)
        {
            return System.Convert.FromHexString(hex.Replace(" ", ""));
        }

        private static bool IsHex(string text)
        {
            int digits = 0;
            foreach (char c in text)
            {
                if (System.Uri.IsHexDigit(c))
                {
                    digits++;
                }
                else if (c != ' ')
                {
                    return false;
                }
            }

            return digits > 0 && digits % 2 == 0;
        }
    }
}
