using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>
    /// Tells the card type from its ATR and the protocol the connection uses. Contactless readers give
    /// a pseudo-ATR (PC/SC Part 3 §3.1.3.2.3): <c>3B 8n 80 01</c> then n historical bytes and TCK, no
    /// other interface bytes. A storage card's historical bytes are <c>80 4F 0C A0 00 00 03 06 SS NN NN
    /// 00 00 00 00</c> (§3.1.3.2.3.2, the card name NN NN from the supplement's Table 3); any other
    /// historical bytes are an ISO 14443-4 card's: the ATQB's application data, protocol info and MBLI for
    /// type B (§3.1.3.2.3.1), the ATS historical bytes for type A.
    /// </summary>
    public static class CardClassifier
    {
        private const int PseudoAtrT0Base = 0x80;
        private const int HistoricalCountMask = 0x0F;
        private const int Td1TypeT0NextTd = 0x80;
        private const int Td2TypeT1 = 0x01;

        // PC/SC Part 3 §3.1.3.2.3.2: category indicator, application identifier tag, length 12, the PC/SC RID.
        private static readonly byte[] StoragePrefix = { 0x80, 0x4F, 0x0C, 0xA0, 0x00, 0x00, 0x03, 0x06 };
        private const int StorageNameOffset = 9;

        // PC/SC Part 3 supplement Table 3: card names.
        private const int NameClassic1K = 0x0001;
        private const int NameClassic4K = 0x0002;
        private const int NameUltralight = 0x0003;
        private const int NameMini = 0x0026;

        // Type B pseudo-ATR (§3.1.3.2.3.1): 4 application data bytes, 3 protocol info bytes, MBLI in b8..b5 of the last.
        private const int TypeBHistoricalCount = 8;
        private const int TypeBProtocolTypeIndex = 5;
        private const int TypeBMbliIndex = 7;

        // ISO 14443-3 §7.9.4.3: Protocol_Type b4..b1 = 0001, "compliant with ISO 14443-4".
        private const int ProtocolTypeMask = 0x0F;
        private const int ProtocolTypeIso14443_4 = 0x01;

        // ISO 7816-4 §8.1.1: an ATS's historical bytes usually open with the category indicator 80.
        private const int CategoryIndicatorCompact = 0x80;

        public static CardType Classify(Atr atr, int protocol)
        {
            if (atr == null || atr.Length == 0)
            {
                return CardType.Unknown;
            }

            if (IsPseudoAtr(atr))
            {
                return ClassifyContactless(atr.Bytes, atr.HistoricalOffset, atr.HistoricalLength);
            }

            if (protocol == Protocols.T1)
            {
                return CardType.ContactT1;
            }

            return protocol == Protocols.T0 ? CardType.ContactT0 : CardType.Unknown;
        }

        /// <summary>True for the contactless types (those with a UID to read).</summary>
        public static bool IsContactless(CardType type)
        {
            return type != CardType.Unknown && type != CardType.ContactT0 && type != CardType.ContactT1;
        }

        /// <summary>The type in words, as the line protocol prints it.</summary>
        public static string Name(CardType type)
        {
            switch (type)
            {
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

        /// <summary>TS 3B, T0 = 8n, TD1 = 80, TD2 = 01 and no other interface byte.</summary>
        private static bool IsPseudoAtr(Atr atr)
        {
            byte[] bytes = atr.Bytes;
            return atr.Length >= 4
                && bytes[0] == Atr.TsDirect
                && (bytes[1] & ~HistoricalCountMask) == PseudoAtrT0Base
                && bytes[2] == Td1TypeT0NextTd
                && bytes[3] == Td2TypeT1
                && atr.HistoricalOffset == 4;
        }

        private static CardType ClassifyContactless(byte[] atr, int offset, int count)
        {
            if (StartsWithStoragePrefix(atr, offset, count))
            {
                int name = (atr[offset + StorageNameOffset] << 8) | atr[offset + StorageNameOffset + 1];
                return StorageCard(name);
            }

            return LooksLikeAtqb(atr, offset, count) ? CardType.Iso14443_4B : CardType.Iso14443_4A;
        }

        private static bool StartsWithStoragePrefix(byte[] atr, int offset, int count)
        {
            if (count < StorageNameOffset + 2)
            {
                return false;
            }

            for (int i = 0; i < StoragePrefix.Length; i++)
            {
                if (atr[offset + i] != StoragePrefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static CardType StorageCard(int name)
        {
            switch (name)
            {
                case NameClassic1K: return CardType.MifareClassic1K;
                case NameClassic4K: return CardType.MifareClassic4K;
                case NameMini: return CardType.MifareMini;
                case NameUltralight: return CardType.MifareUltralight;
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
