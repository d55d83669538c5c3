namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>How the card's RST contact is driven (the rst= option of a uart-card spec).</summary>
    public enum ResetWiring
    {
        /// <summary>No RST wire: the in-band FF FF reset of docs/architecture.md (the card simulator only).</summary>
        InBand = 0,
        /// <summary>The UART's nRTS pin (low while RTS is asserted).</summary>
        Rts = 1,
        /// <summary>The UART's RTS through an inverting buffer or an RS-232 level shifter.</summary>
        RtsInverted = 2,
        /// <summary>A GPIO line.</summary>
        Gpio = 3,
    }
}
