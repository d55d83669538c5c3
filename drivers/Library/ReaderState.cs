namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// The reader state ladder of smclib (winsmcrd.h values). The order matters: the library
    /// compares states with &lt; and &gt; (a card is usable for TRANSMIT only at Specific).
    /// </summary>
    public enum ReaderState
    {
        Unknown = 0,
        Absent = 1,
        Present = 2,
        Swallowed = 3,
        Powered = 4,
        Negotiable = 5,
        Specific = 6,
    }

    /// <summary>The minor code of IOCTL_SMARTCARD_POWER (SCARD_POWER_DOWN, SCARD_COLD_RESET, SCARD_WARM_RESET).</summary>
    public enum PowerAction
    {
        PowerDown = 0,
        ColdReset = 1,
        WarmReset = 2,
    }
}
