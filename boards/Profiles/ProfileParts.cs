namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>The wiring conventions every catalogue profile shares; the family files hold only their pin numbers.</summary>
    internal static class ProfileParts
    {
        /// <summary>The PN532's fixed I2C address (reference iso7816-pn532.md §3.2 "I2C": 0x48 write = 0x24 7-bit).</summary>
        public const int Pn532I2cAddress = 0x24;

        /// <summary>An unwired signal in the arguments below.</summary>
        public const int NotWired = -1;

        public static BoardProfile New(string name, string title, string platform)
        {
            BoardProfile profile = new BoardProfile();
            profile.Name = name;
            profile.Title = title;
            profile.Platform = platform;
            return profile;
        }

        /// <summary>The door outputs drive transistor stages or LED resistors: active high.</summary>
        public static void WireDoor(BoardProfile profile, int relay, int ledGreen, int ledRed, int buzzer)
        {
            profile.SetOutput(OutputRole.Relay, new PinWiring(relay, false));
            profile.SetOutput(OutputRole.LedGreen, new PinWiring(ledGreen, false));
            profile.SetOutput(OutputRole.LedRed, new PinWiring(ledRed, false));
            profile.SetOutput(OutputRole.Buzzer, new PinWiring(buzzer, false));
        }

        public static Pn532Wiring I2cPn532(int bus, int clockHz)
        {
            Pn532Wiring pn532 = new Pn532Wiring(Pn532Interface.I2c);
            pn532.I2c.Bus = bus;
            pn532.I2c.Address = Pn532I2cAddress;
            pn532.I2c.ClockHz = clockHz;
            return pn532;
        }

        public static Pn532Wiring SpiPn532(int bus, int chipSelect, int clockHz)
        {
            Pn532Wiring pn532 = new Pn532Wiring(Pn532Interface.Spi);
            pn532.Spi.Bus = bus;
            pn532.Spi.ChipSelect = chipSelect;
            pn532.Spi.ClockHz = clockHz;
            return pn532;
        }

        public static Pn532Wiring HsuPn532(string port)
        {
            Pn532Wiring pn532 = new Pn532Wiring(Pn532Interface.Hsu);
            pn532.Uart.Port = port;
            return pn532;
        }

        /// <summary>
        /// P70_IRQ and RSTPDN (either may be <see cref="NotWired"/>) go to the driver at their electrical level:
        /// it knows both are low-active (reference §3.2 "IRQ"), so the wiring inverts nothing.
        /// </summary>
        public static void WirePn532Lines(Pn532Wiring pn532, int irq, int reset)
        {
            pn532.Irq = irq == NotWired ? null : new PinWiring(irq, false);
            pn532.Reset = reset == NotWired ? null : new PinWiring(reset, false);
        }

        /// <summary>
        /// A socket on a single-wire UART (ISO 7816-3 §7.1: I/O is one half-duplex line). The VCC switch is a
        /// P-channel MOSFET high-side switch (gate low turns the supply on) and the card-present switch closes to
        /// ground against a pull-up, so both are active low; RST and CLK are driven directly.
        /// </summary>
        public static ContactWiring ContactSocket(string port, int reset, int vcc, int detect, int clock)
        {
            ContactWiring contact = new ContactWiring();
            contact.Uart.Port = port;
            contact.Uart.SingleWire = true;
            contact.Reset = new PinWiring(reset, false);
            contact.Vcc = new PinWiring(vcc, true);
            contact.CardDetect = new PinWiring(detect, true);
            contact.Clock = new PinWiring(clock, false);
            return contact;
        }
    }
}
