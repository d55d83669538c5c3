using EmbeddedSmartCard.Drivers.Uart;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Linux;

namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>
    /// One contact card wired to a Linux serial device: a <see cref="UartCardReader"/> over a
    /// <see cref="LinuxUartLine"/> and the GPIO, RTS and PWM parts a <see cref="UartCardSpec"/> names.
    /// The board owns that hardware and releases it on Dispose.
    /// </summary>
    public sealed class UartCardBoard : SingleReaderBoard
    {
        /// <summary>
        /// ATR window after an in-band FF FF reset. The card simulator behind a serial device answers within
        /// the 40 000 clocks of ISO 7816-3 (reference §1.1), but its bytes then cross two processes and a tty
        /// pair, whose scheduling latency on a loaded machine alone can exceed 11 ms; a second covers it.
        /// </summary>
        private const long InBandAtrWindowMicros = 1000000;

        private const long MicrosPerSecond = 1000000;

        private UartCardBoard(string name, UartCardReader reader, OwnedParts owned)
            : base(name, "uart-card", reader, reader.Options.ReaderName, owned)
        {
        }

        /// <summary>Opens every part of the wiring; on any failure releases what was opened and rethrows.</summary>
        public static UartCardBoard Open(string specText, UartCardSpec spec)
        {
            OwnedParts parts = new OwnedParts();
            try
            {
                LinuxUartLine line = parts.Own(new LinuxUartLine(spec.Device, spec.Echo));
                IOutputPin reset = OpenReset(spec, line, parts);
                IOutputPin vcc = spec.Vcc == null ? null : parts.Own(new LinuxGpioOutputPin(spec.Vcc.Chip, spec.Vcc.Line, false, spec.Vcc.ActiveLow));
                UartReaderOptions options = Options(spec);
                IInputPin cardDetect = spec.CardDetect == null ? null
                    : parts.Own(new LinuxGpioInputPin(spec.CardDetect.Chip, spec.CardDetect.Line, options.CardDetectDebounceMicros));
                IClockOutput clockOutput = spec.PwmChip < 0 ? null : parts.Own(new LinuxPwmClock(spec.PwmChip, spec.PwmChannel));
                UartCardReader reader = new UartCardReader(options, line, MonotonicClock.Instance, reset, vcc, cardDetect, clockOutput);
                return new UartCardBoard(specText, reader, parts);
            }
            catch
            {
                parts.DisposeAll();
                throw;
            }
        }

        private static IOutputPin OpenReset(UartCardSpec spec, LinuxUartLine line, OwnedParts parts)
        {
            switch (spec.Reset)
            {
                case ResetWiring.Rts:
                case ResetWiring.RtsInverted:
                    return new LinuxModemLinePin(line, spec.Reset == ResetWiring.RtsInverted, false);
                case ResetWiring.Gpio:
                    return parts.Own(new LinuxGpioOutputPin(spec.ResetGpio.Chip, spec.ResetGpio.Line, false, spec.ResetGpio.ActiveLow));
                default:
                    return null;
            }
        }

        private static UartReaderOptions Options(UartCardSpec spec)
        {
            UartReaderOptions options = new UartReaderOptions();
            options.ClockHz = spec.ClockHz;
            options.SerialNumber = spec.Device;
            options.InterfaceName = spec.Device;
            if (spec.Reset == ResetWiring.InBand)
            {
                options.AtrTimeoutClocks = (int)(spec.ClockHz * InBandAtrWindowMicros / MicrosPerSecond);
            }
            if (spec.CardDetect != null)
            {
                options.CardDetectActiveHigh = !spec.CardDetect.ActiveLow;
            }
            if (spec.MaxBaudRate > 0)
            {
                options.MaxBaudRate = spec.MaxBaudRate;
            }
            if (spec.ReaderName != null)
            {
                options.ReaderName = spec.ReaderName;
            }
            return options;
        }
    }
}
