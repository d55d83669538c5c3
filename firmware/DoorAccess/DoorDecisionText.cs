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
            return label + " | " + decision.Reader + " | " + TypeName(decision.Type) + " " + card + " | "
                + DoorDecisionCodes.Name(decision.Code) + " | " + decision.Reason + " | " + Millis(decision.LatencyMicros) + " ms";
        }

        /// <summary>Microseconds as milliseconds with one decimal ("12.3").</summary>
        public static string Millis(long micros)
        {
            return (micros / MicrosPerMilli).ToString() + "." + ((micros / MicrosPerTenth) % TenthsPerMilli).ToString();
        }

        /// <summary>What the door makes of the card: the applet on a contact or ISO 14443-4 card, the legacy badge
        /// on a MIFARE Classic, nothing on another storage card.</summary>
        private static string TypeName(CardType type)
        {
            if (CardClassifier.IsMifareClassic(type))
            {
                return "mifare-classic";
            }

            if (CardClassifier.IsStorageCard(type))
            {
                return "storage";
            }

            return CardClassifier.IsContactless(type) ? "iso14443-4" : "contact";
        }
    }
}
