using BenchmarkDotNet.Attributes;
using EmbeddedSmartCard.Scard;

namespace EmbeddedSmartCard.Benchmarks
{
    /// <summary>
    /// The resource manager's cost per SCardTransmit over a driver that answers at once, against the
    /// driver alone (the baseline). GetStatusChange's wake-up latency crosses threads, so `scard bench`
    /// measures it with timestamps instead (<see cref="ManagerOverheadBench.StatusChangeWakeUpMicros"/>).
    /// </summary>
    [MemoryDiagnoser]
    public class ManagerBenchmarks
    {
        private ManagerOverheadBench bench;

        [GlobalSetup]
        public void Setup()
        {
            bench = new ManagerOverheadBench();
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            bench.Dispose();
        }

        [Benchmark(Baseline = true)]
        public void DriverTransmit()
        {
            bench.TransmitToDriver();
        }

        [Benchmark]
        public void ManagerTransmit()
        {
            bench.Transmit();
        }
    }
}
