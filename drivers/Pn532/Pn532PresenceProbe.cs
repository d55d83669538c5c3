namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// How the reader checks that a powered card is still in the field without disturbing it (reference
    /// iso7816-pn532.md §3.3 Diagnose, §5.1, §5.3, §6.2): an ISO 14443-4 target (type A or B) gets the chip's
    /// R(NAK) probe, Diagnose NumTst 06; an Ultralight a READ of page 0; a MIFARE Classic inside an
    /// authenticated session a READ of that sector's trailer, which stays inside the Crypto1 session; any
    /// other storage card a re-selection by its NFCID1, harmless without a session. Preallocated.
    /// </summary>
    public sealed class Pn532PresenceProbe
    {
        /// <summary>Probe kinds.</summary>
        public const int Diagnose = 0;
        public const int Read = 1;
        public const int Reselect = 2;

        /// <summary>Probe outcomes: the card answered, it did not (the chip reported an error), or the link failed and nothing is known.</summary>
        public const int Present = 0;
        public const int Absent = 1;
        public const int Unknown = 2;

        /// <summary>Diagnose NumTst 06: "Attention Request Test or ISO/IEC 14443-4 card presence detection" (reference §3.3).</summary>
        public const byte NumTstPresenceDetection = 0x06;

        public const int DiagnoseLength = 1;

        /// <summary>
        /// Host wait for the Diagnose 06 answer beyond the card's FWT: libnfc allows 1000 ms, as a PN533 needed
        /// a few hundred ms more to report a card that left (reference §3.5).
        /// </summary>
        public const long DiagnoseMarginMicros = 1000000;

        /// <summary>MIFARE READ (30, block) as InDataExchange carries it (reference §3.3).</summary>
        public const byte MifareRead = 0x30;
        public const int ReadCommandLength = 2;

        /// <summary>Ultralight page 0 (serial number), readable on every Ultralight (MF0ICU1 memory organisation).</summary>
        public const int UltralightFirstPage = 0;

        readonly byte[] readCommand = new byte[ReadCommandLength];

        /// <summary>The block a <see cref="Read"/> probe reads.</summary>
        public int Block { get; private set; }

        /// <summary>
        /// The probe for <paramref name="target"/>, powered by the library; <paramref name="trailerBlock"/>
        /// is the trailer of the sector a MIFARE Classic session authenticated, or -1 without a session.
        /// </summary>
        public int Choose(Pn532ReaderTarget target, int trailerBlock)
        {
            if (target.IsIso14443_4)
            {
                return Diagnose;
            }

            if (trailerBlock >= 0)
            {
                Block = trailerBlock;
                return Read;
            }

            if (target.SelRes == PseudoAtr.SakUltralight)
            {
                Block = UltralightFirstPage;
                return Read;
            }

            return Reselect;
        }

        /// <summary>The Diagnose parameters (NumTst 06) at <paramref name="offset"/>.</summary>
        public void WriteDiagnose(byte[] parameters, int offset)
        {
            parameters[offset] = NumTstPresenceDetection;
        }

        /// <summary>The MIFARE READ of <paramref name="block"/>, in a preallocated buffer.</summary>
        public byte[] ReadCommand(int block)
        {
            readCommand[0] = MifareRead;
            readCommand[1] = (byte)block;
            return readCommand;
        }

        /// <summary>The host's bound on a Diagnose 06 answer: the target's FWT plus <see cref="DiagnoseMarginMicros"/>.</summary>
        public static long DiagnoseTimeoutMicros(int frameWaitingIndex)
        {
            return Pn532ExchangeTimeout.FrameWaitingTimeMicros(frameWaitingIndex) + DiagnoseMarginMicros;
        }
    }
}
