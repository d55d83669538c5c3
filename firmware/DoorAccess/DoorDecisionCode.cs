namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>What the controller decided for one card presentation. Only <see cref="Granted"/> opens the door.</summary>
    public enum DoorDecisionCode
    {
        /// <summary>The card proved its key (or its badge MAC) and its identifier is allowed.</summary>
        Granted = 0,

        /// <summary>The card is authentic or carries no access credential, but its identifier is not on the allow-list.</summary>
        DeniedUnknownCard = 1,

        /// <summary>The card's identifier is on the revocation list.</summary>
        DeniedRevoked = 2,

        /// <summary>The card failed the challenge (a cloned identifier without the key) or its badge MAC.</summary>
        DeniedAuthentication = 3,

        /// <summary>A MIFARE Classic legacy badge while the configuration forbids them.</summary>
        DeniedLegacyForbidden = 4,

        /// <summary>The card left the reader before the decision was made.</summary>
        CardRemoved = 5,

        /// <summary>The reader or the card failed (no answer to reset, transmission error).</summary>
        ReaderError = 6,
    }
}
