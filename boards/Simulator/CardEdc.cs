namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The card's own T=1 epilogue (ISO 7816-3 §11.4.4, reference §1.9): LRC, the exclusive-or of the
    /// bytes, or the ISO/IEC 13239 CRC (reflected x^16 + x^12 + x^5 + 1, preset FFFF, most significant
    /// byte first). Also used for the ATR's TCK and the PPS's PCK, which are the same exclusive-or.
    /// </summary>
    public static class CardEdc
    {
        private const int CrcReflectedPolynomial = 0x8408;
        private const int CrcPreset = 0xFFFF;

        /// <summary>Exclusive-or of <paramref name="count"/> bytes.</summary>
        public static byte Lrc(byte[] buffer, int offset, int count)
        {
            int lrc = 0;
            for (int i = offset; i < offset + count; i++)
            {
                lrc ^= buffer[i];
            }

            return (byte)lrc;
        }

        /// <summary>The 16-bit CRC of <paramref name="count"/> bytes.</summary>
        public static int Crc(byte[] buffer, int offset, int count)
        {
            int crc = CrcPreset;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= buffer[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ CrcReflectedPolynomial : crc >> 1;
                }
            }

            return crc;
        }

        /// <summary>Epilogue length: 2 for CRC, 1 for LRC.</summary>
        public static int Length(bool useCrc)
        {
            return useCrc ? 2 : 1;
        }

        /// <summary>Writes the epilogue after the <paramref name="count"/> bytes and returns its length.</summary>
        public static int Append(bool useCrc, byte[] buffer, int offset, int count)
        {
            if (!useCrc)
            {
                buffer[offset + count] = Lrc(buffer, offset, count);
                return 1;
            }

            int crc = Crc(buffer, offset, count);
            buffer[offset + count] = (byte)(crc >> 8);
            buffer[offset + count + 1] = (byte)crc;
            return 2;
        }

        /// <summary>True when the last bytes of the <paramref name="count"/> bytes are the right epilogue.</summary>
        public static bool IsValid(bool useCrc, byte[] buffer, int offset, int count)
        {
            int dataLength = count - Length(useCrc);
            if (dataLength < 0)
            {
                return false;
            }

            if (!useCrc)
            {
                return Lrc(buffer, offset, dataLength) == buffer[offset + dataLength];
            }

            int crc = Crc(buffer, offset, dataLength);
            return buffer[offset + dataLength] == (byte)(crc >> 8) && buffer[offset + dataLength + 1] == (byte)crc;
        }
    }
}
