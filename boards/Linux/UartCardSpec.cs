using System;
using EmbeddedSmartCard.Drivers.Uart;

namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>
    /// A parsed "uart-card:&lt;device&gt;[,option…]" board spec: where the card's I/O, RST, VCC, card-detect
    /// and CLK are wired. <see cref="Parse"/> rejects anything it does not understand with an
    /// ArgumentException naming the bad part and listing the valid forms.
    /// </summary>
    public sealed class UartCardSpec
    {
        public const string Prefix = "uart-card:";

        /// <summary>The grammar, quoted in every parse error (and in boards/Linux/README.md).</summary>
        public const string ValidForms =
            "uart-card:<device>[,option...] with options clock=<Hz>, rst=none|rts|rts-inverted|gpio:<chip>:<line>[:active-low], " +
            "vcc=none|gpio:<chip>:<line>[:active-low], cd=none|gpio:<chip>:<line>[:active-low], clk=none|pwm:<chip>:<channel>, " +
            "echo=0|1, maxbaud=<bps>, name=<reader name>";

        private const string GpioPrefix = "gpio:";
        private const string PwmPrefix = "pwm:";
        private const string None = "none";
        private const string ActiveLowSuffix = "active-low";

        private UartCardSpec(string device)
        {
            Device = device;
            ClockHz = UartReaderOptions.DefaultClockHz;
        }

        /// <summary>The serial device, e.g. /dev/ttyAMA0 (no commas).</summary>
        public string Device { get; private set; }

        /// <summary>CLK frequency in Hz (clock=); the default 3.5712 MHz gives 9600 bd at Fd/Dd.</summary>
        public int ClockHz { get; private set; }

        public ResetWiring Reset { get; private set; }

        /// <summary>The RST line when <see cref="Reset"/> is Gpio.</summary>
        public GpioSpec ResetGpio { get; private set; }

        /// <summary>VCC enable line, or null for an always-powered card.</summary>
        public GpioSpec Vcc { get; private set; }

        /// <summary>Card-detect switch, or null when the card is assumed present.</summary>
        public GpioSpec CardDetect { get; private set; }

        /// <summary>PWM chip number of the CLK output, -1 for a free-running oscillator.</summary>
        public int PwmChip { get; private set; } = -1;

        public int PwmChannel { get; private set; }

        /// <summary>True when TX and RX share the card's I/O wire, so every written byte echoes (echo=1).</summary>
        public bool Echo { get; private set; }

        /// <summary>The fastest rate the UART may be asked for (maxbaud=), 0 for the driver's default.</summary>
        public int MaxBaudRate { get; private set; }

        /// <summary>The reader name (name=), or null for the driver's default.</summary>
        public string ReaderName { get; private set; }

        /// <summary>Parses a spec that starts with "uart-card:".</summary>
        public static UartCardSpec Parse(string spec)
        {
            if (spec == null || !spec.StartsWith(Prefix, StringComparison.Ordinal))
            {
                throw SpecText.Invalid(spec, "it does not start with '" + Prefix + "'");
            }
            string[] parts = spec.Substring(Prefix.Length).Split(',');
            if (parts[0].Length == 0)
            {
                throw SpecText.Invalid(spec, "the serial device is missing");
            }
            UartCardSpec result = new UartCardSpec(parts[0]);
            for (int i = 1; i < parts.Length; i++)
            {
                result.ApplyOption(spec, parts[i]);
            }
            return result;
        }

        private void ApplyOption(string spec, string option)
        {
            string key;
            string value;
            SpecText.SplitOption(spec, option, out key, out value);
            switch (key)
            {
                case "clock":
                    ClockHz = SpecText.PositiveNumber(spec, option, value);
                    break;
                case "rst":
                    ParseReset(spec, option, value);
                    break;
                case "vcc":
                    Vcc = OptionalGpio(spec, option, value);
                    break;
                case "cd":
                    CardDetect = OptionalGpio(spec, option, value);
                    break;
                case "clk":
                    ParseClockOutput(spec, option, value);
                    break;
                case "echo":
                    Echo = Flag(spec, option, value);
                    break;
                case "maxbaud":
                    MaxBaudRate = SpecText.PositiveNumber(spec, option, value);
                    break;
                case "name":
                    ReaderName = SpecText.Name(spec, option, value);
                    break;
                default:
                    throw SpecText.Invalid(spec, "unknown option '" + key + "'");
            }
        }

        private void ParseReset(string spec, string option, string value)
        {
            switch (value)
            {
                case None:
                    Reset = ResetWiring.InBand;
                    return;
                case "rts":
                    Reset = ResetWiring.Rts;
                    return;
                case "rts-inverted":
                    Reset = ResetWiring.RtsInverted;
                    return;
            }
            ResetGpio = Gpio(spec, option, value);
            Reset = ResetWiring.Gpio;
        }

        private void ParseClockOutput(string spec, string option, string value)
        {
            if (value == None)
            {
                PwmChip = -1;
                return;
            }
            string[] fields = value.Split(':');
            if (!value.StartsWith(PwmPrefix, StringComparison.Ordinal) || fields.Length != 3)
            {
                throw SpecText.Invalid(spec, "option '" + option + "' is not clk=none or clk=pwm:<chip>:<channel>");
            }
            PwmChip = SpecText.NonNegativeNumber(spec, option, fields[1]);
            PwmChannel = SpecText.NonNegativeNumber(spec, option, fields[2]);
        }

        private static GpioSpec OptionalGpio(string spec, string option, string value)
        {
            return value == None ? null : Gpio(spec, option, value);
        }

        /// <summary>gpio:&lt;chip&gt;:&lt;line&gt;[:active-low].</summary>
        private static GpioSpec Gpio(string spec, string option, string value)
        {
            string[] fields = value.Split(':');
            bool shapeOk = value.StartsWith(GpioPrefix, StringComparison.Ordinal)
                && (fields.Length == 3 || (fields.Length == 4 && fields[3] == ActiveLowSuffix))
                && fields[1].Length > 0;
            if (!shapeOk)
            {
                throw SpecText.Invalid(spec, "option '" + option + "' is not none, or gpio:<chip>:<line>[:active-low]");
            }
            return new GpioSpec(fields[1], SpecText.NonNegativeNumber(spec, option, fields[2]), fields.Length == 4);
        }

        private static bool Flag(string spec, string option, string value)
        {
            if (value == "0" || value == "1")
            {
                return value == "1";
            }
            throw SpecText.Invalid(spec, "option '" + option + "' must be 0 or 1");
        }
    }
}
