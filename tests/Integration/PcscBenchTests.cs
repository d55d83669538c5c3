using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// scard bench vpcd runs its three paths against real peers and prints the table issue 5 asks for. Only the
    /// shape is checked (numbers for each path, the ratio, the overhead): durations are never asserted.
    /// </summary>
    [TestClass]
    public sealed class PcscBenchTests
    {
        private const int Bound = 120000;
        private const string Number = @"-?\d+\.\d";

        [TestMethod]
        public void TheVpcdBenchmarkPrintsMedianAndP99ForEachPathTheRatioAndTheOverhead()
        {
            PcscDaemon.RequireInstalled();
            using (PtyToolProcess bench = PtyToolProcess.StartScard("bench", "vpcd", "--exchanges", "50"))
            {
                Assert.IsTrue(bench.WaitForExit(Bound), "bench vpcd did not finish: " + bench.Output + bench.Error);
                Assert.AreEqual(0, bench.ExitCode, bench.Output + bench.Error);
                string table = bench.Output;
                foreach (string path in new[] { "bare TCP to vicc", "(a) our manager's vpcd reader", "(b) libpcsclite -> pcscd -> vpcd" })
                {
                    Assert.IsTrue(Regex.IsMatch(table, Regex.Escape(path) + @".*\s" + Number + @"\s+" + Number), path + " row:\n" + table);
                }
                Assert.IsTrue(Regex.IsMatch(table, @"ratio \(b\)/\(a\): median \d+\.\d\d, p99 \d+\.\d\d"), table);
                Assert.IsTrue(Regex.IsMatch(table, @"overhead over bare TCP: median [+-]\d+\.\d us, p99 [+-]\d+\.\d us"), table);
            }
        }
    }
}
