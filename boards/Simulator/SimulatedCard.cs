using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>Raised when a simulated card leaves its slot (a yank), at the virtual time it happens.</summary>
    public delegate void SimulatedCardRemovedHandler(SimulatedCard card, long timeMicros);

    /// <summary>Where a simulated card is in its life.</summary>
    public enum SimulatedCardState
    {
        /// <summary>Not in a slot, or VCC off.</summary>
        Off = 0,

        /// <summary>Powered with RST low (or, without an RST wire, waiting for the in-band FF FF).</summary>
        InReset = 1,

        /// <summary>ATR sent, no PPS yet (negotiable mode).</summary>
        Negotiable = 2,

        /// <summary>Receiving a PPS request.</summary>
        Pps = 3,

        /// <summary>Speaking T=0.</summary>
        T0 = 4,

        /// <summary>Speaking T=1.</summary>
        T1 = 5,

        /// <summary>Stopped answering (a mute fault) until the next reset.</summary>
        Muted = 6,

        /// <summary>Pulled out of its slot (a yank).</summary>
        Removed = 7,
    }

    /// <summary>
    /// A virtual ISO 7816-3 card at the character level, at the far end of a <see cref="SimUartLine"/>. It
    /// watches RST, VCC and CLK; on a RST rising edge with VCC and CLK it sends its ATR 400..40 000 clock
    /// cycles later (the profile's delay), then answers PPS and speaks T=0 or T=1 over its
    /// <see cref="CardApplet"/>. Without an RST wire it takes FF FF at a command boundary as its reset and
    /// forgets a half-received command after 100 ms of silence (docs/architecture.md). Faults can be armed
    /// at any character or block (<see cref="Faults"/>).
    /// </summary>
    public sealed partial class SimulatedCard : ISimUartPeer
    {
        /// <summary>Silence after which a card without an RST wire forgets a half-received command (docs/architecture.md).</summary>
        public const long InBandSilenceMicros = 100000;

        private const byte InBandResetDirect = 0xFF;
        private const byte InBandResetInverseWire = 0x00;
        private const int HostCharacterEtu = 12;

        private readonly object _lock = new object();
        private readonly CardProfile _profile;
        private readonly CardFaults _faults = new CardFaults();
        private readonly CardApplet _applet;
        private readonly CardWire _wire;
        private readonly CardPps _pps;
        private readonly CardT0 _t0;
        private readonly CardT1 _t1;
        private readonly VirtualTimerHandler _yankTimer;
        private SimUartLine _line;
        private SimOutputPin _reset;
        private SimOutputPin _vcc;
        private SimClockOutput _clock;
        private SimulatedCardState _state;
        private bool _resetLevel;
        private bool _heldResetByte;
        private byte _heldData;
        private bool _heldParityBit;
        private long _heldStart;
        private int _heldBaudRate;
        private long _lastHostStart = long.MinValue;

        public SimulatedCard(CardProfile profile)
        {
            _profile = profile == null ? CardProfile.DirectT0() : profile;
            _applet = new CardApplet(_profile);
            _wire = new CardWire(this, _faults);
            _pps = new CardPps(this, _wire, _profile);
            _t0 = new CardT0(this, _wire, _applet, _profile);
            _t1 = new CardT1(this, _wire, _applet, _profile, _faults);
            _yankTimer = OnYankDue;
        }

        /// <summary>Raised at the moment the card is pulled (a yank fault or <see cref="Yank"/>).</summary>
        public event SimulatedCardRemovedHandler Removed;

        public CardProfile Profile
        {
            get { return _profile; }
        }

        public CardFaults Faults
        {
            get { return _faults; }
        }

        public CardApplet Applet
        {
            get { return _applet; }
        }

        public SimulatedCardState State
        {
            get { return _state; }
        }

        /// <summary>True when the card has no RST wire and resets on the in-band FF FF.</summary>
        public bool UsesInBandReset { get; private set; }

        /// <summary>ATRs sent since the card was made.</summary>
        public int ResetCount { get; private set; }

        /// <summary>Start of the last ATR's TS character, in virtual microseconds.</summary>
        public long LastAtrStartMicros { get; private set; }

        /// <summary>The card's baud rate now (f·D/F).</summary>
        public int BaudRate
        {
            get { return _wire.BaudRate; }
        }

        /// <summary>True when the card speaks inverse convention now (after an ATR with TS = 3F).</summary>
        public bool InverseConventionInForce
        {
            get { return _wire.Inverse; }
        }

        /// <summary>The reader's IFSD as the card knows it (T=1).</summary>
        public int Ifsd
        {
            get { return _t1.Ifsd; }
        }

        /// <summary>
        /// Puts the card on a line with its contacts. <paramref name="reset"/> null means no RST wire (in-band
        /// FF FF reset); <paramref name="vcc"/> null means always powered; <paramref name="clock"/> null means
        /// the profile's default clock.
        /// </summary>
        public void Connect(SimUartLine line, SimOutputPin reset, SimOutputPin vcc, SimClockOutput clock)
        {
            lock (_lock)
            {
                Detach();
                _line = line;
                _reset = reset;
                _vcc = vcc;
                _clock = clock;
                UsesInBandReset = reset == null;
                _resetLevel = reset != null && reset.Value;
                _wire.Line = line;
                _wire.ClockSource = clock;
                _wire.Silent = false;
                _heldResetByte = false;
                _state = IsPowered() ? SimulatedCardState.InReset : SimulatedCardState.Off;
                line.Peer = this;
                if (reset != null)
                {
                    reset.Written += OnResetWritten;
                }

                if (vcc != null)
                {
                    vcc.Written += OnVccWritten;
                }
            }
        }

        /// <summary>Takes the card off its line and contacts (a yanked card stays <see cref="SimulatedCardState.Removed"/>).</summary>
        public void Disconnect()
        {
            lock (_lock)
            {
                Detach();
                if (_state != SimulatedCardState.Removed)
                {
                    _state = SimulatedCardState.Off;
                }
            }
        }

        /// <summary>Pulls the card out now: it stops at once and <see cref="Removed"/> is raised.</summary>
        public void Yank()
        {
            long now = _line != null ? _line.Clock.NowMicros : 0;
            lock (_lock)
            {
                Stop(now, SimulatedCardState.Removed);
            }

            RaiseRemoved(now);
        }

        /// <summary>Answers every command with <paramref name="ins"/> slowly (see <see cref="CardApplet.AnswerSlowly"/>).</summary>
        public void AnswerSlowly(byte ins, int waits, int multiplier)
        {
            _applet.AnswerSlowly(ins, waits, multiplier);
        }

        public void OnCharacter(SimUartLine line, byte data, bool parityBit, long startMicros, int baudRate)
        {
            lock (_lock)
            {
                if (_state == SimulatedCardState.Off || _state == SimulatedCardState.Removed)
                {
                    return;
                }

                if (UsesInBandReset && TakeInBandReset(data, parityBit, startMicros, baudRate))
                {
                    return;
                }

                Deliver(data, parityBit, startMicros, baudRate);
            }
        }

        /// <summary>Makes the card fall silent from <paramref name="timeMicros"/> until its next reset.</summary>
        internal void MuteFrom(long timeMicros)
        {
            Stop(timeMicros, SimulatedCardState.Muted);
        }

        /// <summary>Pulls the card at <paramref name="timeMicros"/> (the slot sees it then).</summary>
        internal void YankAt(long timeMicros)
        {
            Stop(timeMicros, SimulatedCardState.Removed);
            if (_line != null)
            {
                _line.Clock.Schedule(timeMicros, _yankTimer, null);
            }
        }

        /// <summary>
        /// True when a <see cref="CardFaults.RemoveOnInstruction"/> fault waits for <paramref name="ins"/>: the card
        /// is pulled as the command's last character arrives, so it never answers it.
        /// </summary>
        internal bool PulledBy(byte ins)
        {
            if (!_faults.TakeRemoval(ins))
            {
                return false;
            }

            YankAt(_wire.LastReceivedStart);
            return true;
        }

        /// <summary>A PPS exchange or specific mode fixed the protocol and the rates (TA1/PPS1 coding).</summary>
        internal void SelectProtocol(int protocol, byte fiDi)
        {
            _wire.SetRates(CardRates.F(fiDi), CardRates.D(fiDi));
            if (protocol == 1)
            {
                // Under T=1 TC1 is the character guard time in both directions; 255 means 11 etu (ISO 7816-3 §8.3).
                int n = _profile.ExtraGuardTime;
                _wire.SetGuardEtu(n == 255 ? 11 : CardWire.DefaultGuardEtu + n);
                _t1.Reset();
                _state = SimulatedCardState.T1;
            }
            else
            {
                _t0.Reset();
                _state = SimulatedCardState.T0;
            }
        }

        private void Deliver(byte data, bool parityBit, long startMicros, int baudRate)
        {
            if (_state == SimulatedCardState.InReset || _state == SimulatedCardState.Muted)
            {
                return;
            }

            byte value;
            bool error;
            if (_wire.Receive(data, parityBit, startMicros, baudRate, out value, out error))
            {
                Dispatch(value, error);
            }
        }

        private void Dispatch(byte value, bool error)
        {
            switch (_state)
            {
                case SimulatedCardState.Negotiable:
                    if (value == CardPps.Ppss && !error)
                    {
                        _pps.Reset();
                        _state = SimulatedCardState.Pps;
                        _pps.OnByte(value, error);
                        return;
                    }

                    // No PPS: the first offered protocol at Fd/Dd (negotiable mode, reference §1.7).
                    SelectProtocol(_profile.DefaultProtocol, CardRates.DefaultFiDi);
                    Dispatch(value, error);
                    return;
                case SimulatedCardState.Pps:
                    if (_pps.OnByte(value, error) && _state == SimulatedCardState.Pps)
                    {
                        _state = SimulatedCardState.Negotiable;
                    }

                    return;
                case SimulatedCardState.T0:
                    _t0.OnByte(value, error);
                    return;
                case SimulatedCardState.T1:
                    _t1.OnByte(value, error);
                    return;
            }
        }

        private void Detach()
        {
            if (_reset != null)
            {
                _reset.Written -= OnResetWritten;
            }

            if (_vcc != null)
            {
                _vcc.Written -= OnVccWritten;
            }

            if (_line != null && _line.Peer == this)
            {
                _line.Peer = null;
            }

            _reset = null;
            _vcc = null;
        }

        private void OnYankDue(VirtualTimer timer, long dueMicros)
        {
            RaiseRemoved(dueMicros);
        }

        private void RaiseRemoved(long timeMicros)
        {
            SimulatedCardRemovedHandler handler = Removed;
            if (handler != null)
            {
                handler(this, timeMicros);
            }
        }
    }
}
