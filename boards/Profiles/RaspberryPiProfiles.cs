namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>
    /// Raspberry Pi (40-pin header, BCM GPIO numbers) profiles. The PN532 ones follow the common PN532 HAT
    /// wiring (RSTPDN on GPIO20); the contact socket uses the PL011 UART on GPIO14/15 and PWM0 on GPIO18.
    /// </summary>
    internal static class RaspberryPiProfiles
    {
        public const string Pn532I2c = "rpi-pn532-i2c";
        public const string Pn532Spi = "rpi-pn532-spi";
        public const string Pn532Hsu = "rpi-pn532-hsu";
        public const string Contact = "rpi-contact";

        /// <summary>The PL011 on GPIO14/15 once the serial console is moved off it (reference nanoframework.md is silent; Raspberry Pi "UART configuration").</summary>
        private const string Pl011Port = "/dev/ttyAMA0";

        /// <summary>i2c_arm is /dev/i2c-1 on every 40-pin Pi.</summary>
        private const int I2cBus = 1;

        /// <summary>The Pi's i2c_arm default, 100 kHz (PN532 takes up to 400 kHz, reference §3.2 "I2C").</summary>
        private const int I2cHz = 100000;

        /// <summary>/dev/spidev0.0: SPI0, CE0 on GPIO8.</summary>
        private const int SpiBus = 0;
        private const int SpiChipSelect = 0;

        /// <summary>1 MHz: well under the PN532's 5 MHz SPI limit (reference §3.2 "SPI") on jumper wires.</summary>
        private const int SpiHz = 1000000;

        private const int Pn532ResetGpio = 20;
        private const int Pn532IrqGpio = 25;

        private const int CardResetGpio = 23;
        private const int CardVccGpio = 24;
        private const int CardDetectGpio = 22;

        /// <summary>PWM0 is routed to GPIO18 (ALT5) by the pwm overlay.</summary>
        private const int CardClockGpio = 18;

        private const int RelayGpio = 5;
        private const int LedGreenGpio = 6;
        private const int LedRedGpio = 26;
        private const int BuzzerGpio = 16;

        private const int GpioChip = 0;

        public static BoardProfile Find(string name)
        {
            switch (name)
            {
                case Pn532I2c:
                    return WithPn532(name, "Raspberry Pi + PN532 on I2C-1 (0x24), IRQ GPIO25, RSTPDN GPIO20", I2cPn532());
                case Pn532Spi:
                    return WithPn532(name, "Raspberry Pi + PN532 on SPI0 CE0, IRQ GPIO25, RSTPDN GPIO20", SpiPn532());
                case Pn532Hsu:
                    return WithPn532(name, "Raspberry Pi + PN532 on the PL011 UART (" + Pl011Port + "), RSTPDN GPIO20", HsuPn532());
                case Contact:
                    BoardProfile profile = New(name, "Raspberry Pi + contact socket on the PL011 UART, RST GPIO23, VCC GPIO24, detect GPIO22, CLK PWM0 GPIO18");
                    profile.Contact = ContactSocket();
                    return profile;
                default:
                    return null;
            }
        }

        private static BoardProfile WithPn532(string name, string title, Pn532Wiring pn532)
        {
            BoardProfile profile = New(name, title);
            pn532.Reset = ProfileParts.Pn532Line(Pn532ResetGpio);
            profile.Pn532 = pn532;
            return profile;
        }

        private static Pn532Wiring I2cPn532()
        {
            Pn532Wiring pn532 = new Pn532Wiring();
            pn532.Interface = Pn532Interface.I2c;
            pn532.I2c.Bus = I2cBus;
            pn532.I2c.Address = ProfileParts.Pn532I2cAddress;
            pn532.I2c.ClockHz = I2cHz;
            pn532.Irq = ProfileParts.Pn532Line(Pn532IrqGpio);
            return pn532;
        }

        private static Pn532Wiring SpiPn532()
        {
            Pn532Wiring pn532 = new Pn532Wiring();
            pn532.Interface = Pn532Interface.Spi;
            pn532.Spi.Bus = SpiBus;
            pn532.Spi.ChipSelect = SpiChipSelect;
            pn532.Spi.ClockHz = SpiHz;
            pn532.Irq = ProfileParts.Pn532Line(Pn532IrqGpio);
            return pn532;
        }

        private static Pn532Wiring HsuPn532()
        {
            Pn532Wiring pn532 = new Pn532Wiring();
            pn532.Interface = Pn532Interface.Hsu;
            pn532.Uart.Port = Pl011Port;
            return pn532;
        }

        private static ContactWiring ContactSocket()
        {
            ContactWiring contact = new ContactWiring();
            contact.Uart.Port = Pl011Port;
            contact.Uart.SingleWire = true;
            contact.Reset = new PinWiring(CardResetGpio, false);
            contact.Vcc = ProfileParts.VccSwitch(CardVccGpio);
            contact.CardDetect = ProfileParts.DetectSwitch(CardDetectGpio);
            contact.Clock = new PinWiring(CardClockGpio, false);
            return contact;
        }

        private static BoardProfile New(string name, string title)
        {
            BoardProfile profile = ProfileParts.New(name, title, BoardProfile.LinuxPlatform);
            profile.GpioChip = GpioChip;
            ProfileParts.WireDoor(profile, RelayGpio, LedGreenGpio, LedRedGpio, BuzzerGpio);
            return profile;
        }
    }
}
