namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>
    /// The device at the far end of a <see cref="SimSpiDevice"/>. It sees each chip-select assertion whole,
    /// with the bytes in its own bit order (see <see cref="ShiftsLsbFirst"/>).
    /// </summary>
    public interface ISimSpiPeer
    {
        /// <summary>True for a device that shifts the least significant bit first (the PN532: reference iso7816-pn532.md §3.2, SPI).</summary>
        bool ShiftsLsbFirst { get; }

        /// <summary>
        /// One transaction under chip select: <paramref name="mosi"/> holds what the host clocked out, and the
        /// peer writes into <paramref name="miso"/> what it shifted out at the same time, byte for byte.
        /// </summary>
        void OnTransfer(SimSpiDevice device, byte[] mosi, int mosiOffset, byte[] miso, int misoOffset, int count);
    }
}
