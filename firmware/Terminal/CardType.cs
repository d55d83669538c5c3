namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>What kind of card answered, as the terminal tells it from the ATR (see <see cref="CardClassifier"/>).</summary>
    public enum CardType
    {
        /// <summary>No ATR, or one that is neither a contact card's nor a PC/SC pseudo-ATR.</summary>
        Unknown = 0,

        /// <summary>A contact card speaking T=0.</summary>
        ContactT0,

        /// <summary>A contact card speaking T=1.</summary>
        ContactT1,

        /// <summary>A contactless ISO 14443-4 type A card (pseudo-ATR with the ATS historical bytes).</summary>
        Iso14443_4A,

        /// <summary>A contactless ISO 14443-4 type B card (pseudo-ATR with the ATQB application data and protocol info).</summary>
        Iso14443_4B,

        MifareClassic1K,
        MifareClassic4K,
        MifareMini,
        MifareUltralight,

        /// <summary>A contactless storage card whose PC/SC card name the terminal does not know.</summary>
        OtherStorageCard,
    }
}
