namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// The target the reader has selected, as InListPassiveTarget describes it (UM0701-02 §7.3.5; reference
    /// iso7816-pn532.md §3.3): at 106 kbps type A Tg, SENS_RES, SEL_RES, NFCID1 and, for an ISO 14443-4 target
    /// with automatic RATS, its ATS; at 106 kbps type B Tg, ATQB and the ATTRIB answer. Preallocated;
    /// <see cref="Decode106A"/> and <see cref="Decode106B"/> refill it.
    /// </summary>
    public sealed class Pn532ReaderTarget
    {
        /// <summary>ISO 14443-3 §6.5.4: a UID has a single (4), double (7) or triple (10) size.</summary>
        public const int MaxUidLength = 10;

        /// <summary>The ATS length byte TL counts itself and is one byte (ISO 14443-4 §5.2.1).</summary>
        public const int MaxAtsLength = 255;

        const int SingleUid = 4;
        const int DoubleUid = 7;
        const int TripleUid = 10;

        /// <summary>NbTg, Tg, SENS_RES (2), SEL_RES, NFCIDLength.</summary>
        const int FixedLength = 6;

        /// <summary>ATQB (ISO 14443-3 §7.9.4): 50, PUPI (4), application data (4), protocol info (3).</summary>
        public const int AtqbLength = 12;

        /// <summary>First byte of every ATQB (ISO 14443-3 §7.9.4).</summary>
        public const byte AtqbCode = 0x50;

        /// <summary>The ATTRIB answer length is one byte (UM0701-02 §7.3.5).</summary>
        public const int MaxAttribResponseLength = 255;

        const int PupiOffset = 1;
        const int PupiLength = 4;

        /// <summary>Protocol info byte 3 of the ATQB carries FWI in b8..b5 (ISO 14443-3 §7.9.4.3).</summary>
        const int AtqbFwiOffset = 11;

        /// <summary>NbTg, Tg, ATQB, ATTRIB_RES length.</summary>
        const int TypeBFixedLength = 2 + AtqbLength + 1;

        /// <summary><see cref="FrameWaitingIndex"/> of a target without ISO 14443-4 (MIFARE, Ultralight).</summary>
        public const int NoFrameWaitingIndex = -1;

        /// <summary>ISO 14443-4 §5.2.5: FWI when the ATS has no TB(1).</summary>
        public const int DefaultFrameWaitingIndex = 4;

        /// <summary>ATS T0 (ISO 14443-4 §5.2.3): b5 announces TA(1), b6 TB(1).</summary>
        const int AtsTaPresent = 0x10;
        const int AtsTbPresent = 0x20;

        readonly byte[] uid = new byte[MaxUidLength];
        readonly byte[] ats = new byte[MaxAtsLength];
        readonly byte[] atqb = new byte[AtqbLength];
        readonly byte[] attribResponse = new byte[MaxAttribResponseLength];

        /// <summary>The PN532's logical number for the target (Tg), used by InDataExchange and InSelect.</summary>
        public int TargetNumber { get; private set; }

        /// <summary>SENS_RES (ATQA), first byte received in the high byte.</summary>
        public int SensRes { get; private set; }

        /// <summary>SEL_RES (SAK).</summary>
        public int SelRes { get; private set; }

        public int UidLength { get; private set; }

        /// <summary>Length of the ATS (TL first), 0 when the target sent none.</summary>
        public int AtsLength { get; private set; }

        /// <summary>True for a 106 kbps type B target (PUPI in place of the UID, ATQB and ATTRIB answer in place of SEL_RES and ATS).</summary>
        public bool IsTypeB { get; private set; }

        /// <summary>Length of the ATTRIB answer of a type B target.</summary>
        public int AttribResponseLength { get; private set; }

        /// <summary>
        /// True when the target speaks APDUs over ISO 14443-4: SEL_RES announces it for type A; the PN532 lists
        /// type B targets only after ATTRIB, i.e. with ISO 14443-4 running (reference §5.2).
        /// </summary>
        public bool IsIso14443_4
        {
            get { return IsTypeB || (SelRes & PseudoAtr.SakIso14443_4) != 0; }
        }

        /// <summary>
        /// FWI, which sets the frame waiting time FWT = 256·16·2^FWI / fc (ISO 14443-4 §7.2, reference §5.1):
        /// for type A the high nibble of TB(1) of the ATS (§5.2.5), <see cref="DefaultFrameWaitingIndex"/>
        /// without TB(1); for type B the high nibble of ATQB protocol info byte 3 (ISO 14443-3 §7.9.4.3);
        /// <see cref="NoFrameWaitingIndex"/> for a target that does not speak ISO 14443-4.
        /// </summary>
        public int FrameWaitingIndex
        {
            get
            {
                if (IsTypeB)
                {
                    return atqb[AtqbFwiOffset] >> 4;
                }

                return IsIso14443_4 ? AtsFrameWaitingIndex() : NoFrameWaitingIndex;
            }
        }

        /// <summary>
        /// Reads the answer to InListPassiveTarget for 106 kbps type A, from NbTg on (the bytes after
        /// D5 4B). Takes the first target; false when there is none or the data is inconsistent.
        /// </summary>
        public bool Decode106A(byte[] data, int offset, int length)
        {
            Clear();
            if (length < FixedLength || data[offset] == 0)
            {
                return false;
            }

            int uidLength = data[offset + 5];
            int atsStart = offset + FixedLength + uidLength;
            int end = offset + length;
            if ((uidLength != SingleUid && uidLength != DoubleUid && uidLength != TripleUid) || atsStart > end)
            {
                return false;
            }

            int atsLength = atsStart < end ? data[atsStart] : 0;
            if (atsStart + atsLength > end || (atsStart < end && atsLength == 0))
            {
                return false;
            }

            TargetNumber = data[offset + 1];
            SensRes = (data[offset + 2] << 8) | data[offset + 3];
            SelRes = data[offset + 4];
            UidLength = Copy(data, offset + FixedLength, uidLength, uid, 0);
            AtsLength = Copy(data, atsStart, atsLength, ats, 0);
            return true;
        }

        /// <summary>
        /// Reads the answer to InListPassiveTarget for 106 kbps type B, from NbTg on: Tg, ATQB (12 bytes,
        /// starting 50), ATTRIB_RES length, ATTRIB_RES (UM0701-02 §7.3.5). Takes the first target; false when
        /// there is none or the data is inconsistent (no ATTRIB answer: its first byte carries MBLI).
        /// </summary>
        public bool Decode106B(byte[] data, int offset, int length)
        {
            Clear();
            if (length < TypeBFixedLength || data[offset] == 0 || data[offset + 2] != AtqbCode)
            {
                return false;
            }

            int attribLength = data[offset + TypeBFixedLength - 1];
            if (attribLength == 0 || TypeBFixedLength + attribLength > length)
            {
                return false;
            }

            IsTypeB = true;
            TargetNumber = data[offset + 1];
            Copy(data, offset + 2, AtqbLength, atqb, 0);
            UidLength = Copy(atqb, PupiOffset, PupiLength, uid, 0);
            AttribResponseLength = Copy(data, offset + TypeBFixedLength, attribLength, attribResponse, 0);
            return true;
        }

        /// <summary>Forgets the target.</summary>
        public void Clear()
        {
            IsTypeB = false;
            TargetNumber = 0;
            SensRes = 0;
            SelRes = 0;
            UidLength = 0;
            AtsLength = 0;
            AttribResponseLength = 0;
        }

        /// <summary>Copies the NFCID1 (type A) or the PUPI (type B) and returns its length.</summary>
        public int CopyUid(byte[] buffer, int offset)
        {
            return Copy(uid, 0, UidLength, buffer, offset);
        }

        /// <summary>
        /// What GET DATA P1 01 returns (PC/SC Part 3 §3.2.2.1.3, reference §4.5.2): the ATS historical bytes
        /// of a type A target, the ATTRIB answer of a type B target; returns the count, -1 when the target is
        /// not ISO 14443-4.
        /// </summary>
        public int CopyHistoricalBytes(byte[] buffer, int offset)
        {
            if (IsTypeB)
            {
                return Copy(attribResponse, 0, AttribResponseLength, buffer, offset);
            }

            if (!IsIso14443_4)
            {
                return -1;
            }

            int historicalOffset;
            int count = PseudoAtr.AtsHistoricalBytes(ats, 0, AtsLength, out historicalOffset);
            return Copy(ats, historicalOffset, count, buffer, offset);
        }

        /// <summary>Writes the PC/SC Part 3 pseudo-ATR of the target and returns its length.</summary>
        public int BuildPseudoAtr(byte[] atr, int atrOffset)
        {
            if (IsTypeB)
            {
                return PseudoAtr.BuildTypeB(atqb, 0, attribResponse[0], atr, atrOffset);
            }

            return PseudoAtr.BuildTypeA(SelRes, ats, 0, AtsLength, atr, atrOffset);
        }

        /// <summary>True when <paramref name="other"/> names the same card (same type and NFCID1 or PUPI), e.g. at the next poll.</summary>
        public bool SameUid(Pn532ReaderTarget other)
        {
            if (other.IsTypeB != IsTypeB || other.UidLength != UidLength)
            {
                return false;
            }

            for (int i = 0; i < UidLength; i++)
            {
                if (other.uid[i] != uid[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>TB(1) follows TL, T0 and TA(1) when T0 announces them (ISO 14443-4 §5.2.1).</summary>
        int AtsFrameWaitingIndex()
        {
            if (AtsLength < 2 || (ats[1] & AtsTbPresent) == 0)
            {
                return DefaultFrameWaitingIndex;
            }

            int tb1 = (ats[1] & AtsTaPresent) != 0 ? 3 : 2;
            return tb1 < AtsLength ? ats[tb1] >> 4 : DefaultFrameWaitingIndex;
        }

        static int Copy(byte[] source, int sourceOffset, int count, byte[] destination, int destinationOffset)
        {
            for (int i = 0; i < count; i++)
            {
                destination[destinationOffset + i] = source[sourceOffset + i];
            }

            return count;
        }
    }
}
