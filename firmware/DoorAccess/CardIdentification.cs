using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// Tells the kind of card from its ATR alone, before any APDU. A contactless PC/SC reader builds a
    /// pseudo-ATR (PC/SC Part 3 §3.1.3.2.3, reference iso7816-pn532.md §4.5.1): <c>3B 8n 80 01</c> then n
    /// historical bytes and TCK. A storage card's historical bytes are <c>80 4F 0C</c> and the PC/SC RID
    /// <c>A0 00 00 03 06</c>, then the standard byte SS and the card name NN NN; any other pseudo-ATR is an
    /// ISO 14443-4 card. Everything else is a contact card's ATR.
    /// </summary>
    public static class CardIdentification
    {
        private const byte InitialCharacterDirect = 0x3B;
        private const int FormatHighNibble = 0x80;
        private const int HistoricalCountMask = 0x0F;
        private const byte Td1T0FollowedByTd2 = 0x80;
        private const byte Td2T1 = 0x01;
        private const int HistoricalOffset = 4;

        /// <summary>The storage card's historical bytes up to the standard byte: category 80, AID tag 4F, length 0C, RID.</summary>
        private static readonly byte[] StorageCardPrefix = new byte[] { 0x80, 0x4F, 0x0C, 0xA0, 0x00, 0x00, 0x03, 0x06 };

        private const int StandardOffset = HistoricalOffset + 8;
        private const int CardNameOffset = StandardOffset + 1;

        public static CardKind FromAtr(byte[] atr, int offset, int length)
        {
            if (!IsPseudoAtr(atr, offset, length))
            {
                return CardKind.Contact;
            }

            if (!IsStorageCard(atr, offset, length))
            {
                return CardKind.ContactlessSmartCard;
            }

            int name = (atr[offset + CardNameOffset] << 8) | atr[offset + CardNameOffset + 1];
            bool classic = name == PseudoAtr.NameClassic1K || name == PseudoAtr.NameClassic4K || name == PseudoAtr.NameMini;
            return classic ? CardKind.MifareClassic : CardKind.OtherStorageCard;
        }

        private static bool IsPseudoAtr(byte[] atr, int offset, int length)
        {
            if (length < HistoricalOffset + 1 || atr[offset] != InitialCharacterDirect
                || (atr[offset + 1] & ~HistoricalCountMask) != FormatHighNibble
                || atr[offset + 2] != Td1T0FollowedByTd2 || atr[offset + 3] != Td2T1)
            {
                return false;
            }

            // T0, TD1, TD2, the historical bytes and TCK: exactly the length announced by T0's low nibble.
            return length == HistoricalOffset + (atr[offset + 1] & HistoricalCountMask) + 1;
        }

        private static bool IsStorageCard(byte[] atr, int offset, int length)
        {
            if (length < CardNameOffset + 2 || atr[offset + StandardOffset] != PseudoAtr.StandardIso14443A3)
            {
                return false;
            }

            for (int i = 0; i < StorageCardPrefix.Length; i++)
            {
                if (atr[offset + HistoricalOffset + i] != StorageCardPrefix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
