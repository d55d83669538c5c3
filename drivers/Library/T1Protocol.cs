namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// The ISO/IEC 7816-3 §11 block transmission protocol T=1, interface-device side: one APDU per
    /// <see cref="Transmit"/>, chained at IFSC towards the card and at IFSD from it, with the
    /// error-recovery rules of §11.6.3. All buffers are allocated by the constructor.
    /// </summary>
    public sealed class T1Protocol
    {
        public T1Protocol()
        {
        }

        /// <summary>
        /// Starts T=1 after protocol selection: resets the sequence numbers, takes IFSC and the EDC
        /// from the ATR and announces <paramref name="ifsd"/> with S(IFS request).
        /// </summary>
        public SmartcardStatus Start(ICardChannel channel, CardTiming timing, Atr atr, int ifsd)
        {
            return SmartcardStatus.NotSupported;
        }

        /// <summary>Exchanges one command APDU for its response APDU.</summary>
        public SmartcardStatus Transmit(ICardChannel channel, CardTiming timing, byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            return SmartcardStatus.NotSupported;
        }
    }
}
