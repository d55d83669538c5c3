namespace EmbeddedSmartCard.Drivers.PcscHost
{
    /// <summary>pcsc-lite's constants (PCSC/pcsclite.h and reader.h of pcsc-lite 1.9.9) the host reader passes or reads.</summary>
    internal static class PcscCodes
    {
        public const long Success = 0x00000000;
        public const long CommunicationError = 0x80100013;
        public const long Cancelled = 0x80100002;
        public const long InvalidHandle = 0x80100003;
        public const long InvalidParameter = 0x80100004;
        public const long InsufficientBuffer = 0x80100008;
        public const long UnknownReader = 0x80100009;
        public const long Timeout = 0x8010000A;
        public const long SharingViolation = 0x8010000B;
        public const long NoSmartcard = 0x8010000C;
        public const long ProtocolMismatch = 0x8010000F;
        public const long NotReady = 0x80100010;
        public const long InvalidValue = 0x80100011;
        public const long NotTransacted = 0x80100016;
        public const long ReaderUnavailable = 0x80100017;
        public const long NoService = 0x8010001D;
        public const long ServiceStopped = 0x8010001E;
        public const long UnsupportedFeature = 0x8010001F;
        public const long NoReadersAvailable = 0x8010002E;
        public const long CommunicationDataLost = 0x8010002F;
        public const long UnsupportedCard = 0x80100065;
        public const long UnresponsiveCard = 0x80100066;
        public const long UnpoweredCard = 0x80100067;
        public const long ResetCard = 0x80100068;
        public const long RemovedCard = 0x80100069;

        public const uint ScopeSystem = 2;
        public const uint ShareShared = 2;
        public const uint ShareDirect = 3;
        public const uint ProtocolUndefined = 0;
        public const uint ProtocolT0 = 1;
        public const uint ProtocolT1 = 2;
        public const uint LeaveCard = 0;
        public const uint ResetCardDisposition = 1;
        public const uint UnpowerCard = 2;

        public const uint StateUnaware = 0x0000;
        public const uint StateChanged = 0x0002;
        public const uint StateUnknown = 0x0004;
        public const uint StateUnavailable = 0x0008;
        public const uint StatePresent = 0x0020;

        /// <summary>The reader name of pcsc-lite's "new reader" pseudo-reader (PnP notification).</summary>
        public const string PnpNotification = "\\\\?PnP?\\Notification";

        /// <summary>MAX_READERNAME of pcsc-lite: longest reader name incl. its NUL.</summary>
        public const int MaxReaderName = 128;

        /// <summary>pcsc-lite's SCARD_CTL_CODE(code) = 0x42000000 + code (reader.h).</summary>
        public const long ControlCodeBase = 0x42000000;
    }
}
