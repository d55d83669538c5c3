using EmbeddedSmartCard.Drivers;
namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The card's side of PPS (ISO 7816-3 §9, reference §1.7): collects PPSS, PPS0, the optional PPS1–PPS3
    /// and PCK, checks them, answers as the profile says and tells the card which protocol and rates apply.
    /// An unacceptable request (bad PCK, protocol not offered, rates the card cannot do) gets no answer,
    /// so the reader times out and deactivates.
    /// </summary>
    internal sealed class CardPps
    {
        public const byte Ppss = 0xFF;

        private const int Pps1Present = 0x10;
        private const int Pps2Present = 0x20;
        private const int Pps3Present = 0x40;
        private const int Pps0Reserved = 0x80;
        private const int MaxLength = 6;
        private const int TurnaroundEtu = 16;

        private readonly SimulatedCard _card;
        private readonly CardWire _wire;
        private readonly CardProfile _profile;
        private readonly byte[] _request = new byte[MaxLength];
        private readonly byte[] _answer = new byte[MaxLength];
        private int _count;
        private int _expected;
        private bool _damaged;

        public CardPps(SimulatedCard card, CardWire wire, CardProfile profile)
        {
            _card = card;
            _wire = wire;
            _profile = profile;
        }

        /// <summary>Forgets a half-received request.</summary>
        public void Reset()
        {
            _count = 0;
            _expected = MaxLength;
            _damaged = false;
        }

        /// <summary>Takes one request byte; returns true when the request is complete (answered or refused).</summary>
        public bool OnByte(byte value, bool error)
        {
            _request[_count++] = value;
            _damaged |= error;
            if (_count == 2)
            {
                _expected = 3 + Bit(value, Pps1Present) + Bit(value, Pps2Present) + Bit(value, Pps3Present);
            }

            if (_count < _expected)
            {
                return false;
            }

            if (IsAcceptable())
            {
                Answer();
            }

            Reset();
            return true;
        }

        private bool IsAcceptable()
        {
            byte pps0 = _request[1];
            if (_damaged || Edc.ComputeLrc(_request, 0, _count) != 0 || (pps0 & Pps0Reserved) != 0)
            {
                return false;
            }

            if (!_profile.Offers(pps0 & 0x0F))
            {
                return false;
            }

            return (pps0 & Pps1Present) == 0 || SupportsRates(_request[2]);
        }

        /// <summary>The card does TA1's rates and any slower valid pair (f·D/F at most TA1's).</summary>
        private bool SupportsRates(byte pps1)
        {
            if (pps1 == _profile.Ta1 || pps1 == CardRates.DefaultFiDi)
            {
                return true;
            }

            if (!CardRates.IsValid(pps1))
            {
                return false;
            }

            long proposed = (long)CardRates.D(pps1) * CardRates.F(_profile.Ta1);
            long fastest = (long)CardRates.D(_profile.Ta1) * CardRates.F(pps1);
            return proposed <= fastest;
        }

        private void Answer()
        {
            int protocol = _request[1] & 0x0F;
            bool hasPps1 = (_request[1] & Pps1Present) != 0;
            long at = _wire.ReplyTime(TurnaroundEtu);
            switch (_profile.PpsAnswer)
            {
                case PpsAnswer.Echo:
                    _wire.SendBytes(_request, 0, _count, at);
                    _card.SelectProtocol(protocol, hasPps1 ? _request[2] : CardRates.DefaultFiDi);
                    break;
                case PpsAnswer.WithoutPps1:
                    _wire.SendBytes(_answer, 0, BuildAnswerWithoutPps1(), at);
                    _card.SelectProtocol(protocol, CardRates.DefaultFiDi);
                    break;
                case PpsAnswer.Garbage:
                    _answer[0] = Ppss;
                    _answer[1] = (byte)(_request[1] ^ 0x0F);
                    _answer[2] = 0x00;
                    _wire.SendBytes(_answer, 0, 3, at);
                    break;
            }
        }

        /// <summary>PPSS, PPS0 with b5 cleared, PPS2/PPS3 as requested, a new PCK.</summary>
        private int BuildAnswerWithoutPps1()
        {
            int length = 0;
            _answer[length++] = Ppss;
            _answer[length++] = (byte)(_request[1] & ~Pps1Present);
            int source = 2 + Bit(_request[1], Pps1Present);
            for (int i = source; i < _count - 1; i++)
            {
                _answer[length++] = _request[i];
            }

            _answer[length] = Edc.ComputeLrc(_answer, 0, length);
            return length + 1;
        }

        private static int Bit(byte value, int mask)
        {
            return (value & mask) != 0 ? 1 : 0;
        }
    }
}
