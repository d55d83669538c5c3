namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// How long the host waits for the chip's answer to one InDataExchange (after its ACK). For an
    /// ISO 14443-4 target the chip runs the block protocol itself and answers S(WTX) for the host
    /// (reference §5.2), so the host must outwait the frame waiting time FWT announced by the card's FWI,
    /// stretched by the largest waiting time extension, plus the time the frames themselves take on the
    /// air. A MIFARE or Ultralight target has no FWI: the chip gives up on it after its own
    /// communication time-out (RFConfiguration item 0x02) and answers status 0x01. Either value is kept
    /// between a floor (an ordinary command's bound, which also covers the longest frame on the slowest
    /// host bus) and a ceiling (ifdnfc's 5 s, the FWT of FWI 14, reference §3.5).
    /// </summary>
    public static class Pn532ExchangeTimeout
    {
        /// <summary>Carrier frequency fc = 13.56 MHz (ISO 14443-2 §6.1).</summary>
        public const long CarrierHz = 13560000;

        /// <summary>FWT = 256 · 16 · 2^FWI / fc (ISO 14443-4 §7.2, reference §5.1): 4096 carrier cycles at FWI 0.</summary>
        public const long FrameWaitingCyclesAtFwi0 = 256 * 16;

        /// <summary>Largest FWI (ISO 14443-4 §7.2: 0..14, FWT 4 949 ms).</summary>
        public const int MaxFrameWaitingIndex = 14;

        /// <summary>ISO 14443-4 §5.2.5: the RFU value FWI = 15 is taken as the default FWI 4.</summary>
        public const int DefaultFrameWaitingIndex = 4;

        /// <summary>
        /// WTXM, the multiplier a card asks for in S(WTX), is 1..59 (ISO 14443-4 §7.3, reference §5.1): the
        /// longest a block may take is FWT × 59.
        /// </summary>
        public const int MaxWaitingTimeExtension = 59;

        /// <summary>
        /// One byte on the air at 106 kbit/s: 8 data bits and the parity bit, one etu = 128 / fc = 9.44 µs each
        /// (ISO 14443-2 §8.1.1, ISO 14443-3 §6.1), rounded up.
        /// </summary>
        public const long AirByteMicros = 85;

        /// <summary>The most DataIn one InDataExchange answer carries (reference §3.3: 0 up to 262 bytes).</summary>
        public const int MaxDataIn = 262;

        /// <summary>
        /// The chip's communication time-out for MIFARE targets and InCommunicateThru: RFConfiguration item
        /// 0x02, third byte, power-on default 0x0A = 100 µs · 2^(10 − 1) = 51.2 ms (reference §3.3). The
        /// driver leaves it at the default.
        /// </summary>
        public const long CommunicationTimeoutMicros = 51200;

        private const long MicrosPerSecond = 1000000;

        /// <summary>FWT in microseconds for <paramref name="frameWaitingIndex"/> (FWI 15 read as 4), rounded up.</summary>
        public static long FrameWaitingTimeMicros(int frameWaitingIndex)
        {
            int fwi = frameWaitingIndex > MaxFrameWaitingIndex || frameWaitingIndex < 0 ? DefaultFrameWaitingIndex : frameWaitingIndex;
            long cycles = FrameWaitingCyclesAtFwi0 << fwi;
            return (cycles * MicrosPerSecond + CarrierHz - 1) / CarrierHz;
        }

        /// <summary>
        /// The response wait for an InDataExchange carrying <paramref name="dataOutLength"/> bytes to a target
        /// with <paramref name="frameWaitingIndex"/> (<see cref="Pn532ReaderTarget.NoFrameWaitingIndex"/>
        /// for MIFARE/Ultralight): FWT × <see cref="MaxWaitingTimeExtension"/> (or the chip's communication
        /// time-out) plus the air time of the command and of the longest answer, kept within
        /// [<paramref name="floorMicros"/>, <paramref name="ceilingMicros"/>].
        /// </summary>
        public static long ForExchange(int frameWaitingIndex, int dataOutLength, long floorMicros, long ceilingMicros)
        {
            long cardMicros = frameWaitingIndex == Pn532ReaderTarget.NoFrameWaitingIndex
                ? CommunicationTimeoutMicros
                : FrameWaitingTimeMicros(frameWaitingIndex) * MaxWaitingTimeExtension;
            long airMicros = (dataOutLength + MaxDataIn) * AirByteMicros;
            long wait = cardMicros + airMicros;
            if (wait < floorMicros)
            {
                wait = floorMicros;
            }

            return wait > ceilingMicros ? ceilingMicros : wait;
        }
    }
}
