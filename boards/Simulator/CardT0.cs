namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The card's side of T=0 (ISO 7816-3 §10, reference §1.8): the 5-byte header, procedure bytes (INS
    /// to take or give all data, ~INS for one byte, NULL 60 while a slow command works), 61xx when a
    /// command that carried data has response data for GET RESPONSE, 6Cxx when P3 does not match the
    /// length the card has. A character received with a parity error makes the card drop the command
    /// and wait for a reset (the error signal and repetition of §7.3 are not modelled).
    /// </summary>
    internal sealed class CardT0
    {
        private const byte NullByte = 0x60;
        private const int HeaderLength = 5;
        private const int MaxShortData = 256;
        private const int TurnaroundEtu = 16;
        private const int Sw1MoreData = 0x61;
        private const int Sw1WrongLength = 0x6C;

        private readonly SimulatedCard _card;
        private readonly CardWire _wire;
        private readonly CardApplet _applet;
        private readonly CardProfile _profile;
        private readonly byte[] _apdu = new byte[HeaderLength + MaxShortData + 1];
        private readonly byte[] _response = new byte[MaxShortData + 2];
        private readonly byte[] _status = new byte[2];
        private int _received;
        private int _dataLength;
        private bool _discarding;
        private int _pendingOffset;
        private int _pendingLength;
        private int _pendingSw;

        public CardT0(SimulatedCard card, CardWire wire, CardApplet applet, CardProfile profile)
        {
            _card = card;
            _wire = wire;
            _applet = applet;
            _profile = profile;
        }

        /// <summary>True while the card waits for the first byte of a header.</summary>
        public bool AtCommandBoundary
        {
            get { return _received == 0; }
        }

        public void Reset()
        {
            ForgetPartial();
            _pendingLength = 0;
        }

        /// <summary>Drops a half-received command (and a parity-error lock-out).</summary>
        public void ForgetPartial()
        {
            _received = 0;
            _dataLength = 0;
            _discarding = false;
        }

        public void OnByte(byte value, bool error)
        {
            if (_discarding)
            {
                return;
            }

            if (error)
            {
                _discarding = true;
                return;
            }

            _apdu[_received++] = value;
            if (_received == HeaderLength)
            {
                OnHeader();
                return;
            }

            if (_received < HeaderLength)
            {
                return;
            }

            int dataReceived = _received - HeaderLength;
            if (dataReceived < _dataLength)
            {
                if (_profile.T0AcknowledgeEachByte)
                {
                    SendProcedure((byte)~Ins, _wire.ReplyTime(TurnaroundEtu));
                }

                return;
            }

            ExecuteWithData();
        }

        private byte Ins
        {
            get { return _apdu[1]; }
        }

        private int P3
        {
            get { return _apdu[4]; }
        }

        private void OnHeader()
        {
            byte ins = Ins;
            if (_card.PulledBy(ins))
            {
                return;
            }

            if ((ins & 0xF0) == 0x60 || (ins & 0xF0) == 0x90)
            {
                // INS 6X and 9X are invalid: they would read as SW1 (ISO 7816-3 §10.3.2).
                Finish(CardApplet.SwInsNotSupported, _wire.ReplyTime(TurnaroundEtu));
                return;
            }

            if (ins == CardApplet.InsGetResponse)
            {
                GetResponse();
                return;
            }

            _pendingLength = 0;
            CommandDirection direction = CardApplet.DirectionOf(ins);
            if (direction == CommandDirection.Unknown)
            {
                Finish(CardApplet.SwInsNotSupported, _wire.ReplyTime(TurnaroundEtu));
            }
            else if (direction == CommandDirection.FromCard)
            {
                ExecuteFromCard();
            }
            else if (P3 == 0)
            {
                ExecuteWithData();
            }
            else
            {
                _dataLength = P3;
                SendProcedure(_profile.T0AcknowledgeEachByte ? (byte)~ins : ins, _wire.ReplyTime(TurnaroundEtu));
            }
        }

        /// <summary>Cases 1, 3 and 4: the data is in; run the command as case 4 (Le = 00) when it carried data.</summary>
        private void ExecuteWithData()
        {
            int length = 4;
            if (P3 > 0)
            {
                _apdu[HeaderLength + P3] = 0x00;
                length = HeaderLength + P3 + 1;
            }

            int responseLength = _applet.Process(_apdu, 0, length, _response, 0, _response.Length);
            int dataLength = responseLength - 2;
            long at = SlowDown(_wire.ReplyTime(TurnaroundEtu));
            if (dataLength == 0)
            {
                Finish(StatusAt(dataLength), at);
                return;
            }

            _pendingSw = StatusAt(dataLength);
            _pendingOffset = 0;
            _pendingLength = dataLength;
            Finish((Sw1MoreData << 8) | (dataLength & 0xFF), at);
        }

        /// <summary>Case 2: P3 = Le; exactly P3 bytes or 6Cxx with the right length (ISO 7816-3 §10.3.3).</summary>
        private void ExecuteFromCard()
        {
            int ne = P3 == 0 ? MaxShortData : P3;
            int responseLength = _applet.Process(_apdu, 0, HeaderLength, _response, 0, _response.Length);
            int dataLength = responseLength - 2;
            long at = SlowDown(_wire.ReplyTime(TurnaroundEtu));
            if (dataLength == 0)
            {
                Finish(StatusAt(dataLength), at);
            }
            else if (dataLength != ne)
            {
                Finish((Sw1WrongLength << 8) | (dataLength & 0xFF), at);
            }
            else
            {
                at = SendProcedure(Ins, at);
                _wire.SendBytes(_response, 0, dataLength, at);
                Finish(StatusAt(dataLength), at);
            }
        }

        /// <summary>GET RESPONSE: hands out what the last case-4 command left, 61xx while more remains.</summary>
        private void GetResponse()
        {
            long at = _wire.ReplyTime(TurnaroundEtu);
            int ne = P3 == 0 ? MaxShortData : P3;
            if (_pendingLength == 0)
            {
                Finish(CardApplet.SwConditionsNotSatisfied, at);
                return;
            }

            if (ne > _pendingLength)
            {
                Finish((Sw1WrongLength << 8) | (_pendingLength & 0xFF), at);
                return;
            }

            at = SendProcedure(Ins, at);
            _wire.SendBytes(_response, _pendingOffset, ne, at);
            _pendingOffset += ne;
            _pendingLength -= ne;
            Finish(_pendingLength > 0 ? (Sw1MoreData << 8) | (_pendingLength & 0xFF) : _pendingSw, at);
        }

        /// <summary>Sends the NULL bytes a slow command asks for, each within WT of the one before; returns when the answer may start.</summary>
        private long SlowDown(long at)
        {
            int multiplier;
            int nulls = _applet.Slowness(_apdu[0], _apdu[1], _apdu[2], _apdu[3], out multiplier);
            if (nulls == 0)
            {
                return at;
            }

            // Three quarters of WT apart: a reader that does not restart WT on NULL (§10.3.3) times out.
            long interval = _wire.WaitingTimeMicros(_profile.WaitingTimeInteger) * 3 / 4;
            for (int i = 0; i < nulls; i++)
            {
                at = _wire.Send(NullByte, at) + interval;
            }

            return at;
        }

        private long SendProcedure(byte procedure, long at)
        {
            return _wire.Send(procedure, at);
        }

        private int StatusAt(int offset)
        {
            return (_response[offset] << 8) | _response[offset + 1];
        }

        /// <summary>Sends SW1 SW2 and waits for the next header.</summary>
        private void Finish(int sw, long at)
        {
            _status[0] = (byte)(sw >> 8);
            _status[1] = (byte)sw;
            _wire.SendBytes(_status, 0, 2, at);
            _received = 0;
            _dataLength = 0;
        }
    }
}
