namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>
    /// ESP32 DevKitC profiles (GPIOn numbers). The ESP32 routes bus signals to any pin, so the wiring names
    /// them and the nanoFramework hardware sets the pin functions: SPI on the VSPI defaults, I2C on GPIO21/22,
    /// the contact socket on UART2 (COM3) at GPIO17/16. Door outputs avoid the boot strapping pins 0, 2 and 12.
    /// </summary>
    internal static class Esp32Profiles
    {
        public const string Pn532Spi = "esp32-pn532-spi";
        public const string Pn532I2c = "esp32-pn532-i2c";
        public const string Contact = "esp32-contact";

        /// <summary>nanoFramework numbers the ESP32 SPI controllers SPI1 (VSPI here) and SPI2.</summary>
        private const int SpiBus = 1;

        /// <summary>The chip select is the GPIO of <see cref="SpiCsGpio"/>; the controller number is unused.</summary>
        private const int SpiChipSelect = 0;
        private const int SpiMosiGpio = 23;
        private const int SpiMisoGpio = 19;
        private const int SpiSckGpio = 18;
        private const int SpiCsGpio = 5;

        /// <summary>1 MHz: well under the PN532's 5 MHz SPI limit (reference §3.2 "SPI").</summary>
        private const int SpiHz = 1000000;

        private const int I2cBus = 1;
        private const int I2cSdaGpio = 21;
        private const int I2cSclGpio = 22;

        /// <summary>I2C standard mode; the PN532 takes up to 400 kHz (reference §3.2 "I2C").</summary>
        private const int I2cHz = 100000;

        private const int Pn532IrqGpio = 4;
        private const int Pn532ResetGpio = 27;

        /// <summary>nanoFramework's COM3 is UART2.</summary>
        private const string Uart2Port = "COM3";
        private const int Uart2TxGpio = 17;
        private const int Uart2RxGpio = 16;

        private const int CardResetGpio = 25;
        private const int CardVccGpio = 26;

        /// <summary>GPIO34 is input-only: fine for the detect switch (an external pull-up is needed, the pin has none).</summary>
        private const int CardDetectGpio = 34;

        /// <summary>CLK from an LEDC PWM channel routed to GPIO32.</summary>
        private const int CardClockGpio = 32;

        private const int RelayGpio = 13;
        private const int LedGreenGpio = 14;
        private const int LedRedGpio = 33;
        private const int BuzzerGpio = 15;

        public static BoardProfile Find(string name)
        {
            switch (name)
            {
                case Pn532Spi:
                    return WithPn532(name, "ESP32 + PN532 on SPI1 (MOSI 23, MISO 19, SCK 18, CS 5), IRQ GPIO4, RSTPDN GPIO27", SpiPn532());
                case Pn532I2c:
                    return WithPn532(name, "ESP32 + PN532 on I2C1 (SDA 21, SCL 22, 0x24), IRQ GPIO4, RSTPDN GPIO27", I2cPn532());
                case Contact:
                    BoardProfile profile = New(name, "ESP32 + contact socket on UART2 (TX 17, RX 16), RST GPIO25, VCC GPIO26, detect GPIO34, CLK GPIO32");
                    profile.Contact = ProfileParts.ContactSocket(Uart2Port, CardResetGpio, CardVccGpio, CardDetectGpio, CardClockGpio);
                    profile.Contact.Uart.TxPin = Uart2TxGpio;
                    profile.Contact.Uart.RxPin = Uart2RxGpio;
                    return profile;
                default:
                    return null;
            }
        }

        private static BoardProfile WithPn532(string name, string title, Pn532Wiring pn532)
        {
            BoardProfile profile = New(name, title);
            ProfileParts.WirePn532Lines(pn532, Pn532IrqGpio, Pn532ResetGpio);
            profile.Pn532 = pn532;
            return profile;
        }

        private static Pn532Wiring SpiPn532()
        {
            Pn532Wiring pn532 = ProfileParts.SpiPn532(SpiBus, SpiChipSelect, SpiHz);
            pn532.Spi.MosiPin = SpiMosiGpio;
            pn532.Spi.MisoPin = SpiMisoGpio;
            pn532.Spi.SckPin = SpiSckGpio;
            pn532.Spi.CsPin = SpiCsGpio;
            return pn532;
        }

        private static Pn532Wiring I2cPn532()
        {
            Pn532Wiring pn532 = ProfileParts.I2cPn532(I2cBus, I2cHz);
            pn532.I2c.SdaPin = I2cSdaGpio;
            pn532.I2c.SclPin = I2cSclGpio;
            return pn532;
        }

        private static BoardProfile New(string name, string title)
        {
            BoardProfile profile = ProfileParts.New(name, title, BoardProfile.NanoFrameworkPlatform);
            ProfileParts.WireDoor(profile, RelayGpio, LedGreenGpio, LedRedGpio, BuzzerGpio);
            return profile;
        }
    }
}
