namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// The ATR a contactless PC/SC reader reports for a card that has none (PC/SC Part 3 §3.1.3.2.3,
    /// reference iso7816-pn532.md §4.5.1). ISO 14443-4 cards get <c>3B 8n 80 01 T1..Tn TCK</c> with the
    /// ATS historical bytes (type A) or the ATQB application data, protocol info and MBLI (type B); storage cards get <c>3B 8F 80 01 80 4F 0C RID SS NN NN 00 00 00 00 TCK</c>.
    /// </summary>
    public static class PseudoAtr
    {
        /// <summary>Longest pseudo-ATR: TS, T0, TD1, TD2, 15 historical bytes, TCK.</summary>
        public const int MaxLength = PseudoAtrFraming.HistoricalOffset + MaxHistoricalBytes + PseudoAtrFraming.TckLength;

        /// <summary>ISO 7816-3 §8.2.2: T0 announces at most 15 historical bytes.</summary>
        public const int MaxHistoricalBytes = PseudoAtrFraming.MaxHistoricalBytes;

        /// <summary>SEL_RES (SAK) bit 6: the target is ISO 14443-4 compliant (ISO 14443-3 §6.5.3.4).</summary>
        public const int SakIso14443_4 = 0x20;

        /// <summary>SAK of a MIFARE Ultralight (reference §3.3, ACR122U table).</summary>
        public const int SakUltralight = 0x00;

        /// <summary>SAK of a MIFARE Classic 1K.</summary>
        public const int SakClassic1K = 0x08;

        /// <summary>SAK of a MIFARE Mini.</summary>
        public const int SakMini = 0x09;

        /// <summary>SAK of a MIFARE Classic 4K.</summary>
        public const int SakClassic4K = 0x18;

        /// <summary>ACS convention for a tag without a registered name: FF followed by its SAK.</summary>
        public const int NameUndefinedPrefix = 0xFF00;

        /// <summary>Type B: application data (4), protocol info (3) and the MBLI byte.</summary>
        const int TypeBHistoricalBytes = 8;
        const int AtqbApplicationDataOffset = 5;
        const int AtqbApplicationDataLength = 4;
        const int AtqbProtocolInfoLength = 3;
        const int MbliMask = 0xF0;

        /// <summary>
        /// Builds the pseudo-ATR of a 106 kbps type A target from its SEL_RES and, for an ISO 14443-4
        /// target, its ATS (first byte TL, as the PN532 returns it; <paramref name="atsLength"/> 0 when
        /// there is none). Writes at most <see cref="MaxLength"/> bytes and returns the ATR length.
        /// </summary>
        public static int BuildTypeA(int selRes, byte[] ats, int atsOffset, int atsLength, byte[] atr, int atrOffset)
        {
            if ((selRes & SakIso14443_4) != 0)
            {
                int historicalOffset;
                int historicalCount = AtsHistoricalBytes(ats, atsOffset, atsLength, out historicalOffset);
                return BuildIso14443_4(ats, historicalOffset, historicalCount, atr, atrOffset);
            }

            return BuildStorageCard(StorageCardNames.StandardIso14443A3, StorageCardName(selRes), atr, atrOffset);
        }

        /// <summary>
        /// <c>3B 8n 80 01 T1..Tn TCK</c>: T0 announces TD1 and n historical bytes, TD1 announces TD2
        /// (T=0), TD2 names T=1 (PC/SC Part 3 §3.1.3.2.3.1). More than 15 historical bytes are cut to 15.
        /// </summary>
        public static int BuildIso14443_4(byte[] historical, int historicalOffset, int historicalCount, byte[] atr, int atrOffset)
        {
            int count = historicalCount < MaxHistoricalBytes ? historicalCount : MaxHistoricalBytes;
            int n = PseudoAtrFraming.WritePrefix(count, atr, atrOffset);
            n = CopyBytes(historical, historicalOffset, count, atr, n);
            return PseudoAtrFraming.AppendTck(atr, atrOffset, n);
        }

        /// <summary>
        /// The ISO 14443-4 pseudo-ATR of a type B target (PC/SC Part 3 §3.1.3.2.3.1, reference §4.5.1): eight
        /// historical bytes, the ATQB application data (4) and protocol info (3), then MBLI in the high nibble
        /// of a last byte whose low nibble is 0. MBLI is b8..b5 of the first ATTRIB answer byte (ISO 14443-3
        /// §7.11). <paramref name="atqb"/> holds the 12-byte ATQB starting with 50.
        /// </summary>
        public static int BuildTypeB(byte[] atqb, int atqbOffset, int attribFirstByte, byte[] atr, int atrOffset)
        {
            int n = PseudoAtrFraming.WritePrefix(TypeBHistoricalBytes, atr, atrOffset);
            n = CopyBytes(atqb, atqbOffset + AtqbApplicationDataOffset, AtqbApplicationDataLength + AtqbProtocolInfoLength, atr, n);
            atr[n++] = (byte)(attribFirstByte & MbliMask);
            return PseudoAtrFraming.AppendTck(atr, atrOffset, n);
        }

        /// <summary>
        /// <c>3B 8F 80 01 80 4F 0C A0 00 00 03 06 SS NN NN 00 00 00 00 TCK</c>: the storage-card ATR of
        /// PC/SC Part 3 §3.1.3.2.3.2 with standard byte <paramref name="standard"/> and card name <paramref name="cardName"/>
        /// (<see cref="StorageCardNames"/>).
        /// </summary>
        public static int BuildStorageCard(byte standard, int cardName, byte[] atr, int atrOffset)
        {
            int n = PseudoAtrFraming.WritePrefix(StorageCardNames.HistoricalLength, atr, atrOffset);
            n = StorageCardNames.Write(standard, cardName, atr, n);
            return PseudoAtrFraming.AppendTck(atr, atrOffset, n);
        }

        /// <summary>The PC/SC Part 3 card name (NN NN) for a non-ISO 14443-4 SEL_RES.</summary>
        public static int StorageCardName(int selRes)
        {
            switch (selRes)
            {
                case SakClassic1K: return StorageCardNames.Classic1K;
                case SakClassic4K: return StorageCardNames.Classic4K;
                case SakMini: return StorageCardNames.Mini;
                case SakUltralight: return StorageCardNames.Ultralight;
                default: return NameUndefinedPrefix | (selRes & 0xFF);
            }
        }

        /// <summary>
        /// Locates the historical bytes of an ATS (ISO 14443-4 §5.2): TL (counting itself), T0 whose
        /// b5..b7 announce TA(1), TB(1), TC(1), then the historical bytes up to TL. Returns their count;
        /// a missing or inconsistent ATS has none.
        /// </summary>
        public static int AtsHistoricalBytes(byte[] ats, int offset, int length, out int historicalOffset)
        {
            historicalOffset = offset;
            if (ats == null || length < 2)
            {
                return 0;
            }

            int tl = ats[offset];
            int end = offset + (tl < length ? tl : length);
            int t0 = ats[offset + 1];
            int n = offset + 2;
            for (int bit = 0x10; bit <= 0x40; bit <<= 1)
            {
                if ((t0 & bit) != 0)
                {
                    n++;
                }
            }

            if (n > end)
            {
                return 0;
            }

            historicalOffset = n;
            return end - n;
        }

        static int CopyBytes(byte[] source, int sourceOffset, int count, byte[] destination, int at)
        {
            for (int i = 0; i < count; i++)
            {
                destination[at + i] = source[sourceOffset + i];
            }

            return at + count;
        }
    }
}
