namespace EmbeddedSmartCard.Drivers
{
    /// <summary>Sending and receiving whole T=1 blocks over the channel, with BWT, WTX and CWT (§11.4.3).</summary>
    public sealed partial class T1Protocol
    {
        /// <summary>R-block error code of the last block received (ErrorFree when it is valid).</summary>
        private byte _receivedError;

        /// <summary>Builds a block in the send buffer and sends it; MoreProcessingRequired when sent.</summary>
        private SmartcardStatus SendBlock(byte pcb, byte[] inf, int infOffset, int infLength)
        {
            _sendLength = T1Block.Write(_sendBlock, Nad, pcb, inf, infOffset, infLength, _useCrc);
            _lastSentIsRBlock = T1Pcb.IsRBlock(pcb);
            return ResendBlock();
        }

        /// <summary>Sends the last block again, unchanged.</summary>
        private SmartcardStatus ResendBlock()
        {
            SmartcardStatus status = _channel.Send(_sendBlock, 0, _sendLength);
            return status == SmartcardStatus.Success ? MoreProcessingRequired : status;
        }

        /// <summary>
        /// Receives one block: the first character within BWT (times a pending WTX multiplier),
        /// each next one within CWT. A time-out, a parity error or a block that fails
        /// <see cref="T1Block.Check"/> sets <see cref="_receivedError"/> (§11.6.3 rules 7.1, 7.3) and
        /// still returns MoreProcessingRequired; NoMedia or a device failure is returned as is.
        /// </summary>
        private SmartcardStatus ReceiveBlock()
        {
            int received;
            int cwt = _timing.CharacterWaitingTimeMicros;
            SmartcardStatus status = _channel.Receive(_receiveBlock, 0, T1Block.PrologueLength, TakeBlockWaitingTime(), cwt, out received);
            _receiveLength = received;
            if (!IsLineOutcome(status))
            {
                return status;
            }

            bool parityError = status == SmartcardStatus.ParityError;
            if (status == SmartcardStatus.IoTimeout || _receiveBlock[T1Block.LenOffset] == T1Block.ReservedLen)
            {
                return RejectBlock(status);
            }

            int remaining = T1Block.InfLength(_receiveBlock) + Edc.Length(_useCrc);
            status = _channel.Receive(_receiveBlock, T1Block.PrologueLength, remaining, cwt, cwt, out received);
            _receiveLength += received;
            if (!IsLineOutcome(status))
            {
                return status;
            }

            if (parityError || status == SmartcardStatus.ParityError)
            {
                _receivedError = T1Pcb.EdcError;
            }
            else if (status == SmartcardStatus.IoTimeout)
            {
                _receivedError = T1Pcb.OtherError;
            }
            else
            {
                _receivedError = T1Block.Check(_receiveBlock, _receiveLength, _useCrc, Nad);
            }

            return MoreProcessingRequired;
        }

        /// <summary>
        /// A block that cannot be read to its end (time-out, or LEN = FF so its end is unknown):
        /// waits until the card has been silent for CWT so the answer does not collide with the rest.
        /// </summary>
        private SmartcardStatus RejectBlock(SmartcardStatus prologueStatus)
        {
            _receivedError = T1Pcb.OtherError;
            if (prologueStatus == SmartcardStatus.IoTimeout)
            {
                return MoreProcessingRequired;
            }

            int cwt = _timing.CharacterWaitingTimeMicros;
            int received;
            SmartcardStatus status = _channel.Receive(_receiveBlock, T1Block.PrologueLength, T1Block.MaxLength - T1Block.PrologueLength, cwt, cwt, out received);
            return IsLineOutcome(status) ? MoreProcessingRequired : status;
        }

        /// <summary>Outcomes of a reception the protocol recovers from; anything else (NoMedia, device failure) ends the call.</summary>
        private static bool IsLineOutcome(SmartcardStatus status)
        {
            return status == SmartcardStatus.Success || status == SmartcardStatus.IoTimeout || status == SmartcardStatus.ParityError;
        }

        /// <summary>BWT, multiplied by the WTX the card asked for; the multiplier applies to this wait only (§11.6.3 rule 3).</summary>
        private int TakeBlockWaitingTime()
        {
            long bwt = (long)_timing.BlockWaitingTimeMicros * _wtxMultiplier;
            _wtxMultiplier = 1;
            return bwt > int.MaxValue ? int.MaxValue : (int)bwt;
        }
    }
}
