using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>Opens a <see cref="Pn532Wiring"/>'s host interface, IRQ and RSTPDN and builds the <see cref="Pn532Reader"/> on them.</summary>
    internal static class Pn532ReaderBuilder
    {
        /// <summary>RSTPDN high: the chip runs (the driver pulses it low at each Open).</summary>
        private const bool RunLevel = true;

        /// <summary>P70_IRQ is a clean chip output: no debounce.</summary>
        private const int IrqDebounceMicros = 0;

        private const long MicrosPerMilli = 1000;

        public static Pn532Reader Build(Pn532Wiring wiring, int pollMillis, IBoardHardware hardware)
        {
            Pn532ReaderOptions options = Options(wiring, pollMillis);
            IPn532Transport transport = OpenTransport(wiring, hardware);
            IOutputPin reset = wiring.Reset == null ? null : hardware.OpenOutput(wiring.Reset, RunLevel);
            return new Pn532Reader(options, transport, hardware.Clock, reset);
        }

        public static string ReaderName(Pn532Wiring wiring)
        {
            return Options(wiring, 0).ReaderName;
        }

        private static IPn532Transport OpenTransport(Pn532Wiring wiring, IBoardHardware hardware)
        {
            switch (wiring.Interface)
            {
                case Pn532Interface.I2c:
                    return new Pn532I2cTransport(hardware.OpenI2c(wiring.I2c), hardware.Clock, OpenIrq(wiring, hardware));
                case Pn532Interface.Spi:
                    // The chip select is the controller's (wiring.Spi.ChipSelect / CsPin), not a GPIO the driver toggles.
                    return new Pn532SpiTransport(hardware.OpenSpi(wiring.Spi), hardware.Clock, OpenIrq(wiring, hardware), null);
                default:
                    Pn532HsuTransport hsu = new Pn532HsuTransport(hardware.OpenUart(wiring.Uart), hardware.Clock);
                    hsu.SetBaudRate(wiring.HsuBaudRate);
                    return hsu;
            }
        }

        private static IInputPin OpenIrq(Pn532Wiring wiring, IBoardHardware hardware)
        {
            return wiring.Irq == null ? null : hardware.OpenInput(wiring.Irq, IrqDebounceMicros);
        }

        private static Pn532ReaderOptions Options(Pn532Wiring wiring, int pollMillis)
        {
            Pn532ReaderOptions options = new Pn532ReaderOptions();
            options.PollPeriodMicros = pollMillis * MicrosPerMilli;
            if (wiring.ReaderName != null)
            {
                options.ReaderName = wiring.ReaderName;
            }

            return options;
        }
    }
}
