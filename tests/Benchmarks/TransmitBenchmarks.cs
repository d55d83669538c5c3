using BenchmarkDotNet.Attributes;
using EmbeddedSmartCard.Scard;

namespace EmbeddedSmartCard.Benchmarks
{
    /// <summary>
    /// Real time and allocations of one T=1 exchange (255-byte command, 256-byte response) through the
    /// whole stack on the simulator board. The virtual line time against its minimum is reported by
    /// `scard bench`, which shares <see cref="TransmitBench"/>.
    /// </summary>
    [MemoryDiagnoser]
    public class TransmitBenchmarks
    {
        private TransmitBench bench;

        [GlobalSetup]
        public void Setup()
        {
            bench = new TransmitBench();
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            bench.Dispose();
        }

        [Benchmark]
        public void T1Transmit255By256()
        {
            bench.Transmit();
        }
    }
}
