namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// One attempt at an APDU: the decision table of ISO/IEC 7816-3 §11.6 for every block the card
    /// sends (chaining, acknowledgements, S-block requests, error recovery).
    /// </summary>
    public sealed partial class T1Protocol
    {
        private byte[] _command;
        private int _commandEnd;

        /// <summary>The command bytes of our current I-block.</summary>
        private int _chunkOffset;
        private int _chunkLength;

        /// <summary>True from sending an I-block until the card acknowledges it (R-block or its own I-block).</summary>
        private bool _awaitingAcknowledgement;

        /// <summary>The card sent S(ABORT request): our chain stops and its partial response is dropped (§11.6.3 rule 9).</summary>
        private bool _aborted;

        private byte[] _response;
        private int _responseOffset;
        private int _responseCapacity;

        /// <summary>Response bytes the card sent so far (may exceed the capacity: the rest is not stored).</summary>
        private int _responseCount;

        /// <summary>Consecutive failed attempts at the current block (§11.6.3 rule 7.4.2).</summary>
        private int _retransmissions;

        private void BeginApdu(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity)
        {
            _command = command;
            _commandEnd = commandOffset + commandLength;
            _chunkOffset = commandOffset;
            _chunkLength = 0;
            _awaitingAcknowledgement = false;
            _aborted = false;
            _response = response;
            _responseOffset = responseOffset;
            _responseCapacity = responseCapacity;
            _responseCount = 0;
            _retransmissions = 0;
        }

        /// <summary>
        /// Sends the command and collects the response. DeviceProtocolError means the block recovery
        /// is exhausted and the caller resynchronises. Every block the card sends is one step; the
        /// steps are bounded by what the longest command and response need, each tried
        /// MaxRetransmissions + 1 times, plus as many S-block requests.
        /// </summary>
        private SmartcardStatus Exchange()
        {
            int stepLimit = (_commandEnd - _chunkOffset + MaxResponseLength) * (MaxRetransmissions + 2);
            SmartcardStatus status = SendNextIBlock();
            for (int step = 0; step < stepLimit && status == MoreProcessingRequired; step++)
            {
                status = ReceiveBlock();
                if (status == MoreProcessingRequired)
                {
                    status = _receivedError == T1Pcb.ErrorFree ? OnValidBlock() : OnInvalidBlock(_receivedError);
                }
            }

            return status == MoreProcessingRequired ? SmartcardStatus.DeviceProtocolError : status;
        }

        /// <summary>True while command bytes remain after the current I-block (its M bit, chaining in §11.6).</summary>
        private bool IsChaining
        {
            get { return !_aborted && _chunkOffset + _chunkLength < _commandEnd; }
        }

        /// <summary>Next I-block of the command: at most IFSC bytes (§11.4.2).</summary>
        private SmartcardStatus SendNextIBlock()
        {
            _chunkOffset += _chunkLength;
            int remaining = _commandEnd - _chunkOffset;
            _chunkLength = remaining < _ifsc ? remaining : _ifsc;
            return SendIBlock();
        }

        private SmartcardStatus SendIBlock()
        {
            _awaitingAcknowledgement = true;
            return SendBlock(T1Pcb.ForIBlock(_sendSequence, IsChaining), _command, _chunkOffset, _chunkLength);
        }

        private SmartcardStatus SendRBlock(byte error)
        {
            return SendBlock(T1Pcb.ForRBlock(_receiveSequence, error), null, 0, 0);
        }

        /// <summary>
        /// An invalid block or a time-out: R-block with the expected N(R) and the error (rule 7.1, 7.3),
        /// or the same R-block again when our last block was one (rule 7.2); after
        /// MaxRetransmissions, resynchronisation (rule 7.4.2).
        /// </summary>
        private SmartcardStatus OnInvalidBlock(byte error)
        {
            if (++_retransmissions > MaxRetransmissions)
            {
                return SmartcardStatus.DeviceProtocolError;
            }

            _channel.DiscardInput();
            return _lastSentIsRBlock ? ResendBlock() : SendRBlock(error);
        }

        private SmartcardStatus OnValidBlock()
        {
            byte pcb = _receiveBlock[T1Block.PcbOffset];
            if (T1Pcb.IsIBlock(pcb))
            {
                return OnIBlock(pcb);
            }

            return T1Pcb.IsRBlock(pcb) ? OnRBlock(pcb) : OnSBlock(pcb);
        }

        /// <summary>
        /// The card's I-block: valid only with the expected N(S) and when we are not chaining; it
        /// acknowledges our last I-block. Chained ones are acknowledged with R(N(R)) (chaining, §11.6).
        /// </summary>
        private SmartcardStatus OnIBlock(byte pcb)
        {
            if ((_awaitingAcknowledgement && IsChaining) || T1Pcb.Sequence(pcb) != _receiveSequence)
            {
                return OnInvalidBlock(T1Pcb.OtherError);
            }

            if (_awaitingAcknowledgement)
            {
                _sendSequence ^= 1;
                _awaitingAcknowledgement = false;
            }

            _receiveSequence ^= 1;
            _retransmissions = 0;
            StoreResponse();
            if (T1Pcb.HasMoreData(pcb))
            {
                return SendRBlock(T1Pcb.ErrorFree);
            }

            // The chain was read to its end even when it overflowed, so the card stays in step.
            return _responseCount > _responseCapacity ? SmartcardStatus.BufferTooSmall : SmartcardStatus.Success;
        }

        /// <summary>Copies the INF that still fits; counts all of it.</summary>
        private void StoreResponse()
        {
            int length = T1Block.InfLength(_receiveBlock);
            for (int i = 0; i < length; i++)
            {
                int index = _responseCount + i;
                if (index < _responseCapacity)
                {
                    _response[_responseOffset + index] = _receiveBlock[T1Block.InfOffset + i];
                }
            }

            _responseCount += length;
        }

        /// <summary>
        /// The card's R-block: with N(R) past our chained I-block it acknowledges it (send the next);
        /// with N(R) equal to its N(S) it asks for that I-block again; otherwise it asks for our last
        /// block again (a lost R-block or S-response). After an abort it hands the turn back.
        /// </summary>
        private SmartcardStatus OnRBlock(byte pcb)
        {
            int nr = T1Pcb.Sequence(pcb);
            if (_aborted)
            {
                _sendSequence = nr;
                return SmartcardStatus.Cancelled;
            }

            if (_awaitingAcknowledgement && IsChaining && nr != _sendSequence)
            {
                _sendSequence ^= 1;
                _retransmissions = 0;
                return SendNextIBlock();
            }

            if (++_retransmissions > MaxRetransmissions)
            {
                return SmartcardStatus.DeviceProtocolError;
            }

            return _awaitingAcknowledgement && nr == _sendSequence ? SendIBlock() : ResendBlock();
        }

        /// <summary>
        /// The card's S-block request, answered with the response of the same type and INF:
        /// IFS sets IFSC (§11.4.2), WTX multiplies the next BWT (rule 3), ABORT ends our chain
        /// (rule 9). Responses we did not ask for, and RESYNCH which only the interface device may
        /// request (rule 6), are invalid blocks.
        /// </summary>
        private SmartcardStatus OnSBlock(byte pcb)
        {
            byte value = _receiveBlock[T1Block.InfOffset];
            switch (pcb)
            {
                case T1Pcb.IfsRequest:
                    _ifsc = value;
                    break;
                case T1Pcb.WtxRequest:
                    _wtxMultiplier = value;
                    break;
                case T1Pcb.AbortRequest:
                    _aborted = true;
                    _responseCount = 0;
                    break;
                default:
                    return OnInvalidBlock(T1Pcb.OtherError);
            }

            _retransmissions = 0;
            return SendBlock((byte)(pcb | T1Pcb.Response), _receiveBlock, T1Block.InfOffset, T1Block.InfLength(_receiveBlock));
        }
    }
}
