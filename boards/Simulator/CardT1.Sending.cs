using EmbeddedSmartCard.Drivers;
namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>The blocks the card sends: R-blocks, S-blocks, response I-blocks, retransmission, and the block-level faults on the way out.</summary>
    internal sealed partial class CardT1
    {
        /// <summary>The next I-block of the response, at most IFSD long, with M set while more follows.</summary>
        private void SendNextResponseBlock(long at)
        {
            int remaining = _responseLength - _responseSent;
            int chunk = remaining < _ifsd ? remaining : _ifsd;
            bool more = remaining > chunk;
            int pcb = (_cardSequence << 6) | (more ? PcbMore : 0);
            _lastIBlockSequence = _cardSequence;
            _cardSequence ^= 1;
            SendBlock(pcb, _response, _responseSent, chunk, at);
            _responseSent += chunk;
            _awaitingChainAck = more;
        }

        /// <summary>R-block asking for the I-block with the N(S) the card expects, with the error code given.</summary>
        private void SendRBlock(int error)
        {
            SendBlock(PcbRBlock | (_hostSequence << 4) | error, null, 0, 0, ReplyTime());
        }

        private void SendSBlock(int function, int inf, long at)
        {
            _sInf[0] = (byte)inf;
            SendBlock(PcbSBlock | function, _sInf, 0, inf < 0 ? 0 : 1, at);
        }

        private void SendBlock(int pcb, byte[] inf, int offset, int count, long at)
        {
            _lastSent[0] = _nad;
            _lastSent[1] = (byte)pcb;
            _lastSent[2] = (byte)count;
            if (count > 0)
            {
                System.Array.Copy(inf, offset, _lastSent, PrologueLength, count);
            }

            _lastSentLength = PrologueLength + count;
            _lastSentLength += Edc.Append(_profile.UseCrc, _lastSent, 0, _lastSentLength);
            Transmit(at);
        }

        private void Resend()
        {
            Transmit(ReplyTime());
        }

        /// <summary>Puts the last block on the wire, through the block-level faults.</summary>
        private void Transmit(long at)
        {
            System.Array.Copy(_lastSent, 0, _tx, 0, _lastSentLength);
            CardFault fault = _faults.Next(CardFaultScope.SentBlock);
            if (fault != null)
            {
                switch (fault.Kind)
                {
                    case CardFaultKind.Drop:
                        return;
                    case CardFaultKind.Corrupt:
                        _tx[_lastSentLength - 1] ^= 0x01;
                        break;
                    case CardFaultKind.Delay:
                        at += fault.DelayMicros;
                        break;
                    case CardFaultKind.Mute:
                        _card.MuteFrom(at);
                        return;
                    case CardFaultKind.Yank:
                        _card.YankAt(at);
                        return;
                }
            }

            _wire.SendBytes(_tx, 0, _lastSentLength, at);
        }

        /// <summary>The card answers with source and destination swapped (ISO 7816-3 §11.3.2.1).</summary>
        private static byte SwapNad(byte nad)
        {
            return (byte)(((nad & 0x07) << 4) | ((nad >> 4) & 0x07));
        }
    }
}
