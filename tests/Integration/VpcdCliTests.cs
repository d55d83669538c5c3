using System.Net;
using System.Net.Sockets;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// The scard tool on the vpcd board: `scard monitor --board vpcd:&lt;port&gt;` sees vicc come and go. (No --count:
    /// whether the monitor also shows the brief "unpowered" state before the ATR depends on timing; Dispose stops it.)
    /// </summary>
    [TestClass]
    public sealed class VpcdCliTests
    {
        /// <summary>Bound on each expected line; a passing test never waits it out.</summary>
        private const int LineTimeoutMillis = 20000;

        [TestMethod]
        public void MonitorOnAVpcdBoardShowsViccInsertedWithItsAtrAndRemoved()
        {
            VpcdVicc.RequireInstalled();
            int port = FreePort();
            using (PtyToolProcess monitor = PtyToolProcess.StartScard("monitor", "--board", "vpcd:" + port, "--timeout", "60"))
            {
                Assert.IsTrue(monitor.WaitForLine("reader added", LineTimeoutMillis), "listening:\n" + monitor.Output + monitor.Error);
                StringAssert.Contains(monitor.Output, "Virtual PCD [127.0.0.1:" + port + "] 00 00");

                using (VpcdVicc.Start(port))
                {
                    Assert.IsTrue(monitor.WaitForLine("ATR " + VpcdVicc.Atr, LineTimeoutMillis), "inserted:\n" + monitor.Output + monitor.Error);
                }

                Assert.IsTrue(monitor.WaitForLine("no card (event 2)", LineTimeoutMillis), "removed:\n" + monitor.Output + monitor.Error);
            }
        }

        /// <summary>A port free right now (the system's choice for a listener that is closed again at once).</summary>
        private static int FreePort()
        {
            TcpListener probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }
}
