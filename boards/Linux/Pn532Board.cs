using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Linux;

namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>
    /// A PN532 wired to Linux through the host interface a <see cref="Pn532Spec"/> names: a
    /// <see cref="Pn532Reader"/> over i2c-dev, spidev or a tty, with P70_IRQ and RSTPDN on GPIO lines when wired.
    /// The board owns that hardware and releases it on Dispose.
    /// </summary>
    public sealed class Pn532Board : SingleReaderBoard
    {
        /// <summary>SPI mode 0 is the only one the PN532 C106 has (AN10609, reference §3.2 "SPI").</summary>
        private const int SpiMode = 0;

        /// <summary>RSTPDN high: the chip runs (low holds it in reset; the driver pulses it at each Open).</summary>
        private const bool RunLevel = true;

        /// <summary>P70_IRQ is a clean chip output: no debounce.</summary>
        private const int IrqDebounceMicros = 0;

        private Pn532Board(string name, Pn532Reader reader, Pn532ReaderOptions options, OwnedParts owned)
            : base(name, "pn532", reader, options.ReaderName, owned)
        {
        }

        /// <summary>Opens the bus device and the IRQ line; on any failure releases what was opened and rethrows.</summary>
        public static Pn532Board Open(string specText, Pn532Spec spec)
        {
            OwnedParts parts = new OwnedParts();
            try
            {
                IPn532Transport transport = OpenTransport(spec, parts);
                IOutputPin reset = spec.Reset == null ? null : parts.Own(new LinuxGpioOutputPin(spec.Reset.Chip, spec.Reset.Line, RunLevel, false));
                Pn532ReaderOptions options = Options(spec);
                Pn532Reader reader = new Pn532Reader(options, transport, MonotonicClock.Instance, reset);
                return new Pn532Board(specText, reader, options, parts);
            }
            catch
            {
                parts.DisposeAll();
                throw;
            }
        }

        private static IPn532Transport OpenTransport(Pn532Spec spec, OwnedParts parts)
        {
            IClock clock = MonotonicClock.Instance;
            switch (spec.Bus)
            {
                case Pn532Bus.I2c:
                    LinuxI2cDevice i2c = parts.Own(new LinuxI2cDevice(spec.Device, spec.Address));
                    return new Pn532I2cTransport(i2c, clock, OpenIrq(spec, parts));
                case Pn532Bus.Spi:
                    // LSB first is asked of the controller; the transport reverses bits itself when refused (reference §3.2).
                    LinuxSpiDevice spi = parts.Own(new LinuxSpiDevice(spec.Device, SpiMode, spec.SpeedHz, true));
                    return new Pn532SpiTransport(spi, clock, OpenIrq(spec, parts), null);
                default:
                    LinuxUartLine line = parts.Own(new LinuxUartLine(spec.Device));
                    Pn532HsuTransport hsu = new Pn532HsuTransport(line, clock);
                    hsu.SetBaudRate(spec.BaudRate);
                    return hsu;
            }
        }

        private static IInputPin OpenIrq(Pn532Spec spec, OwnedParts parts)
        {
            return spec.Irq == null ? null : parts.Own(new LinuxGpioInputPin(spec.Irq.Chip, spec.Irq.Line, IrqDebounceMicros));
        }

        private static Pn532ReaderOptions Options(Pn532Spec spec)
        {
            Pn532ReaderOptions options = new Pn532ReaderOptions();
            options.PollPeriodMicros = spec.PollPeriodMicros;
            if (spec.ReaderName != null)
            {
                options.ReaderName = spec.ReaderName;
            }
            return options;
        }
    }
}
