using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Drivers.Uart
{
    /// <summary>
    /// ISO 7816-3 contact-card reader on a plain UART: the card's I/O on TX and RX, RST and VCC on
    /// GPIOs, CLK from a PWM output or an oscillator, an optional card-detect switch.
    /// </summary>
    public sealed partial class UartCardReader : IReaderDriver, ICardChannel
    {
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
            capabilities = new ReaderCapabilities();
        }

        /// <summary>The options this reader was built with.</summary>
        public UartReaderOptions Options
        {
            get { return options; }
        }

        public ReaderCapabilities Capabilities
        {
            get { return capabilities; }
        }

        public ICardChannel Channel
        {
            get { return this; }
        }

        public IClock Clock
        {
            get { return clock; }
        }

        public event CardPresenceHandler PresenceChanged;

        public SmartcardStatus Open()
        {
            return SmartcardStatus.NotSupported;
        }

        public void Close()
        {
        }

        public bool IsCardPresent()
        {
            return true;
        }

        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            atrLength = 0;
            return SmartcardStatus.NotSupported;
        }

        public SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            return SmartcardStatus.NotSupported;
        }

        public SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            return SmartcardStatus.NotSupported;
        }

        public SmartcardStatus Mechanical(int ioctl)
        {
            return SmartcardStatus.NotSupported;
        }

        public SmartcardStatus ApplyTiming(CardTiming timing)
        {
            return SmartcardStatus.NotSupported;
        }

        public SmartcardStatus Send(byte[] buffer, int offset, int count)
        {
            return SmartcardStatus.NotSupported;
        }

        public SmartcardStatus Receive(byte[] buffer, int offset, int count, int firstCharTimeoutMicros, int nextCharTimeoutMicros, out int received)
        {
            received = 0;
            return SmartcardStatus.NotSupported;
        }

        public void DiscardInput()
        {
        }

        private void RaisePresenceChanged(bool present)
        {
            CardPresenceHandler handler = PresenceChanged;
            if (handler != null)
            {
                handler(this, present);
            }
        }
    }
}
