using System;
using System.IO;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// `scard bench vpcd [--exchanges N] [--plain-vicc]` (issue 5's benchmark): median and p99 latency of GET
    /// CHALLENGE against the same kind of vicc card, in one run, through (a) our manager's vpcd reader and (b)
    /// libpcsclite → pcscd → vpcd, their ratio, and our overhead over a bare TCP round trip to vicc. Starts its
    /// own peers (a private pcscd in a mount namespace, so root; vicc) and stops them by PID. vicc runs with
    /// TCP_QUICKACK (see <see cref="ViccProcess"/>) unless --plain-vicc: Debian 12's vpcd otherwise pays a
    /// delayed ACK of about 40 ms per APDU, which says nothing about either stack.
    /// </summary>
    public static class VpcdBenchVerb
    {
        private const int DefaultExchanges = 1000;
        private const string PlainViccFlag = "--plain-vicc";
        private const string Usage = "usage: scard bench vpcd [--exchanges N] [--plain-vicc]";

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            bool plain = Array.IndexOf(args, PlainViccFlag) >= 0;
            string[] rest = Array.FindAll(args, argument => argument != PlainViccFlag);
            int exchanges = BenchVerb.ParseExchanges(rest, DefaultExchanges, Usage);
            if (!ViccProcess.Available || !PrivatePcscd.Available)
            {
                error.WriteLine("scard bench vpcd: needs root, vicc and pcscd with vpcd (Debian: pcscd vsmartcard-vpcd vsmartcard-vpicc python3-virtualsmartcard python3-pycryptodome)");
                return 1;
            }

            string scratch = Path.Combine(Path.GetTempPath(), "esc-bench-vpcd-" + Environment.ProcessId);
            try
            {
                using (PrivatePcscd daemon = PrivatePcscd.Start(scratch, PrivatePcscd.FreePortPair()))
                {
                    PrivatePcscd.UseInThisProcess(daemon.SocketPath);
                    VpcdLatencyBench bench = new VpcdLatencyBench(exchanges, !plain, scratch);
                    double[] bare = bench.MeasureBareTcp();
                    double[] ours = bench.MeasureManagerVpcd();
                    double[] pcscd = bench.MeasurePcscd(daemon);
                    Print(output, exchanges, !plain, bare, ours, pcscd);
                }

                return 0;
            }
            catch (IOException e)
            {
                error.WriteLine("scard bench vpcd: " + e.Message);
                return 1;
            }
            finally
            {
                DeleteQuietly(scratch);
            }
        }

        private static void Print(TextWriter output, int exchanges, bool quickAck, double[] bare, double[] ours, double[] pcscd)
        {
            output.WriteLine("GET CHALLENGE (00 84 00 00 08) round trips to vicc -t iso7816 on 127.0.0.1, " + exchanges + " each"
                + (quickAck ? ", vicc with TCP_QUICKACK" : ", stock vicc"));
            output.WriteLine("  path                                        median us      p99 us");
            Row(output, "bare TCP to vicc (vpcd frames only)", bare);
            Row(output, "(a) our manager's vpcd reader", ours);
            Row(output, "(b) libpcsclite -> pcscd -> vpcd", pcscd);
            output.WriteLine("  ratio (b)/(a): median " + BenchVerb.Format(Median(pcscd) / Median(ours), "F2")
                + ", p99 " + BenchVerb.Format(P99(pcscd) / P99(ours), "F2"));
            output.WriteLine("  our overhead over bare TCP: median " + Signed(Median(ours) - Median(bare))
                + " us, p99 " + Signed(P99(ours) - P99(bare)) + " us");
        }

        private static void Row(TextWriter output, string path, double[] sorted)
        {
            output.WriteLine("  " + path.PadRight(42) + BenchVerb.Format(Median(sorted), "F1").PadLeft(10) + BenchVerb.Format(P99(sorted), "F1").PadLeft(12));
        }

        private static string Signed(double micros)
        {
            return (micros >= 0 ? "+" : "") + BenchVerb.Format(micros, "F1");
        }

        private static double Median(double[] sorted)
        {
            return BenchVerb.Percentile(sorted, 50);
        }

        private static double P99(double[] sorted)
        {
            return BenchVerb.Percentile(sorted, 99);
        }

        private static void DeleteQuietly(string folder)
        {
            try
            {
                Directory.Delete(folder, true);
            }
            catch (IOException)
            {
                // A file still held by a peer that is going away: left in the temp folder.
            }
            catch (UnauthorizedAccessException)
            {
                // Same.
            }
        }
    }
}
