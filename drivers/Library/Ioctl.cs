namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// IOCTL_SMARTCARD_* codes: CTL_CODE(FILE_DEVICE_SMARTCARD = 0x31, function, METHOD_BUFFERED,
    /// FILE_ANY_ACCESS) = 0x00310000 | function &lt;&lt; 2 (winsmcrd.h).
    /// </summary>
    public static class Ioctl
    {
        public const int Power = 0x00310004;
        public const int GetAttribute = 0x00310008;
        public const int SetAttribute = 0x0031000C;
        public const int Confiscate = 0x00310010;
        public const int Transmit = 0x00310014;
        public const int Eject = 0x00310018;
        public const int Swallow = 0x0031001C;
        public const int IsPresent = 0x00310028;
        public const int IsAbsent = 0x0031002C;
        public const int SetProtocol = 0x00310030;
        public const int GetState = 0x00310038;
        public const int GetLastError = 0x0031003C;

        /// <summary>First vendor code: functions from 2048 up (0x00312000) are tunnelled to the reader driver.</summary>
        public const int FirstVendorCode = 0x00312000;

        /// <summary>The IOCTL code of a smart-card function number (SCARD_CTL_CODE on Windows).</summary>
        public static int FromFunction(int function)
        {
            return 0x00310000 | (function << 2);
        }

        /// <summary>True for a vendor IOCTL (function ≥ 2048 on the smart-card device type).</summary>
        public static bool IsVendor(int code)
        {
            return (code & unchecked((int)0xFFFF0000)) == 0x00310000 && ((code >> 2) & 0x3FFF) >= 2048;
        }
    }
}
