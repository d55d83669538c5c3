using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// Character-level access to a contact card, offered by a reader driver that moves bytes
    /// (the ISO 7816-3 UART reader). The library's ATR, PPS, T=0 and T=1 code runs over it; the
    /// driver hides the wire: convention (inverse done in software), echo removal on a
    /// single-wire line, guard time between characters, turnaround before sending.
    /// Bytes passed here are always logical (direct-convention) values.
    /// </summary>
    public interface ICardChannel
    {
        /// <summary>The clock every wait of the protocol engines goes through (virtual in the simulator).</summary>
        IClock Clock { get; }

        /// <summary>
        /// Applies F, D, clock, guard time and convention to the line (new baud rate and character
        /// spacing from the next character on). Called after the ATR, after PPS and on reset.
        /// </summary>
        SmartcardStatus ApplyTiming(CardTiming timing);

        /// <summary>
        /// Sends <paramref name="count"/> bytes. Waits first until the turnaround time of the applied
        /// timing has passed since the last character received, spaces characters by the guard time,
        /// and consumes the echo. NoMedia when the card is pulled.
        /// </summary>
        SmartcardStatus Send(byte[] buffer, int offset, int count);

        /// <summary>
        /// Receives exactly <paramref name="count"/> bytes: the first within <paramref name="firstCharTimeoutMicros"/>
        /// of the call, each next within <paramref name="nextCharTimeoutMicros"/> of the previous one.
        /// Returns Success; IoTimeout with <paramref name="received"/> &lt; count when the card fell silent;
        /// ParityError when every byte arrived but at least one had a parity error; NoMedia when the card was pulled.
        /// </summary>
        SmartcardStatus Receive(byte[] buffer, int offset, int count, int firstCharTimeoutMicros, int nextCharTimeoutMicros, out int received);

        /// <summary>Drops anything the card sent that was not read (before a retransmission or after a time-out).</summary>
        void DiscardInput();
    }
}
