namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>
    /// The device at the far end of a <see cref="SimUartLine"/> (the card simulator). It is told of every
    /// character the host writes, at write time, with the character's start time on the wire and the
    /// host's baud rate, and answers by scheduling characters with <see cref="SimUartLine.Transmit"/>.
    /// </summary>
    public interface ISimUartPeer
    {
        /// <summary>
        /// One host character: <paramref name="data"/> is the 8 data bits as a direct-convention UART reads
        /// them (LSB first) and <paramref name="parityBit"/> the ninth bit (with no parity configured, that
        /// slot carries the first stop bit, 1).
        /// </summary>
        void OnCharacter(SimUartLine line, byte data, bool parityBit, long startMicros, int baudRate);
    }
}
