namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>The PN532 host interface a pn532-* board spec names (reference iso7816-pn532.md §3.2).</summary>
    public enum Pn532Bus
    {
        /// <summary>pn532-i2c: i2c-dev, 7-bit address 0x24 by default.</summary>
        I2c = 0,
        /// <summary>pn532-spi: spidev, mode 0.</summary>
        Spi = 1,
        /// <summary>pn532-hsu: a tty, 8N1.</summary>
        Hsu = 2,
    }
}
