namespace EmbeddedSmartCard.Manager.Iso7816
{
    /// <summary>When <see cref="IsoCard"/> follows 61xx with GET RESPONSE and re-issues a command on 6Cxx.</summary>
    public enum AutoResponseMode
    {
        /// <summary>Never: every status word reaches the caller.</summary>
        Never = 0,

        /// <summary>
        /// Only above protocols whose transport does not already do it: not under T=0, where the driver
        /// library's TPDU layer issues GET RESPONSE and the 6Cxx re-issue itself (ISO/IEC 7816-3 §12.2),
        /// so a 61xx or 6Cxx that still reaches the caller there is the card's final answer.
        /// </summary>
        WhenProtocolNeedsIt = 1,

        /// <summary>Under every protocol, as pcsc-sharp's IsoReader does.</summary>
        Always = 2,
    }
}
