namespace EmbeddedSmartCard.Firmware.Session
{
    /// <summary>The command APDUs of the scripted session (ISO/IEC 7816-4 §11, the simulated card's file system).</summary>
    internal static class SessionApdus
    {
        /// <summary>SELECT by file identifier 3F00, no response data (P2 = 0C).</summary>
        public static readonly byte[] SelectMasterFile = { 0x00, 0xA4, 0x00, 0x0C, 0x02, 0x3F, 0x00 };

        /// <summary>SELECT EF 2F00 under the current DF, no response data.</summary>
        public static readonly byte[] SelectDirectoryFile = { 0x00, 0xA4, 0x02, 0x0C, 0x02, 0x2F, 0x00 };

        /// <summary>GET CHALLENGE of 8 bytes.</summary>
        public static readonly byte[] GetChallenge = { 0x00, 0x84, 0x00, 0x00, 0x08 };

        /// <summary>READ BINARY of the current EF, 16 bytes from offset 0.</summary>
        public static readonly byte[] ReadBinary = { 0x00, 0xB0, 0x00, 0x00, 0x10 };

        /// <summary>VERIFY the card's PIN (reference 81) with "9999".</summary>
        public static readonly byte[] VerifyWrongPin = { 0x00, 0x20, 0x00, 0x81, 0x04, 0x39, 0x39, 0x39, 0x39 };

        /// <summary>VERIFY the card's PIN with "1234", the simulated card's PIN.</summary>
        public static readonly byte[] VerifyRightPin = { 0x00, 0x20, 0x00, 0x81, 0x04, 0x31, 0x32, 0x33, 0x34 };
    }
}
