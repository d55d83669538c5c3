namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// One entry of SCardGetStatusChange (SCARD_READERSTATE, pcsc.md §1.4): the reader to watch, the state
    /// the caller believes (<see cref="CurrentState"/>, event counter in bits 16–31) and what the manager
    /// found (<see cref="EventState"/>, <see cref="Atr"/>). The usual loop copies EventState into CurrentState
    /// after each call.
    /// </summary>
    public sealed class ScardReaderState
    {
        /// <summary>A reader name, or <see cref="ScardConstants.PnpNotification"/> for reader arrivals and departures.</summary>
        public string Reader;

        /// <summary>The caller's own data, untouched (pvUserData).</summary>
        public object UserData;

        public int CurrentState;

        public int EventState;

        /// <summary>The ATR of the card in the reader (AtrLength bytes), empty without a powered card.</summary>
        public readonly byte[] Atr = new byte[ScardConstants.MaxAtrSize];

        public int AtrLength;

        /// <summary>
        /// Optional ATR pattern (Windows SCARD_ATRMASK, the rgbAtr/rgbMask pair of SCardLocateCardsByATR):
        /// when set, SCARD_STATE_ATRMATCH is reported while the card's ATR has the same length and
        /// (ATR &amp; mask) == (MatchAtr &amp; mask) byte by byte. When null, ATRMATCH is never reported.
        /// </summary>
        public byte[] MatchAtr;

        /// <summary>The mask for <see cref="MatchAtr"/> (same length; null means every bit counts).</summary>
        public byte[] MatchMask;
    }
}
