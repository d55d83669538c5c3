using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The card's character layer: its etu (F / (D·f)), its convention, the spacing of the characters it
    /// sends, the checks on the characters it receives, and the character-level faults. Characters are
    /// scheduled on the <see cref="SimUartLine"/> at chosen start times; nothing here waits.
    /// </summary>
    internal sealed class CardWire
    {
        /// <summary>A card transmits with 12 etu between leading edges (ISO 7816-3 §7.2) unless T=1 says otherwise.</summary>
        public const int DefaultGuardEtu = 12;

        private const byte CorruptionMask = 0x01;

        private readonly SimulatedCard _card;
        private readonly CardFaults _faults;
        private SimUartLine _line;
        private SimClockOutput _clockSource;
        private int _clockHz = CardProfile.DefaultClockHz;
        private int _f = CardRates.DefaultF;
        private int _d = CardRates.DefaultD;
        private bool _inverse;
        private int _guardEtu = DefaultGuardEtu;
        private long _nextStart;
        private long _lastReceivedStart;
        private bool _silent;

        public CardWire(SimulatedCard card, CardFaults faults)
        {
            _card = card;
            _faults = faults;
        }

        public SimUartLine Line
        {
            get { return _line; }
            set { _line = value; }
        }

        /// <summary>The CLK contact; its frequency is read for every character, so a changed clock changes the etu.</summary>
        public SimClockOutput ClockSource
        {
            get { return _clockSource; }
            set { _clockSource = value; }
        }

        /// <summary>f·D/F: the card's baud rate now.</summary>
        public int BaudRate
        {
            get { return CardRates.BaudRate(ClockHz, _f, _d); }
        }

        /// <summary>The baud rate during the ATR (Fd, Dd).</summary>
        public int InitialBaudRate
        {
            get { return CardRates.BaudRate(ClockHz, CardRates.DefaultF, CardRates.DefaultD); }
        }

        /// <summary>f on CLK now, or the last known one while the clock is stopped (or with no CLK contact).</summary>
        public int ClockHz
        {
            get
            {
                int live = _clockSource != null ? _clockSource.FrequencyHz : 0;
                if (live > 0)
                {
                    _clockHz = live;
                }

                return _clockHz;
            }
        }

        public bool Inverse
        {
            get { return _inverse; }
        }

        /// <summary>True once muted or pulled: nothing more goes out until the next reset.</summary>
        public bool Silent
        {
            get { return _silent; }
            set { _silent = value; }
        }

        /// <summary>Leading edge of the last character the card took in.</summary>
        public long LastReceivedStart
        {
            get { return _lastReceivedStart; }
        }

        /// <summary>Back to the state after a reset: Fd/Dd, 12 etu spacing, talking again.</summary>
        public void Reset(bool inverse)
        {
            _inverse = inverse;
            _f = CardRates.DefaultF;
            _d = CardRates.DefaultD;
            _guardEtu = DefaultGuardEtu;
            _silent = false;
        }

        /// <summary>Switches to new rates (after a PPS or in specific mode), from the next character on.</summary>
        public void SetRates(int f, int d)
        {
            _f = f;
            _d = d;
        }

        public void SetGuardEtu(int guardEtu)
        {
            _guardEtu = guardEtu;
        }

        /// <summary>Duration of <paramref name="cycles"/> cycles of the card's clock, rounded up, in microseconds.</summary>
        public long ClockCyclesMicros(long cycles)
        {
            int clockHz = ClockHz;
            return (cycles * 1000000L + clockHz - 1) / clockHz;
        }

        /// <summary>The T=0 waiting time WT = WI · 960 · F / f at the rates in force (ISO 7816-3 §10.2), in microseconds.</summary>
        public long WaitingTimeMicros(int waitingTimeInteger)
        {
            return ClockCyclesMicros(960L * waitingTimeInteger * _f);
        }

        /// <summary>Back to the first character after a reset at <paramref name="startMicros"/>: nothing received or sent before counts.</summary>
        public void Restart(long startMicros)
        {
            _nextStart = startMicros;
            _lastReceivedStart = startMicros;
        }

        /// <summary>Duration of <paramref name="etu"/> etu at the current rates, rounded up, in microseconds.</summary>
        public long EtuMicros(long etu)
        {
            long denominator = (long)_d * ClockHz;
            return (etu * _f * 1000000L + denominator - 1) / denominator;
        }

        /// <summary>The earliest start of an answer: <paramref name="turnaroundEtu"/> after the last received character's leading edge.</summary>
        public long ReplyTime(int turnaroundEtu)
        {
            long reply = _lastReceivedStart + EtuMicros(turnaroundEtu);
            return reply > _nextStart ? reply : _nextStart;
        }

        /// <summary>Sends one logical byte no earlier than <paramref name="earliest"/>; returns when it starts (or would have).</summary>
        public long Send(byte logical, long earliest)
        {
            long start = earliest > _nextStart ? earliest : _nextStart;
            if (_silent || _line == null)
            {
                return start;
            }

            bool parityBit;
            byte wire = Encode(logical, out parityBit);
            CardFault fault = _faults.Next(CardFaultScope.SentCharacter);
            if (fault != null)
            {
                switch (fault.Kind)
                {
                    case CardFaultKind.Drop:
                        _nextStart = start + EtuMicros(_guardEtu);
                        return start;
                    case CardFaultKind.Corrupt:
                        wire ^= CorruptionMask;
                        break;
                    case CardFaultKind.Delay:
                        start += fault.DelayMicros;
                        break;
                    case CardFaultKind.Mute:
                        _card.MuteFrom(start);
                        return start;
                    case CardFaultKind.Yank:
                        _card.YankAt(start);
                        return start;
                }
            }

            long actual = _line.Transmit(wire, parityBit, start, BaudRate);
            _nextStart = actual + EtuMicros(_guardEtu);
            return actual;
        }

        /// <summary>Sends bytes back to back at the guard time; returns the start of the first.</summary>
        public long SendBytes(byte[] buffer, int offset, int count, long earliest)
        {
            long first = earliest;
            for (int i = 0; i < count; i++)
            {
                long start = Send(buffer[offset + i], earliest);
                if (i == 0)
                {
                    first = start;
                }
            }

            return first;
        }

        /// <summary>
        /// Takes in one character from the host. Returns false when the card does not see it (dropped, or the
        /// card went mute or was pulled on it); otherwise the logical byte and whether it arrived damaged
        /// (wrong baud rate, wrong parity for the card's convention, or an injected corruption).
        /// </summary>
        public bool Receive(byte data, bool parityBit, long start, int hostBaud, out byte logical, out bool error)
        {
            logical = 0;
            error = !SimUartLine.BaudRatesMatch(hostBaud, BaudRate);
            CardFault fault = _faults.Next(CardFaultScope.ReceivedCharacter);
            if (fault != null)
            {
                switch (fault.Kind)
                {
                    case CardFaultKind.Drop:
                        return false;
                    case CardFaultKind.Corrupt:
                        error = true;
                        data ^= CorruptionMask;
                        break;
                    case CardFaultKind.Delay:
                        start += fault.DelayMicros;
                        break;
                    case CardFaultKind.Mute:
                        _card.MuteFrom(start);
                        return false;
                    case CardFaultKind.Yank:
                        _card.YankAt(start);
                        return false;
                }
            }

            _lastReceivedStart = start;
            UartParity expected = _inverse ? UartParity.Odd : UartParity.Even;
            if (!SimUartLine.ParityMatches(data, parityBit, expected))
            {
                error = true;
            }

            logical = _inverse ? InverseMap(data) : data;
            return true;
        }

        /// <summary>
        /// Logical byte to wire view (ISO 7816-3 §8.1): unchanged in direct convention with even parity;
        /// in inverse convention reverse(~b) with the parity bit that makes the nine bits odd.
        /// </summary>
        private byte Encode(byte logical, out bool parityBit)
        {
            if (!_inverse)
            {
                parityBit = SimUartLine.EvenParityBit(logical);
                return logical;
            }

            byte wire = InverseMap(logical);
            parityBit = !SimUartLine.EvenParityBit(wire);
            return wire;
        }

        /// <summary>reverse(~b): the inverse-convention mapping, which is its own inverse.</summary>
        public static byte InverseMap(byte value)
        {
            int inverted = ~value & 0xFF;
            int reversed = 0;
            for (int bit = 0; bit < 8; bit++)
            {
                reversed = (reversed << 1) | ((inverted >> bit) & 1);
            }

            return (byte)reversed;
        }
    }
}
