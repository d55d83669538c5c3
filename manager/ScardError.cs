namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// The PC/SC return codes, pcsc-lite values (pcsclite.h; reference pcsc.md §1.8). Every SCard entry
    /// point returns one of these. The one value where Windows differs, SCARD_E_UNSUPPORTED_FEATURE,
    /// is switched by <see cref="SCardManager.WindowsValues"/> (see <see cref="ToWindows"/>).
    /// </summary>
    public static class ScardError
    {
        public const int Success = 0x00000000;
        public const int InternalError = unchecked((int)0x80100001);
        public const int Cancelled = unchecked((int)0x80100002);
        public const int InvalidHandle = unchecked((int)0x80100003);
        public const int InvalidParameter = unchecked((int)0x80100004);
        public const int InvalidTarget = unchecked((int)0x80100005);
        public const int NoMemory = unchecked((int)0x80100006);
        public const int WaitedTooLong = unchecked((int)0x80100007);
        public const int InsufficientBuffer = unchecked((int)0x80100008);
        public const int UnknownReader = unchecked((int)0x80100009);
        public const int Timeout = unchecked((int)0x8010000A);
        public const int SharingViolation = unchecked((int)0x8010000B);
        public const int NoSmartcard = unchecked((int)0x8010000C);
        public const int UnknownCard = unchecked((int)0x8010000D);
        public const int CantDispose = unchecked((int)0x8010000E);
        public const int ProtoMismatch = unchecked((int)0x8010000F);
        public const int NotReady = unchecked((int)0x80100010);
        public const int InvalidValue = unchecked((int)0x80100011);
        public const int SystemCancelled = unchecked((int)0x80100012);
        public const int CommError = unchecked((int)0x80100013);
        public const int UnknownError = unchecked((int)0x80100014);
        public const int InvalidAtr = unchecked((int)0x80100015);
        public const int NotTransacted = unchecked((int)0x80100016);
        public const int ReaderUnavailable = unchecked((int)0x80100017);
        public const int Shutdown = unchecked((int)0x80100018);
        public const int PciTooSmall = unchecked((int)0x80100019);
        public const int ReaderUnsupported = unchecked((int)0x8010001A);
        public const int DuplicateReader = unchecked((int)0x8010001B);
        public const int CardUnsupported = unchecked((int)0x8010001C);
        public const int NoService = unchecked((int)0x8010001D);
        public const int ServiceStopped = unchecked((int)0x8010001E);
        public const int Unexpected = unchecked((int)0x8010001F);

        /// <summary>pcsc-lite aliases SCARD_E_UNSUPPORTED_FEATURE to SCARD_E_UNEXPECTED (pcsc.md §1.8, §1.10).</summary>
        public const int UnsupportedFeature = Unexpected;

        /// <summary>The Windows value of SCARD_E_UNSUPPORTED_FEATURE (winerror.h), returned when <see cref="SCardManager.WindowsValues"/> is set.</summary>
        public const int UnsupportedFeatureWindows = unchecked((int)0x80100022);

        public const int IccInstallation = unchecked((int)0x80100020);
        public const int IccCreateOrder = unchecked((int)0x80100021);
        public const int DirNotFound = unchecked((int)0x80100023);
        public const int FileNotFound = unchecked((int)0x80100024);
        public const int NoDir = unchecked((int)0x80100025);
        public const int NoFile = unchecked((int)0x80100026);
        public const int NoAccess = unchecked((int)0x80100027);
        public const int WriteTooMany = unchecked((int)0x80100028);
        public const int BadSeek = unchecked((int)0x80100029);
        public const int InvalidChv = unchecked((int)0x8010002A);
        public const int UnknownResMng = unchecked((int)0x8010002B);
        public const int NoSuchCertificate = unchecked((int)0x8010002C);
        public const int CertificateUnavailable = unchecked((int)0x8010002D);
        public const int NoReadersAvailable = unchecked((int)0x8010002E);
        public const int CommDataLost = unchecked((int)0x8010002F);
        public const int NoKeyContainer = unchecked((int)0x80100030);
        public const int ServerTooBusy = unchecked((int)0x80100031);
        public const int PinCacheExpired = unchecked((int)0x80100032);
        public const int NoPinCache = unchecked((int)0x80100033);
        public const int ReadOnlyCard = unchecked((int)0x80100034);
        public const int UnsupportedCard = unchecked((int)0x80100065);
        public const int UnresponsiveCard = unchecked((int)0x80100066);
        public const int UnpoweredCard = unchecked((int)0x80100067);
        public const int ResetCard = unchecked((int)0x80100068);
        public const int RemovedCard = unchecked((int)0x80100069);
        public const int SecurityViolation = unchecked((int)0x8010006A);
        public const int WrongChv = unchecked((int)0x8010006B);
        public const int ChvBlocked = unchecked((int)0x8010006C);
        public const int Eof = unchecked((int)0x8010006D);
        public const int CancelledByUser = unchecked((int)0x8010006E);
        public const int CardNotAuthenticated = unchecked((int)0x8010006F);
        public const int CacheItemNotFound = unchecked((int)0x80100070);
        public const int CacheItemStale = unchecked((int)0x80100071);
        public const int CacheItemTooBig = unchecked((int)0x80100072);

        // Code → name, in one table. UNSUPPORTED_FEATURE comes before UNEXPECTED: the manager only ever
        // returns 0x8010001F meaning "not supported", so that is the name to print.
        private static readonly int[] Codes =
        {
            Success, InternalError, Cancelled, InvalidHandle, InvalidParameter, InvalidTarget, NoMemory,
            WaitedTooLong, InsufficientBuffer, UnknownReader, Timeout, SharingViolation, NoSmartcard,
            UnknownCard, CantDispose, ProtoMismatch, NotReady, InvalidValue, SystemCancelled, CommError,
            UnknownError, InvalidAtr, NotTransacted, ReaderUnavailable, Shutdown, PciTooSmall,
            ReaderUnsupported, DuplicateReader, CardUnsupported, NoService, ServiceStopped,
            UnsupportedFeature, UnsupportedFeatureWindows, IccInstallation, IccCreateOrder, DirNotFound,
            FileNotFound, NoDir, NoFile, NoAccess, WriteTooMany, BadSeek, InvalidChv, UnknownResMng,
            NoSuchCertificate, CertificateUnavailable, NoReadersAvailable, CommDataLost, NoKeyContainer,
            ServerTooBusy, PinCacheExpired, NoPinCache, ReadOnlyCard, UnsupportedCard, UnresponsiveCard,
            UnpoweredCard, ResetCard, RemovedCard, SecurityViolation, WrongChv, ChvBlocked, Eof,
            CancelledByUser, CardNotAuthenticated, CacheItemNotFound, CacheItemStale, CacheItemTooBig,
        };

        private static readonly string[] Names =
        {
            "SCARD_S_SUCCESS", "SCARD_F_INTERNAL_ERROR", "SCARD_E_CANCELLED", "SCARD_E_INVALID_HANDLE",
            "SCARD_E_INVALID_PARAMETER", "SCARD_E_INVALID_TARGET", "SCARD_E_NO_MEMORY",
            "SCARD_F_WAITED_TOO_LONG", "SCARD_E_INSUFFICIENT_BUFFER", "SCARD_E_UNKNOWN_READER",
            "SCARD_E_TIMEOUT", "SCARD_E_SHARING_VIOLATION", "SCARD_E_NO_SMARTCARD",
            "SCARD_E_UNKNOWN_CARD", "SCARD_E_CANT_DISPOSE", "SCARD_E_PROTO_MISMATCH", "SCARD_E_NOT_READY",
            "SCARD_E_INVALID_VALUE", "SCARD_E_SYSTEM_CANCELLED", "SCARD_F_COMM_ERROR",
            "SCARD_F_UNKNOWN_ERROR", "SCARD_E_INVALID_ATR", "SCARD_E_NOT_TRANSACTED",
            "SCARD_E_READER_UNAVAILABLE", "SCARD_P_SHUTDOWN", "SCARD_E_PCI_TOO_SMALL",
            "SCARD_E_READER_UNSUPPORTED", "SCARD_E_DUPLICATE_READER", "SCARD_E_CARD_UNSUPPORTED",
            "SCARD_E_NO_SERVICE", "SCARD_E_SERVICE_STOPPED",
            "SCARD_E_UNSUPPORTED_FEATURE", "SCARD_E_UNSUPPORTED_FEATURE", "SCARD_E_ICC_INSTALLATION",
            "SCARD_E_ICC_CREATEORDER", "SCARD_E_DIR_NOT_FOUND", "SCARD_E_FILE_NOT_FOUND",
            "SCARD_E_NO_DIR", "SCARD_E_NO_FILE", "SCARD_E_NO_ACCESS", "SCARD_E_WRITE_TOO_MANY",
            "SCARD_E_BAD_SEEK", "SCARD_E_INVALID_CHV", "SCARD_E_UNKNOWN_RES_MNG",
            "SCARD_E_NO_SUCH_CERTIFICATE", "SCARD_E_CERTIFICATE_UNAVAILABLE",
            "SCARD_E_NO_READERS_AVAILABLE", "SCARD_E_COMM_DATA_LOST", "SCARD_E_NO_KEY_CONTAINER",
            "SCARD_E_SERVER_TOO_BUSY", "SCARD_E_PIN_CACHE_EXPIRED", "SCARD_E_NO_PIN_CACHE",
            "SCARD_E_READ_ONLY_CARD", "SCARD_W_UNSUPPORTED_CARD", "SCARD_W_UNRESPONSIVE_CARD",
            "SCARD_W_UNPOWERED_CARD", "SCARD_W_RESET_CARD", "SCARD_W_REMOVED_CARD",
            "SCARD_W_SECURITY_VIOLATION", "SCARD_W_WRONG_CHV", "SCARD_W_CHV_BLOCKED", "SCARD_W_EOF",
            "SCARD_W_CANCELLED_BY_USER", "SCARD_W_CARD_NOT_AUTHENTICATED",
            "SCARD_W_CACHE_ITEM_NOT_FOUND", "SCARD_W_CACHE_ITEM_STALE", "SCARD_W_CACHE_ITEM_TOO_BIG",
        };

        /// <summary>The symbolic name of a code ("SCARD_E_NO_SMARTCARD"), or "0x…" for a value not in the table.</summary>
        public static string GetName(int code)
        {
            for (int i = 0; i < Codes.Length; i++)
            {
                if (Codes[i] == code)
                {
                    return Names[i];
                }
            }

            return "0x" + code.ToString("X8");
        }

        /// <summary>Translates a pcsc-lite code to the Windows value where the two differ (only SCARD_E_UNSUPPORTED_FEATURE, pcsc.md §1.10).</summary>
        public static int ToWindows(int code)
        {
            return code == UnsupportedFeature ? UnsupportedFeatureWindows : code;
        }
    }
}
