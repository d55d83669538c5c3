using EmbeddedSmartCard.Drivers.Uart;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// One contact slot of the <see cref="SimulatorBoard"/>: a single-wire simulated line, RST and VCC
    /// outputs, a card-detect input, a clock output, all on the slot's own <see cref="VirtualClock"/>, and
    /// the <see cref="UartCardReader"/> wired to them. A <see cref="SimulatedCard"/> is inserted and removed
    /// here; a card that yanks itself (a fault) empties the slot the same way.
    /// </summary>
    public sealed class SimulatorSlot
    {
        private readonly object _lock = new object();
        private readonly SimulatedCardRemovedHandler _onCardRemoved;
        private readonly bool _detectActiveHigh;
        private SimulatedCard _card;

        public SimulatorSlot(UartReaderOptions options)
        {
            Clock = new VirtualClock();
            Line = new SimUartLine(Clock, true);
            Reset = new SimOutputPin(Clock, false);
            Vcc = new SimOutputPin(Clock, false);
            ClockOutput = new SimClockOutput();
            _detectActiveHigh = options.CardDetectActiveHigh;
            CardDetect = new SimInputPin(Clock, !_detectActiveHigh);
            Reader = new UartCardReader(options, Line, Clock, Reset, Vcc, CardDetect, ClockOutput);
            _onCardRemoved = OnCardRemoved;
        }

        public VirtualClock Clock { get; private set; }

        public SimUartLine Line { get; private set; }

        public SimOutputPin Reset { get; private set; }

        public SimOutputPin Vcc { get; private set; }

        public SimInputPin CardDetect { get; private set; }

        public SimClockOutput ClockOutput { get; private set; }

        public UartCardReader Reader { get; private set; }

        /// <summary>The card in the slot, or null.</summary>
        public SimulatedCard Card
        {
            get { return _card; }
        }

        /// <summary>
        /// Puts <paramref name="card"/> in the slot (taking out any other): it touches the contacts and card
        /// detect goes active. Virtual time then moves past the debounce time so the reader sees the edge.
        /// </summary>
        public void Insert(SimulatedCard card)
        {
            lock (_lock)
            {
                TakeOut();
                _card = card;
                card.Connect(Line, Reset, Vcc, ClockOutput);
                card.Removed += _onCardRemoved;
                CardDetect.Set(_detectActiveHigh);
            }

            SettleCardDetect();
        }

        /// <summary>Takes the card out: card detect goes inactive and the card leaves the contacts.</summary>
        public void Remove()
        {
            lock (_lock)
            {
                TakeOut();
            }

            SettleCardDetect();
        }

        private void OnCardRemoved(SimulatedCard card, long timeMicros)
        {
            lock (_lock)
            {
                if (card == _card)
                {
                    TakeOut();
                }
            }
        }

        private void TakeOut()
        {
            if (_card == null)
            {
                return;
            }

            _card.Removed -= _onCardRemoved;
            _card.Disconnect();
            _card = null;
            CardDetect.Set(!_detectActiveHigh);
        }

        /// <summary>Nobody waits on an idle reader, so the slot itself lets the debounce time pass.</summary>
        private void SettleCardDetect()
        {
            Clock.Advance(CardDetect.DebounceMicros);
        }
    }
}
