using System.Globalization;
using System.IO;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// `scard bench [--exchanges N]`: the T=1 transmit benchmark on the simulator board (see
    /// <see cref="TransmitBench"/>). Prints the negotiated parameters, the virtual line time per exchange
    /// against the minimum the timing allows, the bytes allocated per Transmit and the real time per
    /// Transmit. BenchmarkDotNet measures the same exchange in tests/Benchmarks.
    /// </summary>
    public static class BenchVerb
    {
        private const int DefaultExchanges = 2000;

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            int exchanges = ParseExchanges(args);
            using (TransmitBench bench = new TransmitBench())
            {
                var timing = bench.Timing;
                output.WriteLine("T=1 exchange, 255-byte command / 256-byte response, simulator board");
                output.WriteLine("  F=" + timing.F + " D=" + timing.D + " clock=" + timing.ClockHz + " Hz baud=" + timing.BaudRate
                    + " guard=" + timing.CharacterGuardEtu + " etu BGT=22 etu");
                long line = bench.MeasureLineMicros(exchanges);
                long minimum = bench.MinimumLineMicros();
                double ratio = (double)line / minimum;
                output.WriteLine("  line time per exchange: " + line + " us (virtual), minimum " + minimum + " us, ratio "
                    + ratio.ToString("F4", CultureInfo.InvariantCulture) + (ratio <= 1.05 ? " (within 5%)" : " (MORE THAN 5% OVER)"));
                double allocated = bench.MeasureAllocatedBytesPerTransmit(exchanges);
                output.WriteLine("  allocated per Transmit (steady state): " + allocated.ToString("F2", CultureInfo.InvariantCulture) + " bytes");
                double real = bench.MeasureRealMicrosPerTransmit(exchanges);
                output.WriteLine("  real time per Transmit (simulated stack): " + real.ToString("F1", CultureInfo.InvariantCulture) + " us");
                return ratio <= 1.05 && allocated == 0 ? 0 : 1;
            }
        }

        private static int ParseExchanges(string[] args)
        {
            int exchanges = DefaultExchanges;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--exchanges" && i + 1 < args.Length && int.TryParse(args[i + 1], out exchanges) && exchanges > 0)
                {
                    i++;
                    continue;
                }

                throw new CommandLineException("usage: scard bench [--exchanges N]");
            }

            return exchanges;
        }
    }
}
