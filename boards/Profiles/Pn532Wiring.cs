using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>
    /// A PN532 module: the host interface and its bus wiring (only the one <see cref="Interface"/> names is
    /// used), P70_IRQ and RSTPDN (<see cref="ReaderWiring.Reset"/>: low holds the chip in reset) on GPIOs when
    /// wired (null otherwise).
    /// </summary>
    public sealed class Pn532Wiring : ReaderWiring
    {
        public Pn532Wiring(Pn532Interface bus)
        {
            Interface = bus;
        }

        public Pn532Interface Interface;

        public I2cWiring I2c = new I2cWiring();

        public SpiWiring Spi = new SpiWiring();

        public UartWiring Uart = new UartWiring();

        /// <summary>HSU baud rate: the PN532 starts at 115 200 (reference §3.2 "HSU").</summary>
        public int HsuBaudRate = Pn532HsuTransport.DefaultBaudRate;

        /// <summary>P70_IRQ, low while a response is ready; null to poll the status instead.</summary>
        public PinWiring Irq;
    }
}
