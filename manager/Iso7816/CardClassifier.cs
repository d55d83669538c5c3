using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager.Iso7816
{
    /// <summary>
    /// Tells the card type from its ATR and, for a contact card, the protocol of the connection. Contactless
    /// readers give a pseudo-ATR (PC/SC Part 3 §3.1.3.2.3, reference iso7816-pn532.md §4.5.1): <c>3B 8n 80 01</c>
    /// then n historical bytes and TCK, no other interface bytes. A storage card's historical bytes are
    /// <c>80 4F 0C A0 00 00 03 06 SS NN NN 00 00 00 00</c> (§3.1.3.2.3.2, the card name NN NN from the
    /// supplement's Table 3: <see cref="StorageCardNames"/>); any other historical bytes are an ISO 14443-4 card's: the ATQB's application
    /// data, protocol info and MBLI for type B (§3.1.3.2.3.1), the ATS historical bytes for type A. Every
    /// other ATR is a contact card's. The door and the terminal both classify with it.
    /// </summary>
    public static class CardClassifier
    {
        // Type B pseudo-ATR (§3.1.3.2.3.1): 4 application data bytes, 3 protocol info bytes, MBLI in b8..b5 of the last.
        private const int TypeBHistoricalCount = 8;
        private const int TypeBProtocolTypeIndex = 5;
        private const int TypeBMbliIndex = 7;

        // ISO 14443-3 §7.9.4.3: Protocol_Type b4..b1 = 0001, "compliant with ISO 14443-4".
        private const int ProtocolTypeMask = 0x0F;
        private const int ProtocolTypeIso14443_4 = 0x01;

        // ISO 7816-4 §8.1.1: an ATS's historical bytes usually open with the category indicator 80.
        private const int CategoryIndicatorCompact = 0x80;

        /// <summary>
        /// The type of the card whose ATR is <paramref name="length"/> bytes at <paramref name="offset"/>.
        /// <paramref name="protocol"/> (<see cref="Protocols"/>) tells T=0 from T=1 for a contact card;
        /// <see cref="Protocols.Undefined"/> before connecting gives <see cref="CardType.Contact"/>. No ATR, or a
        /// range outside the buffer, is <see cref="CardType.Unknown"/>.
        /// </summary>
        public static CardType Classify(byte[] atr, int offset, int length, int protocol)
        {
            if (atr == null || length <= 0 || offset < 0 || length > atr.Length - offset)
            {
                return CardType.Unknown;
            }

            if (PseudoAtrFraming.Matches(atr, offset, length))
            {
                int historicalCount = length - PseudoAtrFraming.HistoricalOffset - PseudoAtrFraming.TckLength;
                return ClassifyContactless(atr, offset + PseudoAtrFraming.HistoricalOffset, historicalCount);
            }

            switch (protocol)
            {
                case Protocols.Undefined: return CardType.Contact;
                case Protocols.T0: return CardType.ContactT0;
                case Protocols.T1: return CardType.ContactT1;
                default: return CardType.Unknown;
            }
        }

        /// <summary>True for the contactless types (those with a UID to read).</summary>
        public static bool IsContactless(CardType type)
        {
            return type != CardType.Unknown && type != CardType.Contact && type != CardType.ContactT0 && type != CardType.ContactT1;
        }

        /// <summary>True for the storage cards (no ISO 7816-4 file system or applet: PC/SC Part 3 storage commands only).</summary>
        public static bool IsStorageCard(CardType type)
        {
            return IsMifareClassic(type) || type == CardType.MifareUltralight || type == CardType.OtherStorageCard;
        }

        /// <summary>True for the MIFARE Classic family (Mini, 1K, 4K): sectors behind keys A/B.</summary>
        public static bool IsMifareClassic(CardType type)
        {
            return type == CardType.MifareClassic1K || type == CardType.MifareClassic4K || type == CardType.MifareMini;
        }

        /// <summary>The type in words, as the line protocol prints it.</summary>
        public static string Name(CardType type)
        {
            switch (type)
            {
                case CardType.Contact: return "contact";
                case CardType.ContactT0: return "contact T=0";
                case CardType.ContactT1: return "contact T=1";
                case CardType.Iso14443_4A: return "contactless ISO 14443-4 type A";
                case CardType.Iso14443_4B: return "contactless ISO 14443-4 type B";
                case CardType.MifareClassic1K: return "MIFARE Classic 1K";
                case CardType.MifareClassic4K: return "MIFARE Classic 4K";
                case CardType.MifareMini: return "MIFARE Mini";
                case CardType.MifareUltralight: return "MIFARE Ultralight";
                case CardType.OtherStorageCard: return "contactless storage card";
                default: return "unknown";
            }
        }

        /// <summary>TS 3B, T0 = 8n, TD1 = 80, TD2 = 01, no other interface byte, then exactly the n historical
        /// bytes T0 announces and TCK.</summary>
        private static CardType ClassifyContactless(byte[] atr, int offset, int count)
        {
            if (StorageCardNames.IsStorageCard(atr, offset, count))
            {
                return StorageCard(StorageCardNames.CardName(atr, offset));
            }

            return LooksLikeAtqb(atr, offset, count) ? CardType.Iso14443_4B : CardType.Iso14443_4A;
        }

        private static CardType StorageCard(int name)
        {
            switch (name)
            {
                case StorageCardNames.Classic1K: return CardType.MifareClassic1K;
                case StorageCardNames.Classic4K: return CardType.MifareClassic4K;
                case StorageCardNames.Mini: return CardType.MifareMini;
                case StorageCardNames.Ultralight: return CardType.MifareUltralight;
                default: return CardType.OtherStorageCard;
            }
        }

        /// <summary>
        /// A pseudo-ATR cannot say A or B outright; eight historical bytes with an ISO 14443-4 Protocol_Type,
        /// an MBLI byte whose low nibble is 0 and no leading category indicator are taken for an ATQB's.
        /// </summary>
        private static bool LooksLikeAtqb(byte[] atr, int offset, int count)
        {
            return count == TypeBHistoricalCount
                && atr[offset] != CategoryIndicatorCompact
                && (atr[offset + TypeBProtocolTypeIndex] & ProtocolTypeMask) == ProtocolTypeIso14443_4
                && (atr[offset + TypeBMbliIndex] & 0x0F) == 0;
        }
    }
}
