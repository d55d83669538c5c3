using System;
using System.Globalization;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>
    /// A parsed "pn532-i2c:", "pn532-spi:" or "pn532-hsu:" board spec: which host interface the PN532 is
    /// strapped to and where it is wired. <see cref="Parse"/> rejects anything it does not understand with
    /// an ArgumentException naming the bad part and listing the valid forms.
    /// </summary>
    public sealed class Pn532Spec
    {
        public const string I2cPrefix = "pn532-i2c:";
        public const string SpiPrefix = "pn532-spi:";
        public const string HsuPrefix = "pn532-hsu:";

        /// <summary>The grammar, quoted in every parse error (and in boards/Linux/README.md).</summary>
        public const string ValidForms =
            "pn532-i2c:<bus>[:<address>][,option...] | pn532-spi:<bus>.<cs>[,option...] | pn532-hsu:<device>[,option...] " +
            "with options poll=<ms>, name=<reader name>, rst=<line>|<chip>:<line>, irq=<line>|<chip>:<line> (i2c, spi), speed=<Hz> (spi), baud=<bps> (hsu)";

        /// <summary>SPI clock when speed= is absent: libnfc and Adafruit run the PN532 at 1 MHz (reference §3.2 "SPI").</summary>
        public const int DefaultSpiSpeedHz = 1000000;

        /// <summary>The SPI clock limit the reference quotes for the PN532 (§3.2 "SPI", "up to 5 MHz").</summary>
        public const int MaxSpiSpeedHz = 5000000;

        /// <summary>The GPIO chip an irq= or rst= line without a chip is on.</summary>
        public const string DefaultGpioChip = "0";

        /// <summary>
        /// Addresses a 7-bit I2C device may have: 0x00–0x07 and 0x78–0x7F are reserved
        /// (I2C-bus specification UM10204 §3.1.12, table 4).
        /// </summary>
        private const int LowestI2cAddress = 0x08;
        private const int HighestI2cAddress = 0x77;

        private const string HexPrefix = "0x";
        private const long MicrosPerMilli = 1000;

        private Pn532Spec(Pn532Bus bus, string device)
        {
            Bus = bus;
            Device = device;
            Address = Pn532I2cTransport.DefaultAddress;
            SpeedHz = DefaultSpiSpeedHz;
            BaudRate = Pn532HsuTransport.DefaultBaudRate;
            PollPeriodMicros = new Pn532ReaderOptions().PollPeriodMicros;
        }

        public Pn532Bus Bus { get; private set; }

        /// <summary>/dev/i2c-&lt;bus&gt;, /dev/spidev&lt;bus&gt;.&lt;cs&gt;, or the serial device of pn532-hsu.</summary>
        public string Device { get; private set; }

        /// <summary>The chip's 7-bit I2C address (pn532-i2c).</summary>
        public int Address { get; private set; }

        /// <summary>P70_IRQ (irq=), or null to poll the status instead.</summary>
        public GpioSpec Irq { get; private set; }

        /// <summary>RSTPDN (rst=), held high and pulsed low by the driver at each Open; or null when not wired.</summary>
        public GpioSpec Reset { get; private set; }

        /// <summary>SPI clock in Hz (speed=).</summary>
        public int SpeedHz { get; private set; }

        /// <summary>HSU rate (baud=): one the chip knows; anything but 115 200 needs a chip already switched to it.</summary>
        public int BaudRate { get; private set; }

        /// <summary>Presence poll period (poll=, given in milliseconds).</summary>
        public long PollPeriodMicros { get; private set; }

        /// <summary>The reader name (name=), or null for the driver's default.</summary>
        public string ReaderName { get; private set; }

        /// <summary>True when <paramref name="spec"/> starts with one of the three pn532 prefixes.</summary>
        public static bool Matches(string spec)
        {
            return spec != null && (spec.StartsWith(I2cPrefix, StringComparison.Ordinal)
                || spec.StartsWith(SpiPrefix, StringComparison.Ordinal)
                || spec.StartsWith(HsuPrefix, StringComparison.Ordinal));
        }

        /// <summary>Parses a spec that starts with "pn532-i2c:", "pn532-spi:" or "pn532-hsu:".</summary>
        public static Pn532Spec Parse(string spec)
        {
            if (!Matches(spec))
            {
                throw SpecText.Invalid(spec, "it does not start with '" + I2cPrefix + "', '" + SpiPrefix + "' or '" + HsuPrefix + "'");
            }
            int colon = spec.IndexOf(':');
            string[] parts = spec.Substring(colon + 1).Split(',');
            if (parts[0].Length == 0)
            {
                throw SpecText.Invalid(spec, "the bus or device after '" + spec.Substring(0, colon + 1) + "' is missing");
            }
            Pn532Spec result = Located(spec, parts[0]);
            for (int i = 1; i < parts.Length; i++)
            {
                result.ApplyOption(spec, parts[i]);
            }
            return result;
        }

        /// <summary>The spec's first part: &lt;bus&gt;[:&lt;address&gt;], &lt;bus&gt;.&lt;cs&gt; or &lt;device&gt;.</summary>
        private static Pn532Spec Located(string spec, string where)
        {
            if (spec.StartsWith(HsuPrefix, StringComparison.Ordinal))
            {
                return new Pn532Spec(Pn532Bus.Hsu, where);
            }
            if (spec.StartsWith(SpiPrefix, StringComparison.Ordinal))
            {
                string[] busAndCs = where.Split('.');
                if (busAndCs.Length != 2)
                {
                    throw SpecText.Invalid(spec, "'" + where + "' is not <bus>.<cs>, e.g. 0.0 for /dev/spidev0.0");
                }
                int spiBus = SpecText.NonNegativeNumber(spec, where, busAndCs[0]);
                int chipSelect = SpecText.NonNegativeNumber(spec, where, busAndCs[1]);
                return new Pn532Spec(Pn532Bus.Spi, "/dev/spidev" + spiBus + "." + chipSelect);
            }
            string[] busAndAddress = where.Split(':');
            if (busAndAddress.Length > 2)
            {
                throw SpecText.Invalid(spec, "'" + where + "' is not <bus>[:<address>], e.g. 1:0x24 for /dev/i2c-1");
            }
            int i2cBus = SpecText.NonNegativeNumber(spec, where, busAndAddress[0]);
            Pn532Spec result = new Pn532Spec(Pn532Bus.I2c, "/dev/i2c-" + i2cBus);
            if (busAndAddress.Length == 2)
            {
                result.Address = I2cAddress(spec, busAndAddress[1]);
            }
            return result;
        }

        /// <summary>A 7-bit address in hex (0x24) or decimal (36).</summary>
        private static int I2cAddress(string spec, string text)
        {
            int address;
            bool hex = text.StartsWith(HexPrefix, StringComparison.OrdinalIgnoreCase);
            bool parsed = hex
                ? int.TryParse(text.Substring(HexPrefix.Length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out address)
                : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out address);
            if (!parsed || address < LowestI2cAddress || address > HighestI2cAddress)
            {
                throw SpecText.Invalid(spec, "I2C address '" + text + "' is not a 7-bit device address 0x08..0x77 (hex with 0x, or decimal)");
            }
            return address;
        }

        private void ApplyOption(string spec, string option)
        {
            string key;
            string value;
            SpecText.SplitOption(spec, option, out key, out value);
            switch (key)
            {
                case "poll":
                    PollPeriodMicros = SpecText.PositiveNumber(spec, option, value) * MicrosPerMilli;
                    break;
                case "name":
                    ReaderName = SpecText.Name(spec, option, value);
                    break;
                case "irq":
                    OnlyOn(spec, key, Bus != Pn532Bus.Hsu, "pn532-i2c and pn532-spi");
                    Irq = GpioLine(spec, option, value);
                    break;
                case "rst":
                    Reset = GpioLine(spec, option, value);
                    break;
                case "speed":
                    OnlyOn(spec, key, Bus == Pn532Bus.Spi, "pn532-spi");
                    SpeedHz = SpiSpeed(spec, option, value);
                    break;
                case "baud":
                    OnlyOn(spec, key, Bus == Pn532Bus.Hsu, "pn532-hsu");
                    BaudRate = HsuRate(spec, option, value);
                    break;
                default:
                    throw SpecText.Invalid(spec, "unknown option '" + key + "'");
            }
        }

        private static void OnlyOn(string spec, string key, bool allowed, string forms)
        {
            if (!allowed)
            {
                throw SpecText.Invalid(spec, "option '" + key + "' belongs to " + forms + " only");
            }
        }

        /// <summary>
        /// &lt;line&gt; (on gpiochip0) or &lt;chip&gt;:&lt;line&gt;, used at its physical level: P70_IRQ and RSTPDN
        /// are both active low by themselves, and the driver means exactly that.
        /// </summary>
        private static GpioSpec GpioLine(string spec, string option, string value)
        {
            string[] fields = value.Split(':');
            if (fields.Length > 2 || fields[0].Length == 0)
            {
                throw SpecText.Invalid(spec, "option '" + option + "' is not a GPIO <line> or <chip>:<line>");
            }
            string chip = fields.Length == 2 ? fields[0] : DefaultGpioChip;
            return new GpioSpec(chip, SpecText.NonNegativeNumber(spec, option, fields[fields.Length - 1]), false);
        }

        private static int SpiSpeed(string spec, string option, string value)
        {
            int speed = SpecText.PositiveNumber(spec, option, value);
            return speed <= MaxSpiSpeedHz ? speed : throw SpecText.Invalid(spec, "option '" + option + "' is above the PN532's 5 MHz SPI clock");
        }

        private static int HsuRate(string spec, string option, string value)
        {
            int rate = SpecText.PositiveNumber(spec, option, value);
            if (Pn532SerialBaudRate.Code(rate) < 0)
            {
                throw SpecText.Invalid(spec, "option '" + option + "' is not a PN532 HSU rate (9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600, 1288000)");
            }
            return rate;
        }
    }
}
