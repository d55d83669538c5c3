using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>One printed line per decision: case, reader, card, decision, reason and latency.</summary>
    public static class DoorDecisionText
    {
        private const long MicrosPerMilli = 1000;
        private const long MicrosPerTenth = 100;
        private const int TenthsPerMilli = 10;

        public static string Format(string label, DoorDecision decision)
        {
            string card = decision.CardIdLength == 0 ? "-" : HexText.Format(decision.CardId, 0, decision.CardIdLength);
            return label + " | " + decision.Reader + " | " + KindName(decision.Kind) + " " + card + " | "
                + DoorDecisionCodes.Name(decision.Code) + " | " + decision.Reason + " | " + Millis(decision.LatencyMicros) + " ms";
        }

        /// <summary>Microseconds as milliseconds with one decimal ("12.3").</summary>
        public static string Millis(long micros)
        {
            return (micros / MicrosPerMilli).ToString() + "." + ((micros / MicrosPerTenth) % TenthsPerMilli).ToString();
        }

        private static string KindName(CardKind kind)
        {
            switch (kind)
            {
                case CardKind.Contact: return "contact";
                case CardKind.ContactlessSmartCard: return "iso14443-4";
                case CardKind.MifareClassic: return "mifare-classic";
                default: return "storage";
            }
        }
    }
}
