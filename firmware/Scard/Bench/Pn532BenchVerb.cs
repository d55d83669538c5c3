using System.Globalization;
using System.IO;
using System.Text;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// `scard bench pn532 [--exchanges N]`: the PN532 numbers of issue 4, on the virtual PN532 with its
    /// ISO 14443-4 card, over I2C at 400 kHz, SPI at 5 MHz (each with the driver polling the chip's status
    /// and with the P70_IRQ line wired) and HSU at 115 200 bd (whose transport reads the line, no IRQ):
    /// 1. per APDU through SCardTransmit (<see cref="Pn532ApduBench"/>): bus transactions and bytes,
    ///    virtual time and round trips per second against the wire-time limit (the bus time of the
    ///    APDU's frames alone), bytes allocated, real time of the simulated stack;
    /// 2. card entering the field → GetStatusChange returning PRESENT in virtual time at the driver's
    ///    default poll period and at 100 ms (<see cref="Pn532PresenceBench"/>).
    /// Exit code 1 when an APDU allocates in steady state without the IRQ line (the transmit path must
    /// not); with it the virtual chip itself allocates a clock timer per frame it makes ready later.
    /// </summary>
    public static class Pn532BenchVerb
    {
        private const int DefaultExchanges = 200;
        private const int PresenceTrials = 64;

        /// <summary>A shorter poll period than the driver's default, as a board spec's poll=100 would set.</summary>
        private const long ShortPollPeriodMicros = 100000;
        private const string Usage = "usage: scard bench pn532 [--exchanges N]";

        private static readonly Pn532BenchBus[] Buses = { Pn532BenchBus.I2c, Pn532BenchBus.I2c, Pn532BenchBus.Spi, Pn532BenchBus.Spi, Pn532BenchBus.Hsu };
        private static readonly bool[] IrqWired = { false, true, false, true, false };

        private static readonly int[] ApduColumns = { 17, 15, 9, 6, 6, 10, 7, 7, 6, 6, 7, 8, 8 };
        private static readonly int[] PresenceColumns = { 17, 7, 7, 8, 7, 7, 7, 7, 7, 7 };

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            int exchanges = BenchVerb.ParseExchanges(args, DefaultExchanges, Usage);
            bool allocationFree = RunApdus(exchanges, output);
            output.WriteLine();
            RunPresence(output);
            return allocationFree ? 0 : 1;
        }

        private static bool RunApdus(int exchanges, TextWriter output)
        {
            output.WriteLine("PN532 APDU round trips through SCardTransmit, virtual PN532 with an ISO 14443-4 card (" + exchanges + " exchanges each)");
            output.WriteLine("  xfers/bytes: bus transactions and bytes per APDU; virtual: time per APDU on the virtual clock (chip: ACK "
                + VirtualPn532.AckDelayMicros + " us,");
            output.WriteLine("  " + VirtualPn532.CommandMicros + " us processing, " + VirtualPn532.RfByteMicros
                + " us per byte over the air at 106 kbit/s); wire: bus time of the APDU's frames alone");
            output.WriteLine("  (command, ACK, response of each InDataExchange) at the bus rate; ratio = virtual / wire; air: the APDU's");
            output.WriteLine("  bytes over the air at 106 kbit/s; alloc: bytes allocated per SCardTransmit; real: CPU time of the simulation.");
            output.WriteLine(Row(ApduColumns, "bus", "APDU", "C/R", "xfers", "bytes", "virtual us", "APDU/s", "wire us", "wire/s", "ratio", "air us", "alloc B", "real us"));
            bool allocationFree = true;
            for (int r = 0; r < Buses.Length; r++)
            {
                using (Pn532ApduBench bench = new Pn532ApduBench(Buses[r], IrqWired[r]))
                {
                    Pn532BenchApdu[] apdus = Pn532BenchApdu.All();
                    for (int a = 0; a < apdus.Length; a++)
                    {
                        Pn532ApduResult result = bench.Measure(apdus[a], exchanges);
                        output.WriteLine(ApduRow(bench.Label, result));
                        allocationFree &= IrqWired[r] || result.AllocatedBytes == 0;
                    }
                }
            }

            return allocationFree;
        }

        private static string ApduRow(string label, Pn532ApduResult result)
        {
            return Row(ApduColumns, label, result.Apdu.Name,
                result.Apdu.Command.Length + "/" + result.Apdu.ResponseLength,
                BenchVerb.Format(result.Transactions, "F1"), BenchVerb.Format(result.Bytes, "F0"),
                BenchVerb.Format(result.VirtualMicros, "F0"), BenchVerb.Format(1e6 / result.VirtualMicros, "F1"),
                result.WireMicros.ToString(CultureInfo.InvariantCulture), BenchVerb.Format(1e6 / result.WireMicros, "F0"),
                BenchVerb.Format(result.VirtualMicros / result.WireMicros, "F2"),
                ((result.Apdu.Command.Length + result.Apdu.ResponseLength) * VirtualPn532.RfByteMicros).ToString(CultureInfo.InvariantCulture),
                BenchVerb.Format(result.AllocatedBytes, "F0"), BenchVerb.Format(result.RealMicros, "F1"));
        }

        private static void RunPresence(TextWriter output)
        {
            long defaultPeriod = new Pn532ReaderOptions().PollPeriodMicros;
            output.WriteLine("PN532 card entering the field -> SCardGetStatusChange returning PRESENT, virtual time, driver poll thread at the");
            output.WriteLine("  driver's default period (" + Millis(defaultPeriod) + " ms) and at " + Millis(ShortPollPeriodMicros) + " ms; power-on at insertion off.");
            output.WriteLine("  " + PresenceTrials + " arrivals spread evenly over four times (period + empty poll); empty/arrival: duration of a poll");
            output.WriteLine("  of an empty field / of the poll that finds the card; bound: period + empty + arrival (a card just too late for a");
            output.WriteLine("  poll, and the driver's pause between polls, never longer than the period); all in ms.");
            output.WriteLine(Row(PresenceColumns, "bus", "period", "empty", "arrival", "bound", "min", "median", "mean", "p90", "max"));
            long[] periods = { defaultPeriod, ShortPollPeriodMicros };
            for (int p = 0; p < periods.Length; p++)
            {
                for (int r = 0; r < Buses.Length; r++)
                {
                    using (Pn532PresenceBench bench = new Pn532PresenceBench(Buses[r], IrqWired[r], periods[p]))
                    {
                        long[] latencies = bench.Measure(PresenceTrials);
                        output.WriteLine(Row(PresenceColumns, bench.Label, Millis(bench.PollPeriodMicros), Millis(bench.EmptyPollMicros),
                            Millis(bench.ArrivalPollMicros), Millis(bench.LongestCycleMicros + bench.ArrivalPollMicros), Millis(latencies[0]),
                            Millis(Percentile(latencies, 50)), Millis(Mean(latencies)), Millis(Percentile(latencies, 90)),
                            Millis(latencies[latencies.Length - 1])));
                    }
                }
            }
        }

        private static long Percentile(long[] sorted, int percent)
        {
            return sorted[(sorted.Length - 1) * percent / 100];
        }

        private static long Mean(long[] values)
        {
            long sum = 0;
            for (int i = 0; i < values.Length; i++)
            {
                sum += values[i];
            }

            return sum / values.Length;
        }

        private static string Millis(long micros)
        {
            return BenchVerb.Format(micros / 1000.0, "F1");
        }

        private static string Row(int[] widths, params string[] cells)
        {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                {
                    row.Append(' ');
                }

                row.Append(i < 2 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]));
            }

            return row.ToString().TrimEnd();
        }
    }
}
