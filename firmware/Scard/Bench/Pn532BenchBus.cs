namespace EmbeddedSmartCard.Scard
{
    /// <summary>The PN532 host interface a benchmark row runs over (reference iso7816-pn532.md §3.2).</summary>
    public enum Pn532BenchBus
    {
        /// <summary>I2C fast mode, 400 kHz (UM10204 §3.1; the PN532 supports it, UM0701-02 §6.2.4).</summary>
        I2c,

        /// <summary>SPI mode 0 at 5 MHz (the PN532's SPI maximum, UM0701-02 §6.2.5).</summary>
        Spi,

        /// <summary>HSU 8N1 at 115 200 bd, the rate after reset (UM0701-02 §6.2.3).</summary>
        Hsu,
    }
}
