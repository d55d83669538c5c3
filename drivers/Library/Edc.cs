namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// The epilogue field of a T=1 block (ISO/IEC 7816-3 §11.3.1, §11.4.4): the error detection code
    /// over NAD, PCB, LEN and INF. LRC (one byte, the default) or CRC (two bytes, chosen by TC3 b1).
    /// </summary>
    public static class Edc
    {
        /// <summary>Length of the LRC epilogue.</summary>
        public const int LrcLength = 1;

        /// <summary>Length of the CRC epilogue.</summary>
        public const int CrcLength = 2;

        /// <summary>ISO/IEC 13239 generator x^16 + x^12 + x^5 + 1, bit-reflected (LSB first on the line).</summary>
        private const int CrcReflectedPolynomial = 0x8408;

        /// <summary>ISO/IEC 13239 preset: all ones.</summary>
        private const int CrcPreset = 0xFFFF;

        /// <summary>The epilogue length for the chosen code.</summary>
        public static int Length(bool useCrc)
        {
            return useCrc ? CrcLength : LrcLength;
        }

        /// <summary>LRC: exclusive-or of every byte (§11.4.4).</summary>
        public static byte ComputeLrc(byte[] buffer, int offset, int count)
        {
            int lrc = 0;
            for (int i = offset; i < offset + count; i++)
            {
                lrc ^= buffer[i];
            }

            return (byte)lrc;
        }

        /// <summary>
        /// CRC per ISO/IEC 13239 as T=1 uses it: reflected CCITT polynomial, preset FFFF, no final
        /// inversion (the value libccid's checksum.c exchanges with cards). Bitwise, so no table.
        /// </summary>
        public static int ComputeCrc(byte[] buffer, int offset, int count)
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

        /// <summary>
        /// Writes the epilogue of the <paramref name="count"/> bytes at <paramref name="offset"/> right
        /// after them (CRC most significant byte first) and returns its length.
        /// </summary>
        public static int Append(bool useCrc, byte[] buffer, int offset, int count)
        {
            int end = offset + count;
            if (!useCrc)
            {
                buffer[end] = ComputeLrc(buffer, offset, count);
                return LrcLength;
            }

            int crc = ComputeCrc(buffer, offset, count);
            buffer[end] = (byte)(crc >> 8);
            buffer[end + 1] = (byte)crc;
            return CrcLength;
        }

        /// <summary>True when the last bytes of the <paramref name="count"/> bytes (epilogue included) are the right EDC.</summary>
        public static bool IsValid(bool useCrc, byte[] buffer, int offset, int count)
        {
            int dataLength = count - Length(useCrc);
            if (dataLength < 0)
            {
                return false;
            }

            int end = offset + dataLength;
            if (!useCrc)
            {
                return buffer[end] == ComputeLrc(buffer, offset, dataLength);
            }

            int crc = ComputeCrc(buffer, offset, dataLength);
            return buffer[end] == (byte)(crc >> 8) && buffer[end + 1] == (byte)crc;
        }
    }
}
