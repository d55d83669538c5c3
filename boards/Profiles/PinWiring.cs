namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>
    /// One GPIO in the board's own numbering (BCM on a Raspberry Pi, GPIOn on ESP32, port*16+n on STM32).
    /// <see cref="ActiveLow"/> says the signal is asserted by a low level (an inverting driver, a pull-up switch).
    /// </summary>
    public sealed class PinWiring
    {
        public PinWiring()
        {
        }

        public PinWiring(int pin, bool activeLow)
        {
            Pin = pin;
            ActiveLow = activeLow;
        }

        public int Pin;

        public bool ActiveLow;
    }
}
