using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// The SCardStatus state word: the driver library's reader state as pcsc-lite bit flags
    /// (pcsc.md §1.2), with the reader's event counter in bits 16–31. Unlike pcsc-lite, a card whose
    /// protocol has been selected is reported SPECIFIC rather than NEGOTIABLE (pcsc.md §7 item 4).
    /// </summary>
    public static class CardStateFlags
    {
        public static int From(ReaderState state, int eventCounter)
        {
            return Flags(state) | ((eventCounter & 0xFFFF) << ScardConstants.EventCounterShift);
        }

        private static int Flags(ReaderState state)
        {
            switch (state)
            {
                case ReaderState.Absent:
                    return ScardConstants.Absent;
                case ReaderState.Present:
                    return ScardConstants.Present;
                case ReaderState.Swallowed:
                    return ScardConstants.Present | ScardConstants.Swallowed;
                case ReaderState.Powered:
                    return ScardConstants.Present | ScardConstants.Powered;
                case ReaderState.Negotiable:
                    return ScardConstants.Present | ScardConstants.Powered | ScardConstants.Negotiable;
                case ReaderState.Specific:
                    return ScardConstants.Present | ScardConstants.Powered | ScardConstants.Specific;
                default:
                    return ScardConstants.Unknown;
            }
        }
    }
}
