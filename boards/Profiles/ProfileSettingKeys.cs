using System;

namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>
    /// Applies one setting to a profile. A key the profile has nothing for (irq on a contact-only board,
    /// i2c.bus on a PN532 on SPI) is refused rather than ignored: a typo in a wiring must not go unnoticed.
    /// </summary>
    internal static class ProfileSettingKeys
    {
        public const string Name = "name";
        public const string Poll = "poll";
        public const string GpioChip = "gpiochip";
        public const string Clock = "clock";
        public const string Uart = "uart";
        public const string HsuBaud = "hsu.baud";
        public const string I2cBus = "i2c.bus";
        public const string I2cAddress = "i2c.address";
        public const string I2cHz = "i2c.hz";
        public const string SpiBus = "spi.bus";
        public const string SpiCs = "spi.cs";
        public const string SpiHz = "spi.hz";
        public const string Irq = "irq";
        public const string Rst = "rst";
        public const string Vcc = "vcc";
        public const string Detect = "detect";
        public const string Clk = "clk";

        /// <summary>Every key but "profile", in the order the README tables them.</summary>
        public const string All = Name + ", " + Poll + ", " + GpioChip + ", " + Clock + ", " + Uart + ", " + HsuBaud + ", "
            + I2cBus + ", " + I2cAddress + ", " + I2cHz + ", " + SpiBus + ", " + SpiCs + ", " + SpiHz + ", "
            + Irq + ", " + Rst + ", " + Vcc + ", " + Detect + ", " + Clk + ", "
            + OutputRole.Names;

        public static void Apply(BoardProfile profile, string key, string value)
        {
            if (!ApplyBoard(profile, key, value) && !ApplyContact(profile, key, value) && !ApplyPn532(profile, key, value)
                && !ApplyShared(profile, key, value) && !ApplyOutput(profile, key, value))
            {
                throw new ArgumentException("unknown setting '" + key + "'; valid keys: profile, " + All);
            }
        }

        private static bool ApplyBoard(BoardProfile profile, string key, string value)
        {
            switch (key)
            {
                case Poll:
                    profile.PollMillis = SettingValue.Number(key, value);
                    return true;
                case GpioChip:
                    profile.GpioChip = SettingValue.Number(key, value);
                    return true;
                default:
                    return false;
            }
        }

        private static bool ApplyContact(BoardProfile profile, string key, string value)
        {
            if (key != Clock && key != Vcc && key != Detect && key != Clk)
            {
                return false;
            }

            ContactWiring contact = Contact(profile, key);
            switch (key)
            {
                case Clock:
                    contact.ClockHz = SettingValue.Number(key, value);
                    break;
                case Vcc:
                    contact.Vcc = SettingValue.Pin(key, value);
                    break;
                case Detect:
                    contact.CardDetect = SettingValue.Pin(key, value);
                    break;
                default:
                    contact.Clock = SettingValue.Pin(key, value);
                    break;
            }

            return true;
        }

        private static bool ApplyPn532(BoardProfile profile, string key, string value)
        {
            if (key == Irq)
            {
                Pn532(profile, key).Irq = SettingValue.Pin(key, value);
                return true;
            }

            Pn532Interface bus;
            if (!HostInterfaceOf(key, out bus))
            {
                return false;
            }

            SetHostInterface(Pn532On(profile, key, bus), key, SettingValue.Number(key, value));
            return true;
        }

        /// <summary>The host interface a hsu.*, i2c.* or spi.* key configures; false for any other key.</summary>
        private static bool HostInterfaceOf(string key, out Pn532Interface bus)
        {
            switch (key)
            {
                case HsuBaud:
                    bus = Pn532Interface.Hsu;
                    return true;
                case I2cBus:
                case I2cAddress:
                case I2cHz:
                    bus = Pn532Interface.I2c;
                    return true;
                case SpiBus:
                case SpiCs:
                case SpiHz:
                    bus = Pn532Interface.Spi;
                    return true;
                default:
                    bus = Pn532Interface.Hsu;
                    return false;
            }
        }

        /// <summary>Sets the host-interface field <paramref name="key"/> names (a key <see cref="HostInterfaceOf"/> knows).</summary>
        private static void SetHostInterface(Pn532Wiring pn532, string key, int number)
        {
            switch (key)
            {
                case HsuBaud:
                    pn532.HsuBaudRate = number;
                    break;
                case I2cBus:
                    pn532.I2c.Bus = number;
                    break;
                case I2cAddress:
                    pn532.I2c.Address = number;
                    break;
                case I2cHz:
                    pn532.I2c.ClockHz = number;
                    break;
                case SpiBus:
                    pn532.Spi.Bus = number;
                    break;
                case SpiCs:
                    pn532.Spi.ChipSelect = number;
                    break;
                default:
                    pn532.Spi.ClockHz = number;
                    break;
            }
        }

        /// <summary>
        /// Keys naming the same signal on each reader that has it: name (every reader), uart (the contact socket's
        /// port and a PN532's HSU port), rst (the card's RST and the PN532's RSTPDN).
        /// </summary>
        private static bool ApplyShared(BoardProfile profile, string key, string value)
        {
            ReaderWiring[] readers = profile.GetReaders();
            switch (key)
            {
                case Name:
                    string name = SettingValue.Text(key, value);
                    for (int i = 0; i < readers.Length; i++)
                    {
                        readers[i].ReaderName = name;
                    }

                    return true;
                case Rst:
                    PinWiring reset = SettingValue.Pin(key, value);
                    for (int i = 0; i < readers.Length; i++)
                    {
                        readers[i].Reset = reset;
                    }

                    return true;
                case Uart:
                    ApplyPort(profile, key, SettingValue.Text(key, value));
                    return true;
                default:
                    return false;
            }
        }

        private static void ApplyPort(BoardProfile profile, string key, string port)
        {
            bool applied = SetPort(profile.Contact == null ? null : profile.Contact.Uart, port);
            Pn532Wiring pn532 = profile.Pn532;
            applied |= SetPort(pn532 == null || pn532.Interface != Pn532Interface.Hsu ? null : pn532.Uart, port);
            if (!applied)
            {
                throw new ArgumentException("setting " + key + ": profile " + profile.Name + " has no UART reader");
            }
        }

        /// <summary>Sets the port of <paramref name="uart"/>; false when there is no such UART.</summary>
        private static bool SetPort(UartWiring uart, string port)
        {
            if (uart == null)
            {
                return false;
            }

            uart.Port = port;
            return true;
        }

        private static bool ApplyOutput(BoardProfile profile, string key, string value)
        {
            if (OutputRole.IndexOf(key) < 0)
            {
                return false;
            }

            profile.SetOutput(key, SettingValue.Pin(key, value));
            return true;
        }

        private static ContactWiring Contact(BoardProfile profile, string key)
        {
            if (profile.Contact == null)
            {
                throw new ArgumentException("setting " + key + ": profile " + profile.Name + " has no contact socket");
            }

            return profile.Contact;
        }

        private static Pn532Wiring Pn532(BoardProfile profile, string key)
        {
            if (profile.Pn532 == null)
            {
                throw new ArgumentException("setting " + key + ": profile " + profile.Name + " has no PN532");
            }

            return profile.Pn532;
        }

        private static Pn532Wiring Pn532On(BoardProfile profile, string key, Pn532Interface bus)
        {
            Pn532Wiring pn532 = Pn532(profile, key);
            if (pn532.Interface != bus)
            {
                throw new ArgumentException("setting " + key + ": the PN532 of profile " + profile.Name + " is not on " + BusName(bus));
            }

            return pn532;
        }

        private static string BusName(Pn532Interface bus)
        {
            switch (bus)
            {
                case Pn532Interface.I2c:
                    return "I2C";
                case Pn532Interface.Spi:
                    return "SPI";
                default:
                    return "HSU";
            }
        }
    }
}
