using EmbeddedSmartCard.Drivers.Uart;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// One contact slot of the <see cref="SimulatorBoard"/>: a fully wired <see cref="SimulatorContactSocket"/> on
    /// the slot's own <see cref="VirtualClock"/> (slots do not disturb each other's time) and the
    /// <see cref="UartCardReader"/> wired to its line and parts.
    /// </summary>
    public sealed class SimulatorSlot : SimulatorContactSocket
    {
        public SimulatorSlot(UartReaderOptions options)
            : base(new VirtualClock(), options.CardDetectActiveHigh)
        {
            Reader = new UartCardReader(options, Line, Clock, Reset, Vcc, CardDetect, ClockOutput);
        }

        public UartCardReader Reader { get; private set; }
    }
}
