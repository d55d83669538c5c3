namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// InCommunicateThru (UM0701-02 §7.3.9, reference iso7816-pn532.md §3.3): a raw frame to the current
    /// target, the chip adding and checking the CRC only; the answer is Status and the card's raw bytes. A target
    /// that does not answer gives 01 once the communication time-out of RFConfiguration item 02 has run out.
    /// MIFARE Classic and Ultralight take their commands in the InDataExchange form; their 4-bit ACK/NAK and the
    /// CRC-less nonce of a MIFARE AUTH fail the CRC check (status 02, no data: reference §3.3, the CRC quirk; the
    /// Crypto1 authentication needs InDataExchange). An ISO 14443-4 target takes raw blocks without CID or NAD
    /// (ISO/IEC 14443-4 §7.1): an R(NAK) (B2/B3) is answered by an R(ACK) with the card's block number, an
    /// unchained I-block carries an APDU (the card toggles its block number first, ISO/IEC 14443-4 §7.5.4.2
    /// rule D); any other block is ignored by the card, so the chip times out.
    /// </summary>
    public sealed partial class VirtualPn532
    {
        /// <summary>RFConfiguration item 02, third byte, at power-on: 0x0A = 51.2 ms (reference §3.3).</summary>
        public const byte DefaultCommunicationTimeout = 0x0A;

        private const byte StatusCrcError = 0x02;
        private const byte StatusRfBufferOverflow = 0x09;
        private const byte NoTimeout = 0x00;
        private const long TimeoutUnitMicros = 100;

        // ISO/IEC 14443-4 §7.1.1.1: PCB of blocks without CID, NAD or chaining; b1 is the block number.
        private const byte PcbBlockNumber = 0x01;
        private const byte PcbIBlock = 0x02;
        private const byte PcbRNak = 0xB2;
        private const byte PcbRAck = 0xA2;

        private byte _communicationTimeout = DefaultCommunicationTimeout;
        private byte _piccBlockNumber;

        /// <summary>The communication time-out: code n means 100 µs · 2^(n−1) (reference §3.3), 0 none.</summary>
        public static long CommunicationTimeoutMicros(byte code)
        {
            return code == NoTimeout ? 0 : TimeoutUnitMicros << (code - 1);
        }

        /// <summary>DataOut: the raw frame (at least one byte).</summary>
        private void InCommunicateThru(byte[] parameters, int count)
        {
            if (count < 1)
            {
                RespondSyntaxError();
                return;
            }

            if (_target == null || !_targetSelected)
            {
                RespondStatus(StatusWrongContext, 0);
                return;
            }

            // The raw exchange takes the card-answer buffer: what an InDataExchange still had to deliver is dropped.
            _cardAnswerLength = 0;
            _cardAnswerSent = 0;
            long airMicros = count * RfByteMicros;
            if (_target != _fieldCard)
            {
                RespondSilence(airMicros);
                return;
            }

            if (_targetIso14443_4)
            {
                ExchangeBlock(parameters, count, airMicros);
                return;
            }

            ExchangeRaw(parameters, count, airMicros);
        }

        /// <summary>A MIFARE / Ultralight command as the card takes it in InDataExchange.</summary>
        private void ExchangeRaw(byte[] parameters, int count, long airMicros)
        {
            bool auth = parameters[0] == MifareClassicCard.CommandAuthKeyA || parameters[0] == MifareClassicCard.CommandAuthKeyB;
            if (auth && _target is MifareClassicCard)
            {
                RespondStatus(StatusCrcError, airMicros);
                return;
            }

            int length;
            RfAnswer answer = TransceiveTarget(parameters, 0, count, 0, out length);
            if (answer == RfAnswer.Data)
            {
                RespondRaw(_cardAnswer, 0, length, airMicros);
            }
            else if (answer == RfAnswer.Silent)
            {
                RespondSilence(airMicros);
            }
            else
            {
                RespondStatus(StatusCrcError, airMicros);
            }
        }

        /// <summary>An ISO 14443-4 block: R(NAK) and unchained I-blocks are answered, anything else is ignored.</summary>
        private void ExchangeBlock(byte[] parameters, int count, long airMicros)
        {
            byte pcb = parameters[0];
            byte type = (byte)(pcb & ~PcbBlockNumber);
            if (type == PcbRNak && count == 1)
            {
                _cardAnswer[0] = (byte)(PcbRAck | _piccBlockNumber);
                RespondRaw(_cardAnswer, 0, 1, airMicros);
                return;
            }

            if (type != PcbIBlock)
            {
                RespondSilence(airMicros);
                return;
            }

            ToggleBlockNumber();
            _cardAnswer[0] = (byte)(PcbIBlock | _piccBlockNumber);
            int length;
            if (TransceiveTarget(parameters, 1, count - 1, 1, out length) == RfAnswer.Silent)
            {
                RespondSilence(airMicros);
                return;
            }

            RespondRaw(_cardAnswer, 0, 1 + length, airMicros);
        }

        /// <summary>Status 00 and the card's bytes; more than one response frame carries overflows the chip's buffer (09).</summary>
        private void RespondRaw(byte[] data, int offset, int count, long airMicros)
        {
            long answerMicros = airMicros + count * RfByteMicros;
            if (count > MaxDataIn)
            {
                RespondStatus(StatusRfBufferOverflow, answerMicros);
                return;
            }

            _answer[0] = StatusOk;
            Append(data, offset, count, 1);
            Respond(_answer, 1 + count, CommandMicros + answerMicros);
        }

        /// <summary>Status 01 after the communication time-out; with no time-out the chip waits until the host aborts.</summary>
        private void RespondSilence(long airMicros)
        {
            if (_communicationTimeout == NoTimeout)
            {
                return;
            }

            RespondStatus(StatusTimeout, airMicros + CommunicationTimeoutMicros(_communicationTimeout));
        }

        /// <summary>A new ISO 14443-4 session starts with the PICC block number 1 (ISO/IEC 14443-4 §7.5.3.2).</summary>
        private void StartBlockNumbering()
        {
            _piccBlockNumber = PcbBlockNumber;
        }

        /// <summary>Each APDU the chip exchanges is one I-block each way: the card toggles its block number (rule D).</summary>
        private void ToggleBlockNumber()
        {
            _piccBlockNumber ^= PcbBlockNumber;
        }
    }
}
