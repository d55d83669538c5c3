namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>A GPIO line named in a board spec: gpio:&lt;chip&gt;:&lt;line&gt;[:active-low].</summary>
    public sealed class GpioSpec
    {
        public GpioSpec(string chip, int line, bool activeLow)
        {
            Chip = chip;
            Line = line;
            ActiveLow = activeLow;
        }

        /// <summary>"0", "gpiochip0" or "/dev/gpiochip0".</summary>
        public string Chip { get; private set; }

        /// <summary>Line offset on the chip (the BCM GPIO number on a Raspberry Pi's gpiochip0; gpiochip4 on a Pi 5's header).</summary>
        public int Line { get; private set; }

        /// <summary>True when the active level is low.</summary>
        public bool ActiveLow { get; private set; }
    }
}
