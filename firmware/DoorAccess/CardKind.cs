namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>What the ATR says the card is, which decides how the controller authenticates it.</summary>
    public enum CardKind
    {
        /// <summary>A contact card (any ATR that is not a contactless reader's pseudo-ATR): the access applet.</summary>
        Contact = 0,

        /// <summary>An ISO 14443-4 contactless smart card: the access applet, as on contact.</summary>
        ContactlessSmartCard = 1,

        /// <summary>A MIFARE Classic (Mini, 1K, 4K): the legacy badge, when the configuration allows it.</summary>
        MifareClassic = 2,

        /// <summary>Another storage card (Ultralight …): no credential the door knows.</summary>
        OtherStorageCard = 3,
    }
}
