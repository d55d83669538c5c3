namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// SCARD_ATTR_* identifiers: SCARD_ATTR_VALUE(class, tag) = class &lt;&lt; 16 | tag (PC/SC part 3,
    /// winsmcrd.h, pcsc-lite reader.h; reference/pcsc.md §1.7). Integer values travel as 32-bit
    /// little-endian DWORDs, presence and status as one byte.
    /// </summary>
    public static class Attributes
    {
        // Attribute classes.
        public const int ClassVendorInfo = 1;
        public const int ClassCommunications = 2;
        public const int ClassProtocol = 3;
        public const int ClassPowerManagement = 4;
        public const int ClassSecurity = 5;
        public const int ClassMechanical = 6;
        public const int ClassVendorDefined = 7;
        public const int ClassIfdProtocol = 8;
        public const int ClassIccState = 9;
        public const int ClassPerformance = 0x7FFE;
        public const int ClassSystem = 0x7FFF;

        public const int VendorName = 0x00010100;
        public const int VendorIfdType = 0x00010101;
        public const int VendorIfdVersion = 0x00010102;
        public const int VendorIfdSerialNo = 0x00010103;
        public const int ChannelId = 0x00020110;
        /// <summary>SCARD_ATTR_ASYNC_PROTOCOL_TYPES (Windows: SCARD_ATTR_PROTOCOL_TYPES).</summary>
        public const int AsyncProtocolTypes = 0x00030120;
        public const int DefaultClk = 0x00030121;
        public const int MaxClk = 0x00030122;
        public const int DefaultDataRate = 0x00030123;
        public const int MaxDataRate = 0x00030124;
        public const int MaxIfsd = 0x00030125;
        public const int SyncProtocolTypes = 0x00030126;
        public const int PowerMgmtSupport = 0x00040131;
        public const int UserToCardAuthDevice = 0x00050140;
        public const int UserAuthInputDevice = 0x00050142;
        public const int Characteristics = 0x00060150;
        public const int CurrentProtocolType = 0x00080201;
        public const int CurrentClk = 0x00080202;
        public const int CurrentF = 0x00080203;
        public const int CurrentD = 0x00080204;
        public const int CurrentN = 0x00080205;
        public const int CurrentW = 0x00080206;
        public const int CurrentIfsc = 0x00080207;
        public const int CurrentIfsd = 0x00080208;
        public const int CurrentBwt = 0x00080209;
        public const int CurrentCwt = 0x0008020A;
        public const int CurrentEbcEncoding = 0x0008020B;
        public const int ExtendedBwt = 0x0008020C;
        public const int IccPresence = 0x00090300;
        public const int IccInterfaceStatus = 0x00090301;
        public const int CurrentIoState = 0x00090302;
        public const int AtrString = 0x00090303;
        public const int IccTypePerAtr = 0x00090304;
        public const int EscReset = 0x0007A000;
        public const int EscCancel = 0x0007A003;
        public const int EscAuthRequest = 0x0007A005;
        public const int MaxInput = 0x0007A007;
        public const int DeviceUnit = 0x7FFF0001;
        public const int DeviceInUse = 0x7FFF0002;
        public const int DeviceFriendlyNameA = 0x7FFF0003;
        public const int DeviceSystemNameA = 0x7FFF0004;
        public const int DeviceFriendlyNameW = 0x7FFF0005;
        public const int DeviceSystemNameW = 0x7FFF0006;
        /// <summary>Spelled as in winsmcrd.h (SCARD_ATTR_SUPRESS_T1_IFS_REQUEST).</summary>
        public const int SupressT1IfsRequest = 0x7FFF0007;
        public const int PerfNumTransmissions = 0x7FFE0001;
        public const int PerfBytesTransmitted = 0x7FFE0002;
        public const int PerfTransmissionTime = 0x7FFE0003;

        // Values of SCARD_ATTR_ICC_PRESENCE (pcsc.md §1.7).
        public const byte IccAbsent = 0;
        public const byte IccPresent = 1;
        /// <summary>The card is swallowed or otherwise "in position" beyond plain presence.</summary>
        public const byte IccInPosition = 2;

        // Values of SCARD_ATTR_ICC_INTERFACE_STATUS.
        public const byte ContactsActive = 0xFF;
        public const byte ContactsInactive = 0;

        // Values of SCARD_ATTR_ICC_TYPE_PER_ATR.
        public const byte IccTypeUnknown = 0;
        /// <summary>ISO/IEC 7816 asynchronous card (T=0 or T=1).</summary>
        public const byte IccTypeIso7816Asynchronous = 1;

        // SCARD_ATTR_CURRENT_EBC_ENCODING (T=1 epilogue, ISO 7816-3 §11.4.4).
        public const int EdcLrc = 0;
        public const int EdcCrc = 1;

        /// <summary>SCARD_ATTR_VALUE(class, tag).</summary>
        public static int Value(int attributeClass, int tag)
        {
            return (attributeClass << 16) | tag;
        }
    }
}
