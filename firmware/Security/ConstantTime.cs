namespace EmbeddedSmartCard.Firmware.Security
{
    /// <summary>Comparison whose running time does not depend on where two secrets first differ.</summary>
    public static class ConstantTime
    {
        /// <summary>
        /// True when the <paramref name="count"/> bytes at both offsets are equal. Every byte is visited
        /// whatever the data, so an attacker timing the reader cannot learn a response byte by byte.
        /// </summary>
        public static bool AreEqual(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                difference |= a[aOffset + i] ^ b[bOffset + i];
            }

            return difference == 0;
        }
    }
}
