namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// InListPassiveTarget at 106 kbps type B (BrTy 03, reference iso7816-pn532.md §3.3): the chip sends REQB
    /// with the host's AFI, then ATTRIB to the card that answered, and lists it with its ATQB and ATTRIB answer.
    /// A type B target always runs ISO/IEC 14443-4 (reference §5.2).
    /// </summary>
    public sealed partial class VirtualPn532
    {
        private const byte BaudRate106TypeB = 0x03;

        // InitiatorData for type B: the AFI and an optional polling method byte (UM0701-02 §7.3.5).
        private const int TypeBInitiatorDataMin = 1;
        private const int TypeBInitiatorDataMax = 2;

        private static bool InitiatorDataValid(byte baudRate, int length)
        {
            return baudRate != BaudRate106TypeB || (length >= TypeBInitiatorDataMin && length <= TypeBInitiatorDataMax);
        }

        /// <summary>Tg, ATQB (12 bytes), ATTRIB_RES length, ATTRIB_RES; returns the end.</summary>
        private int WriteTypeBTarget(Iso14443BCard card, int at)
        {
            _targetIso14443_4 = true;
            int i = at;
            _answer[i++] = TargetNumber;
            i = Append(card.Atqb, 0, card.Atqb.Length, i);
            _answer[i++] = (byte)card.AttribResponse.Length;
            return Append(card.AttribResponse, 0, card.AttribResponse.Length, i);
        }
    }
}
