using System.Globalization;
using System.IO;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// `scard bench [--exchanges N]`: the numbers the issues ask for, measured here.
    /// 1. The T=1 transmit on the simulator board (<see cref="TransmitBench"/>): virtual line time per
    ///    exchange against the minimum the timing allows, bytes allocated and real time per Transmit.
    /// 2. The resource manager's own cost over a driver that answers at once (<see cref="ManagerOverheadBench"/>):
    ///    median nanoseconds and bytes per SCardTransmit, and GetStatusChange's wake-up latency after a
    ///    card event. BenchmarkDotNet measures the same calls in tests/Benchmarks.
    /// Exit code 1 when a target is missed (line time over 5 % above the minimum, or any allocation).
    /// `scard bench pn532 [--exchanges N]` runs the PN532 benchmark instead (<see cref="Pn532BenchVerb"/>),
    /// `scard bench vpcd [--exchanges N] [--plain-vicc]` issue 5's latency comparison (<see cref="VpcdBenchVerb"/>).
    /// </summary>
    public static class BenchVerb
    {
        private const int DefaultExchanges = 2000;
        private const int StatusChangeEvents = 500;
        private const string Pn532Verb = "pn532";
        private const string VpcdVerb = "vpcd";
        private const string Usage = "usage: scard bench [--exchanges N] | scard bench pn532 [--exchanges N] | scard bench vpcd [--exchanges N] [--plain-vicc]";

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            if (args.Length > 0 && args[0] == Pn532Verb)
            {
                string[] rest = new string[args.Length - 1];
                System.Array.Copy(args, 1, rest, 0, rest.Length);
                return Pn532BenchVerb.Run(rest, output, error);
            }

            if (args.Length > 0 && args[0] == VpcdVerb)
            {
                string[] rest = new string[args.Length - 1];
                System.Array.Copy(args, 1, rest, 0, rest.Length);
                return VpcdBenchVerb.Run(rest, output, error);
            }

            int exchanges = ParseExchanges(args, DefaultExchanges, Usage);
            bool lineOk = RunTransmit(exchanges, output);
            bool managerOk = RunManager(exchanges, output);
            return lineOk && managerOk ? 0 : 1;
        }

        private static bool RunTransmit(int exchanges, TextWriter output)
        {
            using (TransmitBench bench = new TransmitBench())
            {
                CardTiming timing = bench.Timing;
                output.WriteLine("T=1 exchange, 255-byte command / 256-byte response, simulator board");
                output.WriteLine("  F=" + timing.F + " D=" + timing.D + " clock=" + timing.ClockHz + " Hz baud=" + timing.BaudRate
                    + " guard=" + timing.CharacterGuardEtu + " etu BGT=22 etu");
                long line = bench.MeasureLineMicros(exchanges);
                long minimum = bench.MinimumLineMicros();
                double ratio = (double)line / minimum;
                output.WriteLine("  line time per exchange: " + line + " us (virtual), minimum " + minimum + " us, ratio "
                    + Format(ratio, "F4") + (ratio <= 1.05 ? " (within 5%)" : " (MORE THAN 5% OVER)"));
                double allocated = bench.MeasureAllocatedBytesPerTransmit(exchanges);
                output.WriteLine("  allocated per Transmit (steady state): " + Format(allocated, "F2") + " bytes");
                double real = bench.MeasureRealMicrosPerTransmit(exchanges);
                output.WriteLine("  real time per Transmit (simulated stack): " + Format(real, "F1") + " us");
                return ratio <= 1.05 && allocated == 0;
            }
        }

        private static bool RunManager(int exchanges, TextWriter output)
        {
            using (ManagerOverheadBench bench = new ManagerOverheadBench())
            {
                output.WriteLine("Resource manager over a driver that answers at once");
                bench.Transmit();
                double manager = ManagerOverheadBench.MedianNanos(bench.Transmit, 51, exchanges);
                double driver = ManagerOverheadBench.MedianNanos(bench.TransmitToDriver, 51, exchanges);
                output.WriteLine("  SCardTransmit: median " + Format(manager, "F0") + " ns per call (driver alone "
                    + Format(driver, "F0") + " ns: manager and library add " + Format(manager - driver, "F0") + " ns)");
                double allocated = bench.AllocatedBytesPerTransmit(exchanges);
                output.WriteLine("  allocated per SCardTransmit: " + Format(allocated, "F2") + " bytes");
                double[] wake = bench.StatusChangeWakeUpMicros(StatusChangeEvents);
                output.WriteLine("  GetStatusChange wake-up after a card event (" + wake.Length + " events): median "
                    + Format(Percentile(wake, 50), "F1") + " us, p90 " + Format(Percentile(wake, 90), "F1")
                    + " us, p99 " + Format(Percentile(wake, 99), "F1") + " us");
                return allocated == 0;
            }
        }

        internal static double Percentile(double[] sorted, int percent)
        {
            int index = (sorted.Length - 1) * percent / 100;
            return sorted[index];
        }

        internal static string Format(double value, string format)
        {
            return value.ToString(format, CultureInfo.InvariantCulture);
        }

        /// <summary>The only option of both benchmarks, "--exchanges N" (N &gt; 0); anything else is a usage error.</summary>
        internal static int ParseExchanges(string[] args, int defaultExchanges, string usage)
        {
            int exchanges = defaultExchanges;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--exchanges" && i + 1 < args.Length && int.TryParse(args[i + 1], out exchanges) && exchanges > 0)
                {
                    i++;
                    continue;
                }

                throw new CommandLineException(usage);
            }

            return exchanges;
        }
    }
}
