using EmbeddedSmartCard.Drivers;
namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The card's side of T=1 (ISO 7816-3 §11, reference §1.9), written for the card: its own N(S) and the
    /// N(S) it expects from the reader, IFSC (what it accepts) and IFSD (what it sends, changed by
    /// S(IFS request)), chaining both ways, S(WTX) requests for slow commands, R-blocks for bad blocks,
    /// S(RESYNCH)/S(ABORT) answers, LRC or CRC. A partial block is dropped after CWT of silence.
    /// Block-level faults apply to every block sent or received.
    /// </summary>
    internal sealed partial class CardT1
    {
        private const int PrologueLength = 3;
        private const int MaxLen = 255;
        private const int MaxBlockLength = PrologueLength + MaxLen + 2;
        private const int DefaultIfsd = 32;
        private const int BlockGuardEtu = 22;
        private const int CommandCapacity = 4096 + 9;
        private const int ResponseCapacity = 4096 + 2;

        /// <summary>INS is the second byte of a command APDU (ISO 7816-4 §5.1).</summary>
        private const int InsOffset = 1;

        private const int PcbRBlock = 0x80;
        private const int PcbSBlock = 0xC0;
        private const int PcbBlockTypeMask = 0xC0;
        private const int PcbMore = 0x20;
        private const int SResponse = 0x20;
        private const int SResynch = 0x00;
        private const int SIfs = 0x01;
        private const int SAbort = 0x02;
        private const int SWtx = 0x03;
        private const int SFunctionMask = 0x1F;
        private const int RErrorEdc = 0x01;
        private const int RErrorOther = 0x02;

        private readonly SimulatedCard _card;
        private readonly CardWire _wire;
        private readonly CardApplet _applet;
        private readonly CardProfile _profile;
        private readonly CardFaults _faults;
        private readonly byte[] _rx = new byte[MaxBlockLength];
        private readonly byte[] _tx = new byte[MaxBlockLength];
        private readonly byte[] _lastSent = new byte[MaxBlockLength];
        private readonly byte[] _sInf = new byte[1];
        private readonly byte[] _command = new byte[CommandCapacity];
        private readonly byte[] _response = new byte[ResponseCapacity];
        private int _rxCount;
        private int _rxExpected;
        private bool _rxDamaged;
        private long _rxLastStart;
        private int _lastSentLength;
        private int _commandLength;
        private int _responseLength;
        private int _responseSent;
        private int _cardSequence;
        private int _hostSequence;
        private int _lastIBlockSequence;
        private int _ifsd;
        private bool _awaitingChainAck;
        private bool _awaitingWtxResponse;
        private int _wtxLeft;
        private int _wtxMultiplier;
        private long _replyDelay;
        private byte _nad;

        public CardT1(SimulatedCard card, CardWire wire, CardApplet applet, CardProfile profile, CardFaults faults)
        {
            _card = card;
            _wire = wire;
            _applet = applet;
            _profile = profile;
            _faults = faults;
        }

        /// <summary>True while no block is half received.</summary>
        public bool AtCommandBoundary
        {
            get { return _rxCount == 0; }
        }

        /// <summary>The reader's IFSD as the card knows it.</summary>
        public int Ifsd
        {
            get { return _ifsd; }
        }

        /// <summary>State after the ATR or S(RESYNCH): sequence numbers 0, IFSD 32, no chain (§11.6.3 rule 6).</summary>
        public void Reset()
        {
            _rxCount = 0;
            _cardSequence = 0;
            _hostSequence = 0;
            _ifsd = DefaultIfsd;
            _lastSentLength = 0;
            _nad = 0;
            AbortChains();
        }

        public void ForgetPartial()
        {
            _rxCount = 0;
        }

        public void OnByte(byte value, bool error)
        {
            long start = _wire.LastReceivedStart;
            if (_rxCount > 0 && start - _rxLastStart > CharacterWaitingTimeMicros())
            {
                _rxCount = 0;
            }

            if (_rxCount == 0)
            {
                _rxDamaged = false;
                _rxExpected = MaxBlockLength;
            }

            _rxLastStart = start;
            _rx[_rxCount++] = value;
            _rxDamaged |= error;
            if (_rxCount == PrologueLength)
            {
                _rxExpected = PrologueLength + value + Edc.Length(_profile.UseCrc);
            }

            if (_rxCount == _rxExpected)
            {
                _rxCount = 0;
                OnBlock(_rxExpected);
            }
        }

        private void OnBlock(int length)
        {
            _replyDelay = 0;
            CardFault fault = _faults.Next(CardFaultScope.ReceivedBlock);
            if (fault != null && !ApplyReceivedFault(fault))
            {
                return;
            }

            int len = _rx[2];
            if (_rxDamaged || !Edc.IsValid(_profile.UseCrc, _rx, 0, length))
            {
                SendRBlock(RErrorEdc);
                return;
            }

            _nad = SwapNad(_rx[0]);
            int pcb = _rx[1];
            if (len == MaxLen)
            {
                SendRBlock(RErrorOther);
            }
            else if ((pcb & PcbRBlock) == 0)
            {
                OnIBlock(pcb, len);
            }
            else if ((pcb & PcbBlockTypeMask) == PcbRBlock)
            {
                OnRBlock(pcb);
            }
            else
            {
                OnSBlock(pcb, len);
            }
        }

        /// <summary>Returns false when the block is to be ignored.</summary>
        private bool ApplyReceivedFault(CardFault fault)
        {
            switch (fault.Kind)
            {
                case CardFaultKind.Corrupt:
                    _rxDamaged = true;
                    return true;
                case CardFaultKind.Delay:
                    _replyDelay = fault.DelayMicros;
                    return true;
                case CardFaultKind.Mute:
                    _card.MuteFrom(_rxLastStart);
                    return false;
                case CardFaultKind.Yank:
                    _card.YankAt(_rxLastStart);
                    return false;
                default:
                    return false;
            }
        }

        private void OnIBlock(int pcb, int len)
        {
            int sequence = (pcb >> 6) & 1;
            bool accepted = !_awaitingChainAck && !_awaitingWtxResponse && sequence == _hostSequence
                && len <= _profile.Ifsc && _commandLength + len <= _command.Length;
            if (!accepted)
            {
                SendRBlock(RErrorOther);
                return;
            }

            System.Array.Copy(_rx, PrologueLength, _command, _commandLength, len);
            _commandLength += len;
            _hostSequence ^= 1;
            if ((pcb & PcbMore) != 0)
            {
                SendRBlock(0);
                return;
            }

            ExecuteCommand();
        }

        /// <summary>
        /// An R-block acknowledges the card's chained I-block when its N(R) moves on; otherwise the reader
        /// did not get the card's last block (resend it) or lost its own I-block (ask for it again).
        /// </summary>
        private void OnRBlock(int pcb)
        {
            int sequence = (pcb >> 4) & 1;
            if (_awaitingChainAck && sequence != _lastIBlockSequence)
            {
                SendNextResponseBlock(ReplyTime());
                return;
            }

            if (IsRetransmissionRequest(sequence))
            {
                Resend();
                return;
            }

            SendRBlock(0);
        }

        /// <summary>
        /// True when the R-block asks again for the card's last block: its last I-block (N(R) equal to that
        /// block's N(S)), its last R-block or its pending S(WTX request). After an S response or before any
        /// block, the reader's own block was lost instead.
        /// </summary>
        private bool IsRetransmissionRequest(int sequence)
        {
            if (_lastSentLength == 0)
            {
                return false;
            }

            int pcb = _lastSent[1];
            if ((pcb & PcbRBlock) == 0)
            {
                return sequence == _lastIBlockSequence;
            }

            return (pcb & PcbBlockTypeMask) == PcbRBlock || _awaitingWtxResponse;
        }

        private void OnSBlock(int pcb, int len)
        {
            int function = pcb & SFunctionMask;
            if ((pcb & SResponse) != 0)
            {
                OnSResponse(function, len);
                return;
            }

            switch (function)
            {
                case SIfs:
                    int ifs = _rx[PrologueLength];
                    if (len != 1 || ifs == 0 || ifs == MaxLen)
                    {
                        SendRBlock(RErrorOther);
                        return;
                    }

                    _ifsd = ifs;
                    SendSBlock(SIfs | SResponse, ifs, ReplyTime());
                    return;
                case SResynch:
                    Reset();
                    SendSBlock(SResynch | SResponse, -1, ReplyTime());
                    return;
                case SAbort:
                    AbortChains();
                    SendSBlock(SAbort | SResponse, -1, ReplyTime());
                    return;
                default:
                    SendRBlock(RErrorOther);
                    return;
            }
        }

        /// <summary>S(WTX response) lets a slow command go on: the next request or the answer comes within the extended BWT.</summary>
        private void OnSResponse(int function, int len)
        {
            if (function != SWtx || !_awaitingWtxResponse || len != 1 || _rx[PrologueLength] != _wtxMultiplier)
            {
                SendRBlock(RErrorOther);
                return;
            }

            _awaitingWtxResponse = false;
            _wtxLeft--;
            // Three quarters of the extended BWT: later than one BWT, so only a reader that honours WTX waits for it.
            long at = _wire.LastReceivedStart + BlockWaitingTimeMicros() * _wtxMultiplier * 3 / 4;
            long earliest = ReplyTime();
            if (at < earliest)
            {
                at = earliest;
            }

            if (_wtxLeft > 0)
            {
                RequestWaitingTime(at);
            }
            else
            {
                SendNextResponseBlock(at);
            }
        }

        private void ExecuteCommand()
        {
            if (_commandLength > InsOffset && _card.PulledBy(_command[InsOffset]))
            {
                _commandLength = 0;
                return;
            }

            _responseLength = _applet.Process(_command, 0, _commandLength, _response, 0, _response.Length);
            _responseSent = 0;
            int multiplier = 0;
            int waits = _commandLength >= 4 ? _applet.Slowness(_command[0], _command[1], _command[2], _command[3], out multiplier) : 0;
            _commandLength = 0;
            if (waits > 0)
            {
                _wtxLeft = waits;
                _wtxMultiplier = multiplier;
                RequestWaitingTime(ReplyTime());
                return;
            }

            SendNextResponseBlock(ReplyTime());
        }

        private void RequestWaitingTime(long at)
        {
            _awaitingWtxResponse = true;
            SendSBlock(SWtx, _wtxMultiplier, at);
        }

        private void AbortChains()
        {
            _commandLength = 0;
            _responseLength = 0;
            _responseSent = 0;
            _awaitingChainAck = false;
            _awaitingWtxResponse = false;
            _wtxLeft = 0;
        }

        /// <summary>BGT (22 etu) after the reader's last character, plus any injected delay.</summary>
        private long ReplyTime()
        {
            return _wire.ReplyTime(BlockGuardEtu) + _replyDelay;
        }

        /// <summary>CWT = (11 + 2^CWI) etu (ISO 7816-3 §11.4, reference §1.6).</summary>
        private long CharacterWaitingTimeMicros()
        {
            return _wire.EtuMicros(11 + (1L << _profile.CharacterWaitingInteger));
        }

        /// <summary>BWT = 11 etu + 2^BWI · 960 · Fd / f (ISO 7816-3 §11.4, reference §1.6).</summary>
        private long BlockWaitingTimeMicros()
        {
            return _wire.EtuMicros(11) + _wire.ClockCyclesMicros((1L << _profile.BlockWaitingInteger) * 960 * CardRates.DefaultF);
        }
    }
}
