using EmbeddedSmartCard.Boards.Profiles;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// A contact card socket on <see cref="SimulatorHardware"/>: the simulated I/O line and the RST, VCC,
    /// card-detect and CLK parts a <see cref="ContactWiring"/> wires (null where it wires none). A
    /// <see cref="SimulatedCard"/> is inserted and removed here; a card that yanks itself empties the socket the same way.
    /// </summary>
    public sealed class SimulatorContactSocket
    {
        private readonly object socketLock = new object();
        private readonly VirtualClock clock;
        private readonly SimulatedCardRemovedHandler onCardRemoved;
        private SimulatedCard card;

        public SimulatorContactSocket(VirtualClock clock, ContactWiring wiring)
        {
            this.clock = clock;
            Line = new SimUartLine(clock, wiring.Uart.SingleWire);
            Reset = wiring.Reset == null ? null : new SimOutputPin(clock, false);
            Vcc = wiring.Vcc == null ? null : new SimOutputPin(clock, false);
            CardDetect = wiring.CardDetect == null ? null : new SimInputPin(clock, false);
            ClockOutput = wiring.Clock == null ? null : new SimClockOutput();
            onCardRemoved = OnCardRemoved;
        }

        public SimUartLine Line { get; private set; }

        /// <summary>RST, or null: the card then takes the in-band FF FF reset.</summary>
        public SimOutputPin Reset { get; private set; }

        /// <summary>The VCC switch, or null: the card is powered while inserted.</summary>
        public SimOutputPin Vcc { get; private set; }

        /// <summary>The card-present switch, true (active) while a card is in, or null.</summary>
        public SimInputPin CardDetect { get; private set; }

        /// <summary>CLK, or null: the card runs on its profile's clock.</summary>
        public SimClockOutput ClockOutput { get; private set; }

        /// <summary>The card in the socket, or null.</summary>
        public SimulatedCard Card
        {
            get { return card; }
        }

        /// <summary>
        /// Puts <paramref name="inserted"/> in the socket (taking out any other): it touches the contacts and card
        /// detect goes active. Virtual time then moves past the debounce time so the reader sees the edge.
        /// </summary>
        public void Insert(SimulatedCard inserted)
        {
            lock (socketLock)
            {
                TakeOut();
                card = inserted;
                inserted.Connect(Line, Reset, Vcc, ClockOutput);
                inserted.Removed += onCardRemoved;
                SetDetect(true);
            }

            SettleCardDetect();
        }

        /// <summary>Takes the card out: card detect goes inactive and the card leaves the contacts.</summary>
        public void Remove()
        {
            lock (socketLock)
            {
                TakeOut();
            }

            SettleCardDetect();
        }

        private void OnCardRemoved(SimulatedCard removed, long timeMicros)
        {
            lock (socketLock)
            {
                if (removed == card)
                {
                    TakeOut();
                }
            }
        }

        private void TakeOut()
        {
            if (card == null)
            {
                return;
            }

            card.Removed -= onCardRemoved;
            card.Disconnect();
            card = null;
            SetDetect(false);
        }

        private void SetDetect(bool present)
        {
            if (CardDetect != null)
            {
                CardDetect.Set(present);
            }
        }

        /// <summary>Nobody waits on an idle reader, so the socket itself lets the debounce time pass.</summary>
        private void SettleCardDetect()
        {
            if (CardDetect != null)
            {
                clock.Advance(CardDetect.DebounceMicros);
            }
        }
    }
}
