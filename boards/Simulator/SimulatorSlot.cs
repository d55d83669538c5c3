using EmbeddedSmartCard.Drivers.Uart;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// One contact slot of the <see cref="SimulatorBoard"/>: a fully wired <see cref="SimulatorContactSocket"/> on
    /// the slot's own <see cref="VirtualClock"/> (slots do not disturb each other's time) and the
    /// <see cref="UartCardReader"/> wired to its line and parts. Cards go in and out through the socket.
    /// </summary>
    public sealed class SimulatorSlot
    {
        public SimulatorSlot(UartReaderOptions options)
        {
            Socket = new SimulatorContactSocket(new VirtualClock(), options.CardDetectActiveHigh);
            Reader = new UartCardReader(options, Line, Clock, Reset, Vcc, CardDetect, ClockOutput);
        }

        public SimulatorContactSocket Socket { get; private set; }

        public UartCardReader Reader { get; private set; }

        public VirtualClock Clock
        {
            get { return Socket.Clock; }
        }

        public SimUartLine Line
        {
            get { return Socket.Line; }
        }

        public SimOutputPin Reset
        {
            get { return Socket.Reset; }
        }

        public SimOutputPin Vcc
        {
            get { return Socket.Vcc; }
        }

        public SimInputPin CardDetect
        {
            get { return Socket.CardDetect; }
        }

        public SimClockOutput ClockOutput
        {
            get { return Socket.ClockOutput; }
        }

        /// <summary>The card in the slot, or null.</summary>
        public SimulatedCard Card
        {
            get { return Socket.Card; }
        }

        /// <summary>Puts <paramref name="card"/> in the slot's socket (see <see cref="SimulatorContactSocket.Insert"/>).</summary>
        public void Insert(SimulatedCard card)
        {
            Socket.Insert(card);
        }

        /// <summary>Takes the card out of the slot's socket.</summary>
        public void Remove()
        {
            Socket.Remove();
        }
    }
}
