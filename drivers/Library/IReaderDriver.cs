namespace EmbeddedSmartCard.Drivers
{
    /// <summary>Raised by a reader driver when a card arrives or leaves (card-detect pin, poll).</summary>
    public delegate void CardPresenceHandler(IReaderDriver driver, bool present);

    /// <summary>
    /// The callbacks of a reader driver (smclib's RDF_* table). The driver library calls exactly
    /// one of them at a time per reader, after checking parameters and state; the driver only
    /// moves bytes and drives the hardware.
    /// </summary>
    public interface IReaderDriver
    {
        ReaderCapabilities Capabilities { get; }

        /// <summary>Opens and initialises the hardware. NoSuchDevice or IoDeviceError when it is missing or broken.</summary>
        SmartcardStatus Open();

        /// <summary>Deactivates any card and releases the hardware.</summary>
        void Close();

        /// <summary>Current card presence (debounced), read without disturbing the card.</summary>
        bool IsCardPresent();

        /// <summary>Card arrival or removal; may be raised from a HAL thread.</summary>
        event CardPresenceHandler PresenceChanged;

        /// <summary>
        /// RDF_CARD_POWER. Cold or warm reset: activates the card and stores its ATR (logical bytes,
        /// TS first) in <paramref name="atrBuffer"/> (33 bytes at least). PowerDown: deactivates.
        /// </summary>
        SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength);

        /// <summary>
        /// Character-level access for contact readers (the library runs PPS, T=0 and T=1 over it);
        /// null for readers that exchange whole APDUs themselves (contactless front ends).
        /// </summary>
        ICardChannel Channel { get; }

        /// <summary>
        /// RDF_TRANSMIT for APDU-level readers (Channel == null): sends a command APDU and returns the
        /// response APDU. Character-level readers return NotSupported.
        /// </summary>
        SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength);

        /// <summary>RDF_IOCTL_VENDOR: a vendor IOCTL (function ≥ 2048) tunnelled from SCardControl. NotSupported when the driver has none.</summary>
        SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned);

        /// <summary>RDF_CARD_EJECT, RDF_READER_SWALLOW, RDF_CARD_CONFISCATE (the IOCTL code says which). NotSupported without the mechanics.</summary>
        SmartcardStatus Mechanical(int ioctl);
    }
}
