using BenchmarkDotNet.Attributes;
using EmbeddedSmartCard.Scard;

namespace EmbeddedSmartCard.Benchmarks
{
    /// <summary>
    /// Real time and allocations of one SCardTransmit to the ISO 14443-4 card of the virtual PN532, per
    /// interface (I2C 400 kHz, SPI 5 MHz, HSU 115 200 bd, status polled) and APDU: the cost of the driver,
    /// the manager and the simulated chip and bus on the host. The virtual-time numbers (transactions,
    /// bytes, round trips per second against the wire-time limit, card-present latency) are printed by
    /// `scard bench pn532`, which shares <see cref="Pn532ApduBench"/>.
    /// </summary>
    [MemoryDiagnoser]
    public class Pn532Benchmarks
    {
        private Pn532ApduBench bench;
        private Pn532BenchApdu apdu;

        [Params(Pn532BenchBus.I2c, Pn532BenchBus.Spi, Pn532BenchBus.Hsu)]
        public Pn532BenchBus Bus { get; set; }

        /// <summary>Index into <see cref="Pn532BenchApdu.All"/>: SELECT MF, GET CHALLENGE 8, ECHO 250, PATTERN 300.</summary>
        [Params(0, 1, 2, 3)]
        public int Apdu { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            bench = new Pn532ApduBench(Bus, false);
            apdu = Pn532BenchApdu.All()[Apdu];
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            bench.Dispose();
        }

        [Benchmark]
        public void Pn532Transmit()
        {
            bench.Transmit(apdu);
        }
    }
}
