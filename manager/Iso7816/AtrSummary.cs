using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager.Iso7816
{
    /// <summary>An ATR in a few words: convention (TS), offered protocols (TD), TA1's Fi/Di and f(max) (ISO 7816-3 §8.3).</summary>
    public static class AtrSummary
    {
        public static string Describe(Atr atr)
        {
            if (atr == null)
            {
                return "no ATR";
            }

            string text = (atr.InverseConvention ? "inverse" : "direct") + " convention, " + Protocols(atr.OfferedProtocols) + ", ";
            if (atr.Ta1Present)
            {
                text += "TA1 " + atr.Ta1.ToString("X2") + " (Fi " + atr.Fi.ToString() + ", Di " + atr.Di.ToString() +
                        ", f max " + (atr.FMaxHz / 1000000.0).ToString("F1") + " MHz)";
            }
            else
            {
                text += "no TA1 (Fd 372, Dd 1)";
            }

            if (atr.SpecificMode)
            {
                text += ", specific mode";
            }

            return atr.IsValid ? text : text + ", with errors";
        }

        /// <summary>"T=0", "T=1" or "T=0 and T=1".</summary>
        public static string Protocols(int protocols)
        {
            bool t0 = (protocols & EmbeddedSmartCard.Drivers.Protocols.T0) != 0;
            bool t1 = (protocols & EmbeddedSmartCard.Drivers.Protocols.T1) != 0;
            if (t0 && t1)
            {
                return "T=0 and T=1";
            }

            if (t1)
            {
                return "T=1";
            }

            return t0 ? "T=0" : "no protocol";
        }
    }
}
