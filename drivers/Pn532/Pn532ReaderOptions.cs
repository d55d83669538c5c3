namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>Settings of a <see cref="Pn532Reader"/>; the defaults follow the reference's §3.5 time-outs.</summary>
    public sealed class Pn532ReaderOptions
    {
        /// <summary>Presence poll period in microseconds; 0 runs no driver thread (the owner calls <see cref="Pn532Reader.Poll"/>).</summary>
        public long PollPeriodMicros = 500000;

        /// <summary>Bound on an ordinary command's response (libnfc's default command time-out, 350 ms).</summary>
        public long CommandTimeoutMicros = 350000;

        /// <summary>Bound on SAMConfiguration right after wake-up (libnfc: 1000 ms).</summary>
        public long WakeUpTimeoutMicros = 1000000;

        /// <summary>
        /// Bound on InDataExchange: FWT with WTX may reach 4 949 ms for FWI 14 (ISO 14443-4 §7.2), ifdnfc uses 5 s.
        /// </summary>
        public long ExchangeTimeoutMicros = 5000000;

        /// <summary>
        /// MxRtyPassiveActivation of RFConfiguration item 5: InListPassiveTarget tries this many more
        /// times and then answers "no target" (0xFF, the chip default, would block until a card comes).
        /// </summary>
        public int PassiveActivationRetries = 2;

        public string ReaderName = "PN532";

        /// <summary>
        /// When no 106 kbps type A target answers, polling lists ISO 14443 type B (InListPassiveTarget BrTy 03,
        /// reference iso7816-pn532.md §3.3) before concluding the field is empty.
        /// </summary>
        public bool PollTypeB = true;
    }
}
