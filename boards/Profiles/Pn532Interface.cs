namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>The PN532 host interface its I0/I1 switches select (reference iso7816-pn532.md §3.2).</summary>
    public enum Pn532Interface
    {
        I2c = 0,
        Spi = 1,
        /// <summary>High-speed UART, 8N1.</summary>
        Hsu = 2,
    }
}
