namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>The wiring conventions every catalogue profile shares.</summary>
    internal static class ProfileParts
    {
        /// <summary>The PN532's fixed I2C address (reference iso7816-pn532.md §3.2 "I2C": 0x48 write = 0x24 7-bit).</summary>
        public const int Pn532I2cAddress = 0x24;

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

        /// <summary>
        /// P70_IRQ and RSTPDN go to the driver at their electrical level: it knows both are low-active
        /// (reference §3.2 "IRQ"), so the wiring inverts nothing.
        /// </summary>
        public static PinWiring Pn532Line(int pin)
        {
            return new PinWiring(pin, false);
        }

        /// <summary>A P-channel MOSFET high-side switch feeds the card's VCC: its gate low turns the supply on.</summary>
        public static PinWiring VccSwitch(int pin)
        {
            return new PinWiring(pin, true);
        }

        /// <summary>The socket's card-present switch closes to ground against a pull-up: low means a card.</summary>
        public static PinWiring DetectSwitch(int pin)
        {
            return new PinWiring(pin, true);
        }
    }
}
