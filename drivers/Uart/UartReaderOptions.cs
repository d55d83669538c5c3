namespace EmbeddedSmartCard.Drivers.Uart
{
    /// <summary>
    /// Wiring-independent settings of a <see cref="UartCardReader"/>. Every ISO 7816-3 time that the
    /// standard gives in clock cycles is kept in clock cycles here and converted with the CLK
    /// frequency actually produced, so a different oscillator keeps the card inside its bounds.
    /// </summary>
    public sealed class UartReaderOptions
    {
        /// <summary>Default CLK: 3.5712 MHz gives exactly 9600 bd at Fd = 372 (reference §1.6).</summary>
        public const int DefaultClockHz = 3571200;

        /// <summary>Frequency of the CLK contact, in Hz (the requested one; an IClockOutput may report what it really made).</summary>
        public int ClockHz = DefaultClockHz;

        /// <summary>
        /// How long RST stays low after CLK starts (cold reset, tb) or before it rises again (warm
        /// reset, te). ISO 7816-3 requires at least 400 clock cycles (reference §1.1); the older
        /// wording asked for 40 000 and holding longer is harmless, so that is the default margin.
        /// </summary>
        public int ResetHoldClocks = 40000;

        /// <summary>The ATR start bit must come within 40 000 clock cycles of the RST rising edge (tc/tf, reference §1.1).</summary>
        public int AtrTimeoutClocks = 40000;

        /// <summary>Bound between leading edges of two consecutive ATR characters: the initial waiting time, 9600 etu (reference §1.1).</summary>
        public int AtrCharacterWaitingEtu = 9600;

        /// <summary>Settling time of the card's supply after VCC is switched on, before CLK starts, in microseconds.</summary>
        public int VccRiseMicros = 1000;

        /// <summary>On a cold reset of a powered card, how long VCC stays off so the card's supply discharges, in microseconds.</summary>
        public int VccOffMicros = 10000;

        /// <summary>True when the card-detect input reads high with a card in the slot.</summary>
        public bool CardDetectActiveHigh = true;

        /// <summary>Card-detect edges closer than this are contact bounce (handed to the pin's debouncer).</summary>
        public int CardDetectDebounceMicros = 20000;

        /// <summary>The fastest baud rate the UART can produce; a PPS asking for more is refused.</summary>
        public int MaxBaudRate = 115200;

        /// <summary>
        /// True when TX and RX are tied on the card's I/O contact but the line cannot tell
        /// (<see cref="EmbeddedSmartCard.Hal.IUartLine.EchoesWrites"/> false): the driver then removes the echo anyway.
        /// </summary>
        public bool LineEchoes;

        /// <summary>
        /// Without an RST wire the reset is the in-band FF FF of docs/architecture.md; the card must
        /// be waiting for the start of a command, which it is after this much silence (the simulator
        /// forgets a half-received command after 100 ms).
        /// </summary>
        public int InBandResetQuietMicros = 150000;

        /// <summary>Reader name shown by the resource manager.</summary>
        public string ReaderName = "ISO 7816 UART Reader";

        /// <summary>SCARD_ATTR_VENDOR_NAME.</summary>
        public string VendorName = "EmbeddedSmartCard";

        /// <summary>SCARD_ATTR_VENDOR_IFD_TYPE.</summary>
        public string IfdType = "ISO 7816-3 UART";

        /// <summary>SCARD_ATTR_VENDOR_IFD_SERIAL_NO (the board's wiring name is a good choice).</summary>
        public string SerialNumber = "";

        /// <summary>The line the reader is wired to (e.g. the serial device path), shown in brackets in the reader name; "" for none.</summary>
        public string InterfaceName = "";
    }
}
