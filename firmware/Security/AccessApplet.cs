namespace EmbeddedSmartCard.Firmware.Security
{
    /// <summary>
    /// The wire contract of the door-access card applet, shared by the card (the simulator's applet) and the
    /// reader (the door-access firmware): its AID, the GET DATA tag of the card identifier and the instructions.
    /// </summary>
    public static class AccessApplet
    {
        /// <summary>INS of GET DATA with a simple tag in P1P2 (ISO 7816-4 §11.4.3).</summary>
        public const byte InsGetData = 0xCA;

        /// <summary>INS of INTERNAL AUTHENTICATE (ISO 7816-4 §11.5.2): the card proves it holds the key.</summary>
        public const byte InsInternalAuthenticate = 0x88;

        /// <summary>
        /// GET DATA P1P2 of the card identifier: DF01, a private-class tag (class bits 11 in the first byte,
        /// ISO/IEC 8825-1 §8.1.2) so it cannot clash with an interindustry data object.
        /// </summary>
        public const int CardIdentifierTag = 0xDF01;


        /// <summary>
        /// The AID: category F (ISO 7816-4 §12.2.3: a proprietary AID, no registered RID needed) followed by
        /// "ESCDOOR" in ASCII and a version byte.
        /// </summary>
        private static readonly byte[] Aid = new byte[] { 0xF0, 0x45, 0x53, 0x43, 0x44, 0x4F, 0x4F, 0x52, 0x01 };

        /// <summary>Length of the AID in bytes.</summary>
        public static int AidLength
        {
            get { return Aid.Length; }
        }

        /// <summary>Copies the AID to <paramref name="buffer"/> (the data field of SELECT by DF name).</summary>
        public static void CopyAid(byte[] buffer, int offset)
        {
            for (int i = 0; i < Aid.Length; i++)
            {
                buffer[offset + i] = Aid[i];
            }
        }

        /// <summary>True when the <paramref name="length"/> bytes at <paramref name="offset"/> are exactly the AID.</summary>
        public static bool IsAid(byte[] buffer, int offset, int length)
        {
            if (length != Aid.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (buffer[offset + i] != Aid[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
