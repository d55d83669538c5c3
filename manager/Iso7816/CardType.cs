namespace EmbeddedSmartCard.Manager.Iso7816
{
    /// <summary>What kind of card answered, as its ATR tells it (see <see cref="CardClassifier"/>).</summary>
    public enum CardType
    {
        /// <summary>No ATR, or a contact card's ATR with a protocol that is neither T=0 nor T=1.</summary>
        Unknown = 0,

        /// <summary>A contact card whose protocol is not known yet (classified before connecting).</summary>
        Contact,

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

        /// <summary>A contactless storage card whose PC/SC card name is none of the above.</summary>
        OtherStorageCard,
    }
}
