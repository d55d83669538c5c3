namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>Fixed names of <see cref="DoorDecisionCode"/> values for the printed lines and the audit log
    /// (an enum's ToString is not its name on every runtime).</summary>
    public static class DoorDecisionCodes
    {
        public static string Name(DoorDecisionCode code)
        {
            switch (code)
            {
                case DoorDecisionCode.Granted: return "granted";
                case DoorDecisionCode.DeniedUnknownCard: return "denied-unknown-card";
                case DoorDecisionCode.DeniedRevoked: return "denied-revoked";
                case DoorDecisionCode.DeniedAuthentication: return "denied-authentication";
                case DoorDecisionCode.DeniedLegacyForbidden: return "denied-legacy-forbidden";
                case DoorDecisionCode.CardRemoved: return "card-removed";
                default: return "reader-error";
            }
        }
    }
}
