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

        /// <summary>The PL011 on GPIO14/15, once the serial console is moved off it (Raspberry Pi documentation, "UART configuration").</summary>
        private const string Pl011Port = "/dev/ttyAMA0";

        /// <summary>i2c_arm is /dev/i2c-1 on every 40-pin Pi.</summary>
        private const int I2cBus = 1;

        /// <summary>The Pi's i2c_arm default, 100 kHz (the PN532 takes up to 400 kHz, reference §3.2 "I2C").</summary>
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
                    return WithPn532(name, "Raspberry Pi + PN532 on I2C-1 (0x24), IRQ GPIO25, RSTPDN GPIO20", ProfileParts.I2cPn532(I2cBus, I2cHz), Pn532IrqGpio);
                case Pn532Spi:
                    return WithPn532(name, "Raspberry Pi + PN532 on SPI0 CE0, IRQ GPIO25, RSTPDN GPIO20", ProfileParts.SpiPn532(SpiBus, SpiChipSelect, SpiHz), Pn532IrqGpio);
                case Pn532Hsu:
                    // On HSU the response is simply read from the line: no IRQ.
                    return WithPn532(name, "Raspberry Pi + PN532 on the PL011 UART (" + Pl011Port + "), RSTPDN GPIO20", ProfileParts.HsuPn532(Pl011Port), ProfileParts.NotWired);
                case Contact:
                    BoardProfile profile = New(name, "Raspberry Pi + contact socket on the PL011 UART, RST GPIO23, VCC GPIO24, detect GPIO22, CLK PWM0 GPIO18");
                    profile.Contact = ProfileParts.ContactSocket(Pl011Port, CardResetGpio, CardVccGpio, CardDetectGpio, CardClockGpio);
                    return profile;
                default:
                    return null;
            }
        }

        private static BoardProfile WithPn532(string name, string title, Pn532Wiring pn532, int irq)
        {
            BoardProfile profile = New(name, title);
            ProfileParts.WirePn532Lines(pn532, irq, Pn532ResetGpio);
            profile.Pn532 = pn532;
            return profile;
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
