using System;

namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>
    /// The host side of a simulated UART line, with a peer (the card) at the other end, on a
    /// <see cref="VirtualClock"/> (docs/architecture.md, "The simulated UART line").
    /// Host characters are queued back to back and last (1 start + 8 data + parity + stop bits) / baud;
    /// peer characters last 1 start + 8 data + parity + 1 stop bit at the peer's baud rate and never overlap
    /// another character on the wire. A received character is evaluated against the host's configuration
    /// in force when its stop bit ends: a baud rate more than 5 % off garbles it, a parity bit that does not
    /// match the configured parity counts a receive error. Collisions (both ends talking at once) are not modelled.
    /// </summary>
    public sealed class SimUartLine : IUartLine
    {
        /// <summary>A receiver tolerates this much baud-rate difference, in percent, before it mis-samples bits.</summary>
        public const int BaudTolerancePercent = 5;

        private const int DataBits = 8;
        private const int StartBits = 1;
        private const int PeerStopBits = 1;
        private const byte GarbleMask = 0x5A;
        private const int ReceiveBufferSize = 4096;

        private readonly object _lock = new object();
        private readonly VirtualClock _clock;
        private readonly bool _singleWire;
        private readonly SimCharacterQueue _inFlight = new SimCharacterQueue();
        private readonly byte[] _received = new byte[ReceiveBufferSize];
        private int _receivedHead;
        private int _receivedCount;
        private int _receiveErrors;
        private long _hostFreeAt;
        private long _wireFreeAt;
        private int _baudRate = 9600;
        private UartParity _parity = UartParity.Even;
        private UartStopBits _stopBits = UartStopBits.Two;
        private ISimUartPeer _peer;
        private bool _judgesReceived = true;

        /// <param name="clock">The reader's virtual clock.</param>
        /// <param name="singleWire">True for an ISO 7816 I/O line (TX and RX tied): every written character is also received.</param>
        public SimUartLine(VirtualClock clock, bool singleWire)
        {
            _clock = clock;
            _singleWire = singleWire;
        }

        public VirtualClock Clock
        {
            get { return _clock; }
        }

        /// <summary>The device at the other end, or null for an open line.</summary>
        public ISimUartPeer Peer
        {
            get { return _peer; }
            set { _peer = value; }
        }

        public int BaudRate
        {
            get { return _baudRate; }
        }

        public UartParity Parity
        {
            get { return _parity; }
        }

        public UartStopBits StopBits
        {
            get { return _stopBits; }
        }

        public bool EchoesWrites
        {
            get { return _singleWire; }
        }

        /// <summary>
        /// When false, peer characters are delivered exactly as sent, without baud-rate or parity judgement:
        /// for a bridge to a device that carries bytes only (a card served over a pseudo-terminal).
        /// </summary>
        public bool JudgesReceivedCharacters
        {
            get { return _judgesReceived; }
            set { _judgesReceived = value; }
        }

        public int ReceiveErrorCount
        {
            get
            {
                lock (_lock)
                {
                    LatchArrived();
                    return _receiveErrors;
                }
            }
        }

        /// <summary>Time at which the last character written by the host leaves the wire.</summary>
        public long HostIdleMicros
        {
            get
            {
                lock (_lock)
                {
                    return _hostFreeAt;
                }
            }
        }

        /// <summary>Duration of a character of <paramref name="bitCount"/> bits at <paramref name="baudRate"/>, rounded up, in microseconds.</summary>
        public static long CharacterMicros(int bitCount, int baudRate)
        {
            return ((long)bitCount * 1000000L + baudRate - 1) / baudRate;
        }

        /// <summary>True when a receiver at <paramref name="receiverBaud"/> samples a character sent at <paramref name="senderBaud"/> correctly.</summary>
        public static bool BaudRatesMatch(int senderBaud, int receiverBaud)
        {
            int difference = senderBaud > receiverBaud ? senderBaud - receiverBaud : receiverBaud - senderBaud;
            return (long)difference * 100 <= (long)receiverBaud * BaudTolerancePercent;
        }

        /// <summary>The bit that gives <paramref name="data"/> plus it an even number of ones.</summary>
        public static bool EvenParityBit(byte data)
        {
            int ones = 0;
            for (int bit = 0; bit < DataBits; bit++)
            {
                ones += (data >> bit) & 1;
            }

            return (ones & 1) != 0;
        }

        /// <summary>True when <paramref name="parityBit"/> is what <paramref name="parity"/> asks for (always true with no parity).</summary>
        public static bool ParityMatches(byte data, bool parityBit, UartParity parity)
        {
            if (parity == UartParity.None)
            {
                return true;
            }

            bool evenBit = EvenParityBit(data);
            return parity == UartParity.Even ? parityBit == evenBit : parityBit != evenBit;
        }

        public void Configure(int baudRate, UartParity parity, UartStopBits stopBits)
        {
            if (baudRate <= 0)
            {
                throw new ArgumentOutOfRangeException("baudRate");
            }

            lock (_lock)
            {
                // Characters that finished under the old format were received under it.
                LatchArrived();
                _baudRate = baudRate;
                _parity = parity;
                _stopBits = stopBits;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                byte data = buffer[offset + i];
                bool parityBit;
                long start;
                int baudRate;
                lock (_lock)
                {
                    baudRate = _baudRate;
                    parityBit = HostParityBit(data);
                    start = _clock.NowMicros > _hostFreeAt ? _clock.NowMicros : _hostFreeAt;
                    _hostFreeAt = start + CharacterMicros(HostBitCount(), baudRate);
                    if (_hostFreeAt > _wireFreeAt)
                    {
                        _wireFreeAt = _hostFreeAt;
                    }

                    if (_singleWire)
                    {
                        _inFlight.Add(data, parityBit, start, _hostFreeAt, baudRate, false);
                    }
                }

                ISimUartPeer peer = _peer;
                if (peer != null)
                {
                    peer.OnCharacter(this, data, parityBit, start, baudRate);
                }
            }
        }

        public void Drain()
        {
            _clock.AdvanceTo(HostIdleMicros);
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMicros)
        {
            if (count <= 0)
            {
                return 0;
            }

            long deadline = _clock.NowMicros + (timeoutMicros > 0 ? timeoutMicros : 0);
            while (true)
            {
                int taken = TakeReceived(buffer, offset, count);
                if (taken > 0)
                {
                    return taken;
                }

                long nextEvent = NextArrivalMicros();
                long nextTimer = _clock.NextTimerMicros;
                if (nextTimer < nextEvent)
                {
                    nextEvent = nextTimer;
                }

                if (nextEvent > deadline)
                {
                    _clock.AdvanceTo(deadline);
                    return TakeReceived(buffer, offset, count);
                }

                _clock.AdvanceTo(nextEvent);
            }
        }

        public void DiscardInput()
        {
            lock (_lock)
            {
                LatchArrived();
                _receivedHead = 0;
                _receivedCount = 0;
            }
        }

        /// <summary>
        /// Peer side: schedules one character at <paramref name="startMicros"/> (later if the wire is busy or
        /// the time has passed) at the peer's <paramref name="baudRate"/>. Returns the start time actually used.
        /// </summary>
        public long Transmit(byte data, bool parityBit, long startMicros, int baudRate)
        {
            lock (_lock)
            {
                long start = startMicros;
                long now = _clock.NowMicros;
                if (start < now)
                {
                    start = now;
                }

                if (start < _wireFreeAt)
                {
                    start = _wireFreeAt;
                }

                long end = start + CharacterMicros(StartBits + DataBits + 1 + PeerStopBits, baudRate);
                _wireFreeAt = end;
                _inFlight.Add(data, parityBit, start, end, baudRate, true);
                return start;
            }
        }

        /// <summary>Peer side: withdraws every peer character starting at or after <paramref name="fromMicros"/> (the card was reset, muted or pulled).</summary>
        public void CancelTransmissions(long fromMicros)
        {
            lock (_lock)
            {
                _inFlight.RemovePeerCharactersFrom(fromMicros);
                long lastEnd = _inFlight.LastEndMicros;
                _wireFreeAt = lastEnd > _hostFreeAt ? lastEnd : _hostFreeAt;
            }
        }

        public void Dispose()
        {
            _peer = null;
            lock (_lock)
            {
                _inFlight.Clear();
                _receivedCount = 0;
            }
        }

        private int HostBitCount()
        {
            int parityBits = _parity == UartParity.None ? 0 : 1;
            return StartBits + DataBits + parityBits + (int)_stopBits;
        }

        private bool HostParityBit(byte data)
        {
            if (_parity == UartParity.None)
            {
                // The ninth bit slot carries the first stop bit.
                return true;
            }

            bool evenBit = EvenParityBit(data);
            return _parity == UartParity.Even ? evenBit : !evenBit;
        }

        private long NextArrivalMicros()
        {
            lock (_lock)
            {
                return _inFlight.Count == 0 ? long.MaxValue : _inFlight.EndAt(0);
            }
        }

        private int TakeReceived(byte[] buffer, int offset, int count)
        {
            lock (_lock)
            {
                LatchArrived();
                int taken = 0;
                while (taken < count && _receivedCount > 0)
                {
                    buffer[offset + taken] = _received[_receivedHead];
                    _receivedHead = (_receivedHead + 1) % ReceiveBufferSize;
                    _receivedCount--;
                    taken++;
                }

                return taken;
            }
        }

        /// <summary>Moves every character whose stop bit has ended into the receive buffer, judged against the current format.</summary>
        private void LatchArrived()
        {
            long now = _clock.NowMicros;
            while (_inFlight.Count > 0 && _inFlight.EndAt(0) <= now)
            {
                byte data = _inFlight.DataAt(0);
                bool error = _judgesReceived && Judge(ref data, _inFlight.ParityAt(0), _inFlight.BaudAt(0));
                _inFlight.RemoveFirst();
                StoreReceived(data, error);
            }
        }

        /// <summary>True when the receiver sees the character damaged: garbled by a baud-rate mismatch, or with the wrong parity.</summary>
        private bool Judge(ref byte data, bool parityBit, int senderBaud)
        {
            if (!BaudRatesMatch(senderBaud, _baudRate))
            {
                data = (byte)(data ^ GarbleMask);
                return true;
            }

            return !ParityMatches(data, parityBit, _parity);
        }

        private void StoreReceived(byte data, bool error)
        {
            if (error)
            {
                _receiveErrors++;
            }

            if (_receivedCount == ReceiveBufferSize)
            {
                // Overrun: the character is lost, as on a UART nobody reads.
                _receiveErrors++;
                return;
            }

            _received[(_receivedHead + _receivedCount) % ReceiveBufferSize] = data;
            _receivedCount++;
        }
    }
}
