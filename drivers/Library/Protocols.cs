namespace EmbeddedSmartCard.Drivers
{
    /// <summary>Protocol bits as the library and the PC/SC API carry them (pcsc-lite values).</summary>
    public static class Protocols
    {
        public const int Undefined = 0x0000;
        public const int T0 = 0x0001;
        public const int T1 = 0x0002;
        /// <summary>pcsc-lite SCARD_PROTOCOL_RAW (Windows uses 0x00010000; the manager translates).</summary>
        public const int Raw = 0x0004;
        public const int T15 = 0x0008;
        public const int Any = T0 | T1;
        /// <summary>Windows SCARD_PROTOCOL_DEFAULT: use the card's default parameters (no PPS), smclib's PTS type DEFAULT.</summary>
        public const int Default = unchecked((int)0x80000000);
    }
}
