namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// What a reader is and can do: smclib's VendorAttr and ReaderCapabilities. The library
    /// answers the standard attributes (SCARD_ATTR_VENDOR_*, DEFAULT_CLK, MAX_DATA_RATE …) from it.
    /// </summary>
    public sealed class ReaderCapabilities
    {
        public string VendorName = "EmbeddedSmartCard";
        public string IfdType = "";
        /// <summary>SCARD_ATTR_VENDOR_IFD_VERSION: 0xMMmmbbbb.</summary>
        public int IfdVersion = 0x01000000;
        public string SerialNumber = "";
        /// <summary>
        /// The interface the reader sits on (a USB interface string, a serial device such as /dev/ttyUSB0); ""
        /// when there is none. The manager shows it in brackets in the reader name (pcsc.md §1.9).
        /// </summary>
        public string Interface = "";
        /// <summary>SCARD_ATTR_DEVICE_FRIENDLY_NAME: the reader's name when the driver has one ("" lets the manager answer with its reader name, as pcscd does).</summary>
        public string FriendlyName = "";
        /// <summary>SCARD_ATTR_DEVICE_UNIT: instance number among readers of the same type.</summary>
        public int Unit;
        /// <summary>SCARD_ATTR_CHANNEL_ID: 0xDDDDCCCC, type &lt;&lt; 16 | channel (0x0001 serial, 0x0020 USB …).</summary>
        public int ChannelId = 0x00010000;
        /// <summary>Protocols.T0 | Protocols.T1 for a contact reader.</summary>
        public int SupportedProtocols = Protocols.T0 | Protocols.T1;
        /// <summary>The CLK frequency the reader supplies, in Hz (SCARD_ATTR_DEFAULT_CLK reports it in kHz).</summary>
        public int ClockHz = 3571200;
        public int MaxClockKhz = 3571;
        /// <summary>Data rate at Fd/Dd and the default clock, in bit/s.</summary>
        public int DefaultDataRate = 9600;
        /// <summary>The fastest baud rate the reader's line can produce, in bit/s (limits the PPS choice).</summary>
        public int MaxDataRate = 115200;
        /// <summary>IFSD the reader offers in S(IFS) after protocol selection (ISO 7816-3 allows 254).</summary>
        public int MaxIfsd = 254;
        /// <summary>SCARD_ATTR_CHARACTERISTICS: mechanical bits (1 swallows, 2 ejects, 4 confiscates).</summary>
        public int Characteristics;
        /// <summary>SCARD_ATTR_POWER_MGMT_SUPPORT: non-zero when the reader can power the card down.</summary>
        public int PowerManagementSupport = 1;
    }
}
