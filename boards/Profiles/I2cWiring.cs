namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>A device on an I2C bus: the bus number, its 7-bit address, the bus clock and, where routable, SDA/SCL GPIOs.</summary>
    public sealed class I2cWiring
    {
        /// <summary>Bus number: N of /dev/i2c-N on Linux, the I2C controller number on nanoFramework.</summary>
        public int Bus;

        /// <summary>7-bit address.</summary>
        public int Address;

        public int ClockHz;

        public int SdaPin = -1;

        public int SclPin = -1;
    }
}
