using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Drivers.Uart
{
    /// <summary>
    /// ISO 7816-3 contact-card reader on a plain UART: the card's I/O on TX and RX, RST and VCC on
    /// GPIOs, CLK from a PWM output or an oscillator, an optional card-detect switch. This file holds
    /// construction, capabilities and the callbacks a character reader does not implement; activation,
    /// the character channel and card detection are in the other UartCardReader.*.cs files.
    /// </summary>
    public sealed partial class UartCardReader : IReaderDriver, ICardChannel
    {
        /// <summary>SCARD_ATTR_CHANNEL_ID type for a serial line (0x0001 in the high word, PC/SC part 3).</summary>
        private const int SerialChannelId = 0x00010000;

        /// <summary>ISO 7816-3 allows IFSD up to 254 (reference §1.5).</summary>
        private const int MaxIfsd = 254;

        private readonly UartReaderOptions options;
        private readonly IUartLine line;
        private readonly IClock clock;
        private readonly IOutputPin reset;
        private readonly IOutputPin vcc;
        private readonly IInputPin cardDetect;
        private readonly IClockOutput clockOutput;
        private readonly ReaderCapabilities capabilities;

        /// <summary>
        /// Builds the driver over its wiring. <paramref name="vcc"/>, <paramref name="cardDetect"/> and
        /// <paramref name="clockOutput"/> may be null (always-on supply, no switch, free-running
        /// oscillator); <paramref name="reset"/> null means the in-band FF FF reset of docs/architecture.md.
        /// </summary>
        public UartCardReader(UartReaderOptions options, IUartLine line, IClock clock, IOutputPin reset, IOutputPin vcc, IInputPin cardDetect, IClockOutput clockOutput)
        {
            this.options = options == null ? new UartReaderOptions() : options;
            this.line = line;
            this.clock = clock;
            this.reset = reset;
            this.vcc = vcc;
            this.cardDetect = cardDetect;
            this.clockOutput = clockOutput;
            capabilities = BuildCapabilities(this.options, vcc != null);
            cardPresent = cardDetect == null;
        }

        /// <summary>The options this reader was built with (the board takes the reader name from here).</summary>
        public UartReaderOptions Options
        {
            get { return options; }
        }

        public ReaderCapabilities Capabilities
        {
            get { return capabilities; }
        }

        /// <summary>This reader moves characters: the library runs ATR, PPS, T=0 and T=1 over it.</summary>
        public ICardChannel Channel
        {
            get { return this; }
        }

        public IClock Clock
        {
            get { return clock; }
        }

        public SmartcardStatus Open()
        {
            if (line == null || clock == null)
            {
                return SmartcardStatus.NoSuchDevice;
            }

            StartCardDetect();
            Deactivate();
            ConfigureInitialCharacterFrame();
            return SmartcardStatus.Success;
        }

        public void Close()
        {
            StopCardDetect();
            Deactivate();
        }

        /// <summary>APDU-level transmit is for readers without a character channel.</summary>
        public SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            return SmartcardStatus.NotSupported;
        }

        /// <summary>This reader has no vendor IOCTLs.</summary>
        public SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            return SmartcardStatus.NotSupported;
        }

        /// <summary>A bare contact slot cannot eject, swallow or confiscate.</summary>
        public SmartcardStatus Mechanical(int ioctl)
        {
            return SmartcardStatus.NotSupported;
        }

        private static ReaderCapabilities BuildCapabilities(UartReaderOptions options, bool switchesVcc)
        {
            ReaderCapabilities result = new ReaderCapabilities();
            result.VendorName = options.VendorName;
            result.IfdType = options.IfdType;
            result.SerialNumber = options.SerialNumber;
            result.Interface = options.InterfaceName;
            result.FriendlyName = options.ReaderName;
            result.ChannelId = SerialChannelId;
            result.SupportedProtocols = Protocols.T0 | Protocols.T1;
            result.ClockHz = options.ClockHz;
            result.MaxClockKhz = options.ClockHz / 1000;
            result.DefaultDataRate = (options.ClockHz + Fd / 2) / Fd;
            result.MaxDataRate = options.MaxBaudRate;
            result.MaxIfsd = MaxIfsd;
            result.PowerManagementSupport = switchesVcc ? 1 : 0;
            return result;
        }
    }
}
