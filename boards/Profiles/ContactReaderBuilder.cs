using EmbeddedSmartCard.Drivers.Uart;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>Opens a <see cref="ContactWiring"/>'s parts and builds the <see cref="UartCardReader"/> on them.</summary>
    internal static class ContactReaderBuilder
    {
        /// <summary>RST and VCC start low: the card stays unpowered until the first connect (ISO 7816-3 §6.2.1 activation order).</summary>
        private const bool InitiallyInactive = false;

        public static UartCardReader Build(ContactWiring wiring, IBoardHardware hardware)
        {
            UartReaderOptions options = Options(wiring);
            IUartLine line = hardware.OpenUart(wiring.Uart);
            IOutputPin reset = wiring.Reset == null ? null : hardware.OpenOutput(wiring.Reset, InitiallyInactive);
            IOutputPin vcc = wiring.Vcc == null ? null : hardware.OpenOutput(wiring.Vcc, InitiallyInactive);
            IInputPin detect = wiring.CardDetect == null ? null : hardware.OpenInput(wiring.CardDetect, options.CardDetectDebounceMicros);
            IClockOutput clock = wiring.Clock == null ? null : hardware.OpenClockOutput(wiring.Clock);
            return new UartCardReader(options, line, hardware.Clock, reset, vcc, detect, clock);
        }

        public static string ReaderName(ContactWiring wiring)
        {
            return Options(wiring).ReaderName;
        }

        private static UartReaderOptions Options(ContactWiring wiring)
        {
            UartReaderOptions options = new UartReaderOptions();
            options.ClockHz = wiring.ClockHz;
            options.LineEchoes = wiring.Uart.SingleWire;
            // The hardware already turns the wiring's active level into Read() == true.
            options.CardDetectActiveHigh = true;
            options.SerialNumber = wiring.Uart.Port;
            options.InterfaceName = wiring.Uart.Port;
            if (wiring.ReaderName != null)
            {
                options.ReaderName = wiring.ReaderName;
            }

            return options;
        }
    }
}
