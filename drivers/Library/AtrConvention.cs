namespace EmbeddedSmartCard.Drivers
{
    /// <summary>The coding convention the card announced with TS (ISO 7816-3 §8.1).</summary>
    public enum AtrConvention
    {
        /// <summary>TS was neither 3B nor 3F: the ATR is not usable.</summary>
        Unknown = 0,
        /// <summary>TS = 3B: H is logic 1, least significant bit first.</summary>
        Direct = 1,
        /// <summary>TS = 3F: L is logic 1, most significant bit first.</summary>
        Inverse = 2,
    }
}
