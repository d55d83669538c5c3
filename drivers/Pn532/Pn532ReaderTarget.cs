namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// The 106 kbps type A target the reader has selected, as InListPassiveTarget describes it
    /// (UM0701-02 §7.3.5; reference iso7816-pn532.md §3.3): Tg, SENS_RES, SEL_RES, NFCID1 and, for an
    /// ISO 14443-4 target with automatic RATS, its ATS. Preallocated; <see cref="Decode106A"/> refills it.
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

        /// <summary><see cref="FrameWaitingIndex"/> of a target without ISO 14443-4 (MIFARE, Ultralight).</summary>
        public const int NoFrameWaitingIndex = -1;

        /// <summary>ISO 14443-4 §5.2.5: FWI when the ATS has no TB(1).</summary>
        public const int DefaultFrameWaitingIndex = 4;

        /// <summary>ATS T0 (ISO 14443-4 §5.2.3): b5 announces TA(1), b6 TB(1).</summary>
        const int AtsTaPresent = 0x10;
        const int AtsTbPresent = 0x20;

        readonly byte[] uid = new byte[MaxUidLength];
        readonly byte[] ats = new byte[MaxAtsLength];

        /// <summary>The PN532's logical number for the target (Tg), used by InDataExchange and InSelect.</summary>
        public int TargetNumber { get; private set; }

        /// <summary>SENS_RES (ATQA), first byte received in the high byte.</summary>
        public int SensRes { get; private set; }

        /// <summary>SEL_RES (SAK).</summary>
        public int SelRes { get; private set; }

        public int UidLength { get; private set; }

        /// <summary>Length of the ATS (TL first), 0 when the target sent none.</summary>
        public int AtsLength { get; private set; }

        /// <summary>True when SEL_RES announces ISO 14443-4 (the target speaks APDUs).</summary>
        public bool IsIso14443_4
        {
            get { return (SelRes & PseudoAtr.SakIso14443_4) != 0; }
        }

        /// <summary>
        /// FWI, which sets the frame waiting time FWT = 256·16·2^FWI / fc (ISO 14443-4 §7.2, reference §5.1):
        /// the high nibble of TB(1) of the ATS (§5.2.5), <see cref="DefaultFrameWaitingIndex"/> without
        /// TB(1), <see cref="NoFrameWaitingIndex"/> for a target that does not speak ISO 14443-4.
        /// </summary>
        public int FrameWaitingIndex
        {
            get { return IsIso14443_4 ? AtsFrameWaitingIndex() : NoFrameWaitingIndex; }
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

        /// <summary>Forgets the target.</summary>
        public void Clear()
        {
            TargetNumber = 0;
            SensRes = 0;
            SelRes = 0;
            UidLength = 0;
            AtsLength = 0;
        }

        /// <summary>Copies the NFCID1 and returns its length.</summary>
        public int CopyUid(byte[] buffer, int offset)
        {
            return Copy(uid, 0, UidLength, buffer, offset);
        }

        /// <summary>Copies the ATS historical bytes and returns their count; -1 when the target is not ISO 14443-4.</summary>
        public int CopyHistoricalBytes(byte[] buffer, int offset)
        {
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
            return PseudoAtr.BuildTypeA(SelRes, ats, 0, AtsLength, atr, atrOffset);
        }

        /// <summary>True when <paramref name="other"/> names the same card (same NFCID1), e.g. at the next poll.</summary>
        public bool SameUid(Pn532ReaderTarget other)
        {
            if (other.UidLength != UidLength)
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
