namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// The ISO/IEC 7816-3 §11 block transmission protocol T=1, interface-device side: one APDU per
    /// <see cref="Transmit"/>, chained at IFSC towards the card and at the card's IFSD from it, with the
    /// error-recovery rules of §11.6.3. Timing is the channel's: BGT through the turnaround of the
    /// applied <see cref="CardTiming"/>, BWT and CWT as the time-outs of each reception.
    /// All buffers are allocated by the constructor; Start and Transmit allocate nothing.
    /// </summary>
    public sealed partial class T1Protocol
    {
        /// <summary>Longest command APDU: extended case 4, 4 + 3 + 65 535 + 2 bytes (ISO/IEC 7816-4 §5.1).</summary>
        public const int MaxCommandLength = 65544;

        /// <summary>Shortest command APDU: the header CLA INS P1 P2 (case 1).</summary>
        public const int MinCommandLength = 4;

        /// <summary>
        /// Repetitions of a block before resynchronising (§11.6.3 rule 7.4.2; libccid's retries = 3):
        /// the fourth consecutive failure sends S(RESYNCH request).
        /// </summary>
        public const int MaxRetransmissions = 3;

        /// <summary>S(RESYNCH request)s per APDU before giving up so the card is deactivated (§11.6.3 rule 6.4).</summary>
        public const int MaxResynchs = 3;

        /// <summary>Longest response APDU: 65 536 data bytes and SW1 SW2.</summary>
        private const int MaxResponseLength = 65538;

        /// <summary>NAD 00: no node addressing (§11.3.2); the card answers with the swapped value, also 00.</summary>
        private const byte Nad = 0x00;

        /// <summary>smclib's STATUS_MORE_PROCESSING_REQUIRED: the exchange goes on (pcsc.md §2.6).</summary>
        private const SmartcardStatus MoreProcessingRequired = (SmartcardStatus)unchecked((int)0xC0000016);

        private readonly byte[] _sendBlock = new byte[T1Block.MaxLength];
        private readonly byte[] _receiveBlock = new byte[T1Block.MaxLength];
        private readonly byte[] _sBlockInf = new byte[1];

        private ICardChannel _channel;
        private CardTiming _timing;
        private int _sendLength;
        private int _receiveLength;
        private bool _lastSentIsRBlock;

        /// <summary>N(S) of the next I-block the interface device sends (§11.6; 0 after the ATR and after a resynchronisation).</summary>
        private int _sendSequence;

        /// <summary>N(S) expected in the card's next I-block.</summary>
        private int _receiveSequence;

        private int _atrIfsc = Atr.DefaultIfsc;
        private int _ifsc = Atr.DefaultIfsc;
        private bool _useCrc;

        /// <summary>BWT multiplier granted by the card's last S(WTX request), for the next wait only (§11.6.3 rule 3).</summary>
        private int _wtxMultiplier = 1;

        public T1Protocol()
        {
        }

        /// <summary>The card's current information field size (from the ATR, then its S(IFS request)s).</summary>
        public int Ifsc
        {
            get { return _ifsc; }
        }

        /// <summary>
        /// When true, <see cref="Start"/> does not send S(IFS request): smclib's SUPRESS_T1_IFS_REQUEST
        /// for cards that mishandle it (pcsc.md §2.6). The card then keeps IFSD = 32 (§11.4.2).
        /// </summary>
        public bool SuppressIfsRequest { get; set; }

        /// <summary>
        /// Starts T=1 after protocol selection: resets the sequence numbers (§11.6.3 rule 1), takes IFSC
        /// and the EDC from the ATR (TA3, TC3 b1) and announces <paramref name="ifsd"/> with
        /// S(IFS request). A card that answers with an R-block is tolerated, as smclib does (pcsc.md §2.6):
        /// it keeps IFSD 32, which this side accepts anyway. DeviceProtocolError when no valid answer
        /// comes after the retransmissions.
        /// </summary>
        public SmartcardStatus Start(ICardChannel channel, CardTiming timing, Atr atr, int ifsd)
        {
            if (channel == null || timing == null || atr == null || !T1Block.IsValidIfs(ifsd))
            {
                return SmartcardStatus.InvalidParameter;
            }

            _channel = channel;
            _timing = timing;
            _atrIfsc = T1Block.IsValidIfs(atr.Ifsc) ? atr.Ifsc : Atr.DefaultIfsc;
            _useCrc = atr.UsesCrc;
            ResetLink();
            return SuppressIfsRequest ? SmartcardStatus.Success : NegotiateIfsd(ifsd);
        }

        /// <summary>
        /// Exchanges one command APDU (4 to 65 544 bytes) for its response. Returns Success;
        /// BufferTooSmall when the response does not fit (<paramref name="responseLength"/> is then the
        /// length the card sent); NoMedia at once when the card is pulled; DeviceProtocolError when
        /// three resynchronisations did not help, so the caller deactivates the card; Cancelled when
        /// the card aborted the chain (S(ABORT)) and handed the turn back.
        /// </summary>
        public SmartcardStatus Transmit(ICardChannel channel, CardTiming timing, byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            if (channel == null || timing == null
                || !IsRange(command, commandOffset, commandLength) || commandLength < MinCommandLength || commandLength > MaxCommandLength
                || !IsRange(response, responseOffset, responseCapacity))
            {
                return SmartcardStatus.InvalidParameter;
            }

            _channel = channel;
            _timing = timing;
            BeginApdu(command, commandOffset, commandLength, response, responseOffset, responseCapacity);
            SmartcardStatus status = Exchange();
            int resynchs = 0;
            while (status == SmartcardStatus.DeviceProtocolError && resynchs < MaxResynchs)
            {
                resynchs++;
                status = Resynchronise();
                if (status == SmartcardStatus.Success)
                {
                    // §11.6.3 rule 6.3: after S(RESYNCH response) the APDU starts over.
                    BeginApdu(command, commandOffset, commandLength, response, responseOffset, responseCapacity);
                    status = Exchange();
                }
            }

            if (status == SmartcardStatus.Success || status == SmartcardStatus.BufferTooSmall)
            {
                responseLength = _responseCount;
            }

            return status;
        }

        private static bool IsRange(byte[] buffer, int offset, int count)
        {
            return buffer != null && offset >= 0 && count >= 0 && offset <= buffer.Length && count <= buffer.Length - offset;
        }

        /// <summary>Sequence numbers to 0, IFSC back to the ATR's, no pending WTX: the state after the ATR or a resynchronisation.</summary>
        private void ResetLink()
        {
            _sendSequence = 0;
            _receiveSequence = 0;
            _ifsc = _atrIfsc;
            _wtxMultiplier = 1;
        }

        /// <summary>S(IFS request) with IFSD, repeated after an invalid answer or a time-out, at most MaxRetransmissions times (§11.6.3 rules 7.3, 7.4.2).</summary>
        private SmartcardStatus NegotiateIfsd(int ifsd)
        {
            _sBlockInf[0] = (byte)ifsd;
            for (int attempt = 0; attempt <= MaxRetransmissions; attempt++)
            {
                SmartcardStatus status = ExchangeSBlock(T1Pcb.IfsRequest, 1);
                if (status != MoreProcessingRequired)
                {
                    return status;
                }

                bool echoed = IsValidResponseTo(T1Pcb.IfsRequest) && _receiveBlock[T1Block.InfOffset] == ifsd;
                bool refused = _receivedError == T1Pcb.ErrorFree && T1Pcb.IsRBlock(_receiveBlock[T1Block.PcbOffset]);
                if (echoed || refused)
                {
                    return SmartcardStatus.Success;
                }
            }

            return SmartcardStatus.DeviceProtocolError;
        }

        /// <summary>
        /// One S(RESYNCH request) (§11.6.3 rule 6): Success with the link reset when the card answers
        /// S(RESYNCH response), DeviceProtocolError when it does not.
        /// </summary>
        private SmartcardStatus Resynchronise()
        {
            SmartcardStatus status = ExchangeSBlock(T1Pcb.ResynchRequest, 0);
            if (status != MoreProcessingRequired)
            {
                return status;
            }

            if (!IsValidResponseTo(T1Pcb.ResynchRequest))
            {
                return SmartcardStatus.DeviceProtocolError;
            }

            ResetLink();
            return SmartcardStatus.Success;
        }

        /// <summary>
        /// Sends an S-block request carrying <paramref name="infLength"/> bytes of the S-block INF
        /// buffer and receives the answer: MoreProcessingRequired when a block (valid or not) came,
        /// otherwise the channel failure.
        /// </summary>
        private SmartcardStatus ExchangeSBlock(byte request, int infLength)
        {
            _channel.DiscardInput();
            SmartcardStatus status = SendBlock(request, _sBlockInf, 0, infLength);
            if (status != MoreProcessingRequired)
            {
                return status;
            }

            return ReceiveBlock();
        }

        private bool IsValidResponseTo(byte request)
        {
            return _receivedError == T1Pcb.ErrorFree && _receiveBlock[T1Block.PcbOffset] == (byte)(request | T1Pcb.Response);
        }
    }
}
