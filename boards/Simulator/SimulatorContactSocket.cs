using EmbeddedSmartCard.Boards.Profiles;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// A simulated contact card socket: the I/O line and the RST, VCC, card-detect and CLK parts wired to it
    /// (null where none is), all on one <see cref="VirtualClock"/>. A <see cref="SimulatedCard"/> is inserted and
    /// removed here; a card that yanks itself (a fault) empties the socket the same way. It is the socket a
    /// <see cref="ContactWiring"/> puts on <see cref="SimulatorHardware"/>, and a <see cref="SimulatorSlot"/> is one
    /// with its reader.
    /// </summary>
    public class SimulatorContactSocket
    {
        private readonly object socketLock = new object();
        private readonly SimulatedCardRemovedHandler onCardRemoved;
        private readonly bool detectActiveHigh;
        private SimulatedCard card;

        /// <summary>
        /// The socket <paramref name="wiring"/> wires. Its parts are simulated at their logical level, so card
        /// detect reads true (active) while a card is in.
        /// </summary>
        public SimulatorContactSocket(VirtualClock clock, ContactWiring wiring)
            : this(clock, wiring.Uart.SingleWire, true, hasReset: wiring.Reset != null, hasVcc: wiring.Vcc != null,
                hasCardDetect: wiring.CardDetect != null, hasClock: wiring.Clock != null)
        {
        }

        /// <summary>
        /// A socket with every contact wired on a single-wire I/O line; card detect reads
        /// <paramref name="detectActiveHigh"/> while a card is in.
        /// </summary>
        public SimulatorContactSocket(VirtualClock clock, bool detectActiveHigh)
            : this(clock, true, detectActiveHigh, hasReset: true, hasVcc: true, hasCardDetect: true, hasClock: true)
        {
        }

        private SimulatorContactSocket(VirtualClock clock, bool singleWire, bool detectActiveHigh,
            bool hasReset, bool hasVcc, bool hasCardDetect, bool hasClock)
        {
            Clock = clock;
            this.detectActiveHigh = detectActiveHigh;
            Line = new SimUartLine(clock, singleWire);
            Reset = hasReset ? new SimOutputPin(clock, false) : null;
            Vcc = hasVcc ? new SimOutputPin(clock, false) : null;
            CardDetect = hasCardDetect ? new SimInputPin(clock, !detectActiveHigh) : null;
            ClockOutput = hasClock ? new SimClockOutput() : null;
            onCardRemoved = OnCardRemoved;
        }

        /// <summary>The clock of the line and every part.</summary>
        public VirtualClock Clock { get; private set; }

        public SimUartLine Line { get; private set; }

        /// <summary>RST, or null: the card then takes the in-band FF FF reset.</summary>
        public SimOutputPin Reset { get; private set; }

        /// <summary>The VCC switch, or null: the card is powered while inserted.</summary>
        public SimOutputPin Vcc { get; private set; }

        /// <summary>The card-present switch, at its active level while a card is in, or null.</summary>
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
                CardDetect.Set(present == detectActiveHigh);
            }
        }

        /// <summary>Nobody waits on an idle reader, so the socket itself lets the debounce time pass.</summary>
        private void SettleCardDetect()
        {
            if (CardDetect != null)
            {
                Clock.Advance(CardDetect.DebounceMicros);
            }
        }
    }
}
