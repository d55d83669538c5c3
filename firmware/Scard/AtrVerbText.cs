using System.Globalization;
using System.IO;
using System.Text;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>One ATR as a readable block: every character with its meaning (ISO 7816-3 §8), then a summary.</summary>
    public static class AtrVerbText
    {
        private const int Type1 = 1;
        private const int Type15 = 15;

        public static void Write(Atr atr, TextWriter output)
        {
            output.WriteLine("ATR " + Hex(atr.Bytes, 0, atr.Length));
            if (atr.Length > 0)
            {
                output.WriteLine("  TS  = " + atr.Bytes[0].ToString("X2") + "  " + ConventionName(atr.Convention) + " convention");
            }

            if (atr.Length > 1 && atr.Convention != AtrConvention.Unknown)
            {
                int t0 = atr.Bytes[1];
                output.WriteLine("  T0  = " + t0.ToString("X2") + "  Y1 = " + (t0 >> 4).ToString("X") + ", K = " + (t0 & 0x0F) + " historical bytes");
                WriteInterfaceBytes(atr, output);
                WriteHistoricalAndTck(atr, output);
                WriteSummary(atr, output);
            }

            WriteErrors(atr, output);
            output.WriteLine();
        }

        public static string ConventionName(AtrConvention convention)
        {
            switch (convention)
            {
                case AtrConvention.Direct: return "direct";
                case AtrConvention.Inverse: return "inverse";
                default: return "unknown";
            }
        }

        public static string Hex(byte[] bytes, int offset, int count)
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                text.Append(i == 0 ? "" : " ").Append(bytes[offset + i].ToString("X2"));
            }

            return text.ToString();
        }

        private static void WriteInterfaceBytes(Atr atr, TextWriter output)
        {
            bool[] firstSeen = new bool[3];
            bool t15Seen = false;
            for (int i = 1; i <= atr.GroupCount; i++)
            {
                int type = i == 1 ? -1 : atr.TD(i - 1) & 0x0F;
                WriteByte(output, "TA", i, atr.TA(i), MeaningOfTa(atr, i, type, firstSeen, ref t15Seen));
                WriteByte(output, "TB", i, atr.TB(i), MeaningOfTb(atr, i, type, firstSeen));
                WriteByte(output, "TC", i, atr.TC(i), MeaningOfTc(atr, i, type, firstSeen));
                int td = atr.TD(i);
                WriteByte(output, "TD", i, td, "Y" + (i + 1) + " = " + (td >> 4).ToString("X") + ", protocol T=" + (td & 0x0F));
            }
        }

        private static void WriteByte(TextWriter output, string name, int i, int value, string meaning)
        {
            if (value >= 0)
            {
                output.WriteLine(("  " + name + i).PadRight(6) + "= " + value.ToString("X2") + "  " + meaning);
            }
        }

        private static string MeaningOfTa(Atr atr, int i, int type, bool[] firstSeen, ref bool t15Seen)
        {
            int ta = atr.TA(i);
            if (i == 1)
            {
                return "Fi = " + Value(atr.Fi) + ", Di = " + Value(atr.Di) + ", f(max) = " + (atr.FMaxHz == 0 ? "RFU" : (atr.FMaxHz / 1e6).ToString(CultureInfo.InvariantCulture) + " MHz");
            }

            if (i == 2)
            {
                return "specific mode: T=" + (ta & 0x0F) + ((ta & 0x10) != 0 ? ", implicit etu" : ", Fi/Di from TA1")
                    + ((ta & 0x80) != 0 ? ", unable to change mode" : ", able to change mode");
            }

            if (type == Type1 && First(firstSeen, 0, ta))
            {
                return "IFSC = " + ta;
            }

            if (type == Type15 && ta >= 0 && !t15Seen)
            {
                t15Seen = true;
                return "clock stop " + ClockStopName(ta >> 6) + ", classes " + ClassNames(ta & 0x3F);
            }

            return SpecificTo(type);
        }

        private static string MeaningOfTb(Atr atr, int i, int type, bool[] firstSeen)
        {
            int tb = atr.TB(i);
            if (i <= 2)
            {
                return "deprecated (VPP), ignored";
            }

            if (type == Type15)
            {
                return "SPU (standard or proprietary use, §8.3)";
            }

            return type == Type1 && First(firstSeen, 1, tb) ? "BWI = " + (tb >> 4) + ", CWI = " + (tb & 0x0F) : SpecificTo(type);
        }

        private static string MeaningOfTc(Atr atr, int i, int type, bool[] firstSeen)
        {
            int tc = atr.TC(i);
            if (i == 1)
            {
                return tc == 255 ? "N = 255: minimum guard time" : "N = " + tc + " extra guard etu";
            }

            if (i == 2)
            {
                return tc == 0 ? "WI = 0: RFU" : "WI = " + tc + " (T=0 waiting time " + (960 * tc) + " x Fi/f)";
            }

            return type == Type1 && First(firstSeen, 2, tc) ? "EDC = " + ((tc & 1) != 0 ? "CRC" : "LRC") : SpecificTo(type);
        }

        /// <summary>True for the first present byte of its kind after T=1: only that one counts (§11.4).</summary>
        private static bool First(bool[] firstSeen, int kind, int value)
        {
            if (value < 0 || firstSeen[kind])
            {
                return false;
            }

            firstSeen[kind] = true;
            return true;
        }

        private static string SpecificTo(int type)
        {
            return "specific to T=" + type;
        }

        private static void WriteHistoricalAndTck(Atr atr, TextWriter output)
        {
            if (atr.HistoricalLength > 0)
            {
                output.WriteLine("  historical bytes: " + Hex(atr.Bytes, atr.HistoricalOffset, atr.HistoricalLength) + "  \"" + Printable(atr) + "\"");
            }

            if (atr.TckPresent)
            {
                output.WriteLine("  TCK = " + atr.Bytes[atr.HistoricalOffset + atr.HistoricalLength].ToString("X2") + "  " + (atr.TckValid ? "correct" : "WRONG"));
            }
        }

        private static void WriteSummary(Atr atr, TextWriter output)
        {
            StringBuilder protocols = new StringBuilder();
            for (int type = 0; type < 16; type++)
            {
                if ((atr.OfferedTypes & (1 << type)) != 0)
                {
                    protocols.Append(protocols.Length == 0 ? "T=" : ", T=").Append(type);
                }
            }

            output.WriteLine("  protocols " + protocols + "; default T=" + atr.DefaultProtocolType + "; "
                + (atr.SpecificMode ? "specific mode (T=" + atr.SpecificProtocolType + ")" : "negotiable mode"));
            output.WriteLine("  N = " + atr.N + "; T=0: WI = " + atr.WI + "; T=1: IFSC = " + atr.Ifsc + ", CWI = " + atr.Cwi
                + ", BWI = " + atr.Bwi + ", EDC = " + (atr.UsesCrc ? "CRC" : "LRC"));
        }

        private static void WriteErrors(Atr atr, TextWriter output)
        {
            if (atr.Errors.Length == 0)
            {
                output.WriteLine("  well formed");
                return;
            }

            foreach (AtrError error in atr.Errors)
            {
                output.WriteLine("  " + (error.IsStructural ? "error: " : "warning: ") + error.Message);
            }
        }

        private static string Value(int value)
        {
            return value == 0 ? "RFU" : value.ToString(CultureInfo.InvariantCulture);
        }

        private static string ClockStopName(int indicator)
        {
            switch (indicator)
            {
                case 0: return "not supported";
                case 1: return "in state L";
                case 2: return "in state H";
                default: return "no preference";
            }
        }

        private static string ClassNames(int classes)
        {
            string names = ((classes & 1) != 0 ? "A " : "") + ((classes & 2) != 0 ? "B " : "") + ((classes & 4) != 0 ? "C " : "");
            return names.Length == 0 ? "none" : names.TrimEnd() + " (A 5 V, B 3 V, C 1.8 V)";
        }

        private static string Printable(Atr atr)
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < atr.HistoricalLength; i++)
            {
                byte b = atr.Bytes[atr.HistoricalOffset + i];
                text.Append(b >= 0x20 && b < 0x7F ? (char)b : '.');
            }

            return text.ToString();
        }
    }
}
