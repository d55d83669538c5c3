namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>A device on a SPI bus: bus and chip-select numbers, the clock and, where routable, the four GPIOs.</summary>
    public sealed class SpiWiring
    {
        /// <summary>Bus number: B of /dev/spidevB.C on Linux, the SPI controller number on nanoFramework.</summary>
        public int Bus;

        /// <summary>Chip select: C of /dev/spidevB.C on Linux; on nanoFramework the GPIO of <see cref="CsPin"/> selects.</summary>
        public int ChipSelect;

        public int ClockHz;

        public int MosiPin = -1;

        public int MisoPin = -1;

        public int SckPin = -1;

        public int CsPin = -1;
    }
}
