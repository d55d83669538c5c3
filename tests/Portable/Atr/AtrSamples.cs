using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.AtrParsing
{
    /// <summary>ATRs used by the parser tests (TCKs computed by hand: XOR of T0..TCK = 00) and small helpers.</summary>
    internal static class AtrSamples
    {
        /// <summary>Direct convention, T=0 only, two historical bytes, no TCK.</summary>
        public const string MinimalT0 = "3B 02 14 50";

        /// <summary>vicc's card: TA1 = 13, T=1 offered twice (TD1 = 81, TD2 = 01), five historical bytes, TCK.</summary>
        public const string Vicc = "3B 95 13 81 01 80 73 FF 01 00 0B";

        /// <summary>Inverse convention (TS = 3F), TA1 = 18 (Fi 372, Di 12), T=0 default, T=1 offered, TCK.</summary>
        public const string InverseT0T1 = "3F 96 18 80 01 80 51 00 61 10 30 9F";

        /// <summary>T=1 parameters in TA3/TB3/TC3 and a second T=1 group (TA4/TB4) that must be ignored.</summary>
        public const string T1Parameters = "3B 80 81 F1 FE 45 01 31 20 12 49";

        /// <summary>TC1 = FF, T=1 parameters, T=15 with TA4 = 03 (classes A and B), fifteen historical bytes ("MIFARE Plus SAM").</summary>
        public const string Sam = "3B DF 18 FF 81 F1 FE 43 00 3F 03 83 4D 49 46 41 52 45 20 50 6C 75 73 20 53 41 4D 3B";

        /// <summary>Specific mode: TA2 = 01 (T=1, explicit, changeable), TA1 = 13.</summary>
        public const string SpecificT1 = "3B 90 13 11 01 93";

        /// <summary>Specific mode with TA2 = 91 (T=1, implicit etu, unable to change), TA1 = 97.</summary>
        public const string SpecificImplicit = "3B 90 97 11 91 87";

        public static Atr Parse(string hex)
        {
            byte[] bytes = TestSupport.Hex(hex);
            return Atr.Parse(bytes, 0, bytes.Length);
        }

        public static bool HasError(Atr atr, AtrErrorCode code)
        {
            for (int i = 0; i < atr.Errors.Length; i++)
            {
                if (atr.Errors[i].Code == code)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The codes found, for assertion messages.</summary>
        public static string Describe(Atr atr)
        {
            string text = "";
            for (int i = 0; i < atr.Errors.Length; i++)
            {
                text += atr.Errors[i].Code.ToString() + "@" + atr.Errors[i].Position.ToString() + ": " + atr.Errors[i].Message + "; ";
            }

            return text;
        }
    }
}
