using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// The outcome of one APDU of an authentication. A failed SCard call concludes the decision as
    /// <see cref="DoorDecisionCode.CardRemoved"/> when the card left and <see cref="DoorDecisionCode.ReaderError"/>
    /// otherwise; an answer other than 90 00 concludes it with the code the step gives for a refusal.
    /// </summary>
    public static class CardStep
    {
        /// <summary>Normal processing (ISO 7816-4 §5.1.3).</summary>
        public const int SwSuccess = 0x9000;

        /// <summary>True on SCard success with SW 90 00; otherwise concludes <paramref name="decision"/>.</summary>
        public static bool Check(CardSession session, DoorDecision decision, string step, DoorDecisionCode refused, int scardCode)
        {
            if (scardCode != ScardError.Success)
            {
                Failed(decision, step, scardCode);
                return false;
            }

            if (session.StatusWord == SwSuccess)
            {
                return true;
            }

            decision.Conclude(refused, step + " refused, SW " + session.StatusWord.ToString("X4"));
            return false;
        }

        /// <summary>Concludes <paramref name="decision"/> for an SCard call that failed with <paramref name="scardCode"/>.</summary>
        public static void Failed(DoorDecision decision, string step, int scardCode)
        {
            bool removed = scardCode == ScardError.RemovedCard || scardCode == ScardError.NoSmartcard;
            decision.Conclude(removed ? DoorDecisionCode.CardRemoved : DoorDecisionCode.ReaderError, step + ": " + ScardError.GetName(scardCode));
        }
    }
}
