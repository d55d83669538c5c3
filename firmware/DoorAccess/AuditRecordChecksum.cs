namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// CRC-32 of an audit record: the IEEE 802.3 / ISO-HDLC CRC (polynomial 04C11DB7 reflected,
    /// preset and final XOR FFFFFFFF; check value CBF43926 over "123456789"). It catches every torn
    /// write and every burst of up to 32 corrupt bits.
    /// </summary>
    public static class AuditRecordChecksum
    {
        private const uint ReflectedPolynomial = 0xEDB88320;
        private const uint Preset = 0xFFFFFFFF;
        private static readonly uint[] Table = BuildTable();

        public static uint Compute(byte[] buffer, int offset, int count)
        {
            uint crc = Preset;
            for (int i = 0; i < count; i++)
            {
                crc = Table[(crc ^ buffer[offset + i]) & 0xFF] ^ (crc >> 8);
            }
            return crc ^ Preset;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int bit = 0; bit < 8; bit++)
                {
                    c = (c & 1) != 0 ? ReflectedPolynomial ^ (c >> 1) : c >> 1;
                }
                table[n] = c;
            }
            return table;
        }
    }
}
