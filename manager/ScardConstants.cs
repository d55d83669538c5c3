using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// The PC/SC constants of pcsclite.h / winscard.h (pcsc-lite values, reference pcsc.md §1.2); where
    /// Windows uses another value it is given next to it with a "Windows" suffix.
    /// </summary>
    public static class ScardConstants
    {
        // dwScope of SCardEstablishContext: pcsc-lite accepts all four and otherwise ignores the scope.
        public const int ScopeUser = 0;
        public const int ScopeTerminal = 1;
        public const int ScopeSystem = 2;
        public const int ScopeGlobal = 3;

        // dwShareMode of SCardConnect.
        public const int ShareExclusive = 1;
        public const int ShareShared = 2;
        public const int ShareDirect = 3;

        // Protocols (the same bits the driver library carries, see Drivers.Protocols).
        public const int ProtocolUndefined = Protocols.Undefined;
        public const int ProtocolT0 = Protocols.T0;
        public const int ProtocolT1 = Protocols.T1;
        public const int ProtocolRaw = Protocols.Raw;
        public const int ProtocolT15 = Protocols.T15;
        public const int ProtocolAny = Protocols.Any;

        /// <summary>Windows SCARD_PROTOCOL_RAW (pcsc.md §1.2).</summary>
        public const int ProtocolRawWindows = 0x00010000;

        /// <summary>
        /// Protocol bits given with Windows values (<see cref="SCardManager.WindowsValues"/>) in pcsc-lite's:
        /// SCARD_PROTOCOL_RAW 0x00010000 becomes 0x0004 (pcsc.md §1.2); T=0, T=1 and the rest are the same.
        /// </summary>
        public static int ProtocolsFromWindows(int protocols)
        {
            return (protocols & ProtocolRawWindows) != 0 ? (protocols & ~ProtocolRawWindows) | ProtocolRaw : protocols;
        }

        /// <summary>A protocol in pcsc-lite's values reported with Windows' (RAW 0x0004 becomes 0x00010000).</summary>
        public static int ProtocolToWindows(int protocol)
        {
            return protocol == ProtocolRaw ? ProtocolRawWindows : protocol;
        }

        /// <summary>The legacy SCARD_PROTOCOL_ANY that pcsc-lite still accepts for "the active protocol" (pcsc.md §1.2).</summary>
        public const int ProtocolAnyOld = 0x1000;

        // dwDisposition of SCardDisconnect / SCardEndTransaction, dwInitialization of SCardReconnect.
        public const int LeaveCard = 0;
        public const int ResetCard = 1;
        public const int UnpowerCard = 2;
        public const int EjectCard = 3;

        // Card state of SCardStatus: pcsc-lite bit flags (Windows uses the enumeration 0–6 instead, pcsc.md §1.2).
        public const int Unknown = 0x0001;
        public const int Absent = 0x0002;
        public const int Present = 0x0004;
        public const int Swallowed = 0x0008;
        public const int Powered = 0x0010;
        public const int Negotiable = 0x0020;
        public const int Specific = 0x0040;

        // SCARD_STATE_* of SCARD_READERSTATE (dwCurrentState / dwEventState), identical on both platforms.
        public const int StateUnaware = 0x0000;
        public const int StateIgnore = 0x0001;
        public const int StateChanged = 0x0002;
        public const int StateUnknown = 0x0004;
        public const int StateUnavailable = 0x0008;
        public const int StateEmpty = 0x0010;
        public const int StatePresent = 0x0020;
        public const int StateAtrMatch = 0x0040;
        public const int StateExclusive = 0x0080;
        public const int StateInUse = 0x0100;
        public const int StateMute = 0x0200;
        public const int StateUnpowered = 0x0400;

        /// <summary>The per-reader event counter sits in bits 16–31 of a state word (pcsc.md §1.4 step 7).</summary>
        public const int EventCounterShift = 16;

        /// <summary>Largest ATR: TS + 32 characters (ISO 7816-3 §8.2.1); pcsc-lite's rgbAtr size.</summary>
        public const int MaxAtrSize = 33;

        /// <summary>Largest reader name, terminator included (pcsc-lite MAX_READERNAME).</summary>
        public const int MaxReaderName = 128;

        /// <summary>pcsc-lite MAX_BUFFER_SIZE, the buffer for short APDUs.</summary>
        public const int MaxBufferSize = 264;

        /// <summary>pcsc-lite MAX_BUFFER_SIZE_EXTENDED: 4 + 3 + 65536 + 3 + 2.</summary>
        public const int MaxBufferSizeExtended = 4 + 3 + 65536 + 3 + 2;

        /// <summary>Shortest command APDU: CLA INS P1 P2 (ISO/IEC 7816-4 §5.1, case 1).</summary>
        public const int MinCommandLength = 4;

        /// <summary>Longest command APDU: extended case 4, 4 + 3 (Lc) + 65535 + 2 (Le) (ISO/IEC 7816-4 §5.1).</summary>
        public const int MaxCommandLength = 4 + 3 + 65535 + 2;

        /// <summary>Largest response APDU: 65536 data bytes + SW1 SW2.</summary>
        public const int MaxResponseLength = 65536 + 2;

        /// <summary>
        /// The pseudo reader of SCardGetStatusChange that reports reader arrivals and departures (the C string
        /// \\?PnP?\Notification); its event counter counts them (pcsc.md §1.4 step 5).
        /// </summary>
        public const string PnpNotification = "\\\\?PnP?\\Notification";

        /// <summary>The only reader group, as pcsc-lite reports it (pcsc.md §1.3 SCardListReaderGroups).</summary>
        public const string DefaultReaderGroup = "SCard$DefaultReaders";

        /// <summary>The dwTimeout value that never times out.</summary>
        public const int Infinite = unchecked((int)0xFFFFFFFF);

        /// <summary>SCARD_CTL_CODE as pcsc-lite defines it (reader.h): 0x42000000 + code (pcsc.md §1.6).</summary>
        public static int ControlCode(int code)
        {
            return 0x42000000 + code;
        }

        /// <summary>SCARD_CTL_CODE as Windows defines it: CTL_CODE(FILE_DEVICE_SMARTCARD, code, METHOD_BUFFERED, FILE_ANY_ACCESS).</summary>
        public static int ControlCodeWindows(int code)
        {
            return Ioctl.FromFunction(code);
        }
    }
}
