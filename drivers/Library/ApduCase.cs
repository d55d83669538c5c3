namespace EmbeddedSmartCard.Drivers
{
    /// <summary>The command-response pair cases of ISO/IEC 7816-3 §12.1.2 (short and extended length).</summary>
    public enum ApduCase
    {
        /// <summary>The length matches no case: the APDU is malformed.</summary>
        Invalid = 0,
        /// <summary>CLA INS P1 P2: no data either way.</summary>
        Case1,
        /// <summary>Header + Le (1 byte): data from the card only.</summary>
        Case2Short,
        /// <summary>Header + Lc (1 byte) + data: data to the card only.</summary>
        Case3Short,
        /// <summary>Header + Lc + data + Le: data both ways.</summary>
        Case4Short,
        /// <summary>Header + 00 + Le (2 bytes).</summary>
        Case2Extended,
        /// <summary>Header + 00 + Lc (2 bytes) + data.</summary>
        Case3Extended,
        /// <summary>Header + 00 + Lc (2 bytes) + data + Le (2 bytes).</summary>
        Case4Extended,
    }

    /// <summary>
    /// Tells the case of a command APDU from its length and length fields (ISO/IEC 7816-3 §12.1.3,
    /// ISO/IEC 7816-4 §5.1), giving Nc and Ne. A length that matches no case is a malformed APDU.
    /// </summary>
    public static class ApduClassifier
    {
        /// <summary>CLA INS P1 P2.</summary>
        public const int HeaderLength = 4;

        /// <summary>Ne when a short Le is 00 (ISO/IEC 7816-4 §5.1).</summary>
        public const int MaxShortNe = 256;

        /// <summary>Ne when an extended Le is 0000.</summary>
        public const int MaxExtendedNe = 65536;

        /// <summary>
        /// Classifies the APDU in <paramref name="apdu"/>[offset … offset + length). <paramref name="nc"/> is the
        /// number of command data bytes (they start at offset + 5 for short, offset + 7 for extended APDUs) and
        /// <paramref name="ne"/> the maximum number of response data bytes expected (0 for cases 1 and 3).
        /// </summary>
        public static ApduCase Classify(byte[] apdu, int offset, int length, out int nc, out int ne)
        {
            nc = 0;
            ne = 0;
            if (!BufferRange.IsValid(apdu, offset, length) || length < HeaderLength)
            {
                return ApduCase.Invalid;
            }

            if (length == HeaderLength)
            {
                return ApduCase.Case1;
            }

            int b1 = apdu[offset + HeaderLength];
            if (length == HeaderLength + 1)
            {
                ne = ShortNe(b1);
                return ApduCase.Case2Short;
            }

            if (b1 != 0)
            {
                return ClassifyShortWithData(apdu, offset, length, b1, out nc, out ne);
            }

            return ClassifyExtended(apdu, offset, length, out nc, out ne);
        }

        /// <summary>True for the extended-length cases.</summary>
        public static bool IsExtended(ApduCase apduCase)
        {
            return apduCase == ApduCase.Case2Extended || apduCase == ApduCase.Case3Extended || apduCase == ApduCase.Case4Extended;
        }

        private static ApduCase ClassifyShortWithData(byte[] apdu, int offset, int length, int lc, out int nc, out int ne)
        {
            nc = lc;
            ne = 0;
            int bodyLength = length - HeaderLength - 1;
            if (bodyLength == lc)
            {
                return ApduCase.Case3Short;
            }

            if (bodyLength == lc + 1)
            {
                ne = ShortNe(apdu[offset + length - 1]);
                return ApduCase.Case4Short;
            }

            nc = 0;
            return ApduCase.Invalid;
        }

        private static ApduCase ClassifyExtended(byte[] apdu, int offset, int length, out int nc, out int ne)
        {
            nc = 0;
            ne = 0;
            if (length < HeaderLength + 3)
            {
                return ApduCase.Invalid;
            }

            int field = (apdu[offset + HeaderLength + 1] << 8) | apdu[offset + HeaderLength + 2];
            if (length == HeaderLength + 3)
            {
                ne = ExtendedNe(field);
                return ApduCase.Case2Extended;
            }

            int bodyLength = length - HeaderLength - 3;
            if (field == 0)
            {
                // Lc = 0000 is not a valid extended Lc (§12.1.3): nothing may follow an extended Le.
                return ApduCase.Invalid;
            }

            if (bodyLength == field)
            {
                nc = field;
                return ApduCase.Case3Extended;
            }

            if (bodyLength == field + 2)
            {
                nc = field;
                ne = ExtendedNe((apdu[offset + length - 2] << 8) | apdu[offset + length - 1]);
                return ApduCase.Case4Extended;
            }

            return ApduCase.Invalid;
        }

        private static int ShortNe(int le)
        {
            return le == 0 ? MaxShortNe : le;
        }

        private static int ExtendedNe(int le)
        {
            return le == 0 ? MaxExtendedNe : le;
        }
    }
}
