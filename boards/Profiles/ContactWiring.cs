using EmbeddedSmartCard.Drivers.Uart;

namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>
    /// A contact card socket on a UART (ISO 7816-3 §5.1 contacts): I/O on the UART, RST (<see cref="ReaderWiring.Reset"/>),
    /// VCC switch, card-detect switch and CLK on GPIOs. A null pin is not wired: no RST means the in-band FF FF reset of
    /// docs/architecture.md, no VCC switch means an always-on supply, no CLK pin means a free-running oscillator.
    /// </summary>
    public sealed class ContactWiring : ReaderWiring
    {
        public UartWiring Uart = new UartWiring();

        public PinWiring Vcc;

        public PinWiring CardDetect;

        /// <summary>The PWM pin giving CLK, or null for an oscillator of <see cref="ClockHz"/> on the socket.</summary>
        public PinWiring Clock;

        /// <summary>CLK frequency asked of the PWM pin, or that of the oscillator (ISO 7816-3 §8.1: f = 1 to 5 MHz at activation).</summary>
        public int ClockHz = UartReaderOptions.DefaultClockHz;
    }
}
