using System.Threading;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// Serves a <see cref="SimulatedCard"/> over any <see cref="IUartLine"/> in real time (for
    /// <c>scard simulate card --serial</c>): bytes from the reader go to the card, the card's bytes go back
    /// when they are due. The card sits on an internal simulated line whose virtual clock follows the real
    /// <see cref="IClock"/>. There is no RST wire, so the card waits for the in-band FF FF before its first
    /// ATR, and no echo (a pty has none). A byte-only device carries no baud rate or parity, so host bytes
    /// are handed to the card at its own rate and convention.
    /// </summary>
    public sealed class SerialCardServer
    {
        /// <summary>Longest wait for reader bytes before the card's due bytes are flushed, in microseconds.</summary>
        public const int DefaultPollMicros = 1000;

        private const int BufferSize = 512;

        private readonly SimulatedCard _card;
        private readonly IUartLine _line;
        private readonly IClock _clock;
        private readonly VirtualClock _cardClock = new VirtualClock();
        private readonly SimUartLine _cardLine;
        private readonly byte[] _fromReader = new byte[BufferSize];
        private readonly byte[] _fromCard = new byte[BufferSize];
        private readonly long _origin;
        private int _stopRequested;

        public SerialCardServer(SimulatedCard card, IUartLine line, IClock clock)
        {
            _card = card;
            _line = line;
            _clock = clock;
            _origin = clock.NowMicros;
            _cardLine = new SimUartLine(_cardClock, false);
            _cardLine.JudgesReceivedCharacters = false;
            card.Connect(_cardLine, null, null, null);
            PollMicros = DefaultPollMicros;
        }

        public SimulatedCard Card
        {
            get { return _card; }
        }

        /// <summary>Longest wait for reader bytes in one <see cref="RunOnce"/>, in microseconds.</summary>
        public int PollMicros { get; set; }

        /// <summary>Bytes moved from the reader to the card so far.</summary>
        public int BytesFromReader { get; private set; }

        /// <summary>Bytes moved from the card to the reader so far.</summary>
        public int BytesToReader { get; private set; }

        /// <summary>Serves until <see cref="Stop"/> is called (from another thread).</summary>
        public void Run()
        {
            while (Interlocked.CompareExchange(ref _stopRequested, 0, 0) == 0)
            {
                RunOnce();
            }
        }

        /// <summary>Asks <see cref="Run"/> to return after its current step.</summary>
        public void Stop()
        {
            Interlocked.Exchange(ref _stopRequested, 1);
        }

        /// <summary>One step: waits up to <see cref="PollMicros"/> for reader bytes, hands them to the card, sends what the card has due.</summary>
        public void RunOnce()
        {
            int count = _line.Read(_fromReader, 0, _fromReader.Length, PollMicros);
            FollowRealTime();
            if (count > 0)
            {
                MatchCardFormat();
                _cardLine.Write(_fromReader, 0, count);
                BytesFromReader += count;
            }

            FlushCardBytes();
        }

        /// <summary>Writes every card byte whose stop bit has ended by now.</summary>
        private void FlushCardBytes()
        {
            FollowRealTime();
            while (true)
            {
                int count = _cardLine.Read(_fromCard, 0, _fromCard.Length, 0);
                if (count == 0)
                {
                    return;
                }

                _line.Write(_fromCard, 0, count);
                BytesToReader += count;
            }
        }

        private void FollowRealTime()
        {
            _cardClock.AdvanceTo(_clock.NowMicros - _origin);
        }

        /// <summary>Reader bytes reach the card at its current rate, with the parity of its convention.</summary>
        private void MatchCardFormat()
        {
            UartParity parity = _card.InverseConventionInForce ? UartParity.Odd : UartParity.Even;
            _cardLine.Configure(_card.BaudRate, parity, UartStopBits.Two);
        }
    }
}
