using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// scard export: a card in one of our simulator board's readers, exported to a private pcscd's vpcd, used by
    /// the standard PC/SC programs — opensc-tool and pyscard read its ATR and get answers from our simulated
    /// card; removal and re-insertion in our reader (a tap script on the simulated PN532) are seen by pcsc_scan.
    /// </summary>
    [TestClass]
    public sealed class ExportTests
    {
        /// <summary>The simulator board's contact card (scard list --board sim).</summary>
        private const string ContactCardAtr = "3b:95:13:80:31:80:4d:80:31:80:65:b0:1e";

        /// <summary>The simulated PN532's ISO 14443-4 card: its PC/SC Part 3 pseudo-ATR.</summary>
        private const string ContactlessAtr = "3B 85 80 01 80 31 80 65 B0 E0";

        private const int Patience = 20000;
        private const int ToolBound = 15000;

        /// <summary>How long pcsc_scan watches: the tap script's events (4 s, 7 s) plus the tool's start-up.</summary>
        private const string ScanSeconds = "14";
        private const int ScanBound = 20000;

        [TestMethod]
        public void AnExportedCardIsReadByOpenscToolAndPyscard()
        {
            RequireTools();
            using (PcscDaemon daemon = PcscDaemon.Start())
            using (PtyToolProcess export = PtyToolProcess.StartScard("export", "--board", "sim", "--to", "127.0.0.1:" + daemon.VpcdPort))
            {
                Assert.IsTrue(export.WaitForLine("connected to vpcd", Patience), export.Output + export.Error);
                string atr = WaitForOpensc(ContactCardAtr);
                StringAssert.Contains(atr, "Virtual PCD 00 00");

                string challenge = PcscClientTool.Run(ToolBound, PcscClientTool.OpenscTool, "-s", "00 84 00 00 08");
                StringAssert.Contains(challenge, "SW1=0x90, SW2=0x00");

                string pyscard = PcscClientTool.Run(ToolBound, PcscClientTool.Python, "-c",
                    "from smartcard.System import readers\n" +
                    "c = readers()[0].createConnection(); c.connect()\n" +
                    "print('ATR', bytes(c.getATR()).hex())\n" +
                    "data, sw1, sw2 = c.transmit([0x00, 0x84, 0x00, 0x00, 0x08])\n" +
                    "print('CHALLENGE', len(data), '%02X%02X' % (sw1, sw2))\n");
                StringAssert.Contains(pyscard, "ATR " + ContactCardAtr.Replace(":", ""));
                StringAssert.Contains(pyscard, "CHALLENGE 8 9000");
            }
        }

        [TestMethod]
        public void RemovalAndInsertionInOurReaderAreSeenByPcscScan()
        {
            RequireTools();
            using (PcscDaemon daemon = PcscDaemon.Start())
            {
                // pcsc_scan watches from before the export starts, so it sees every event of the tap script.
                Task<string> scan = Task.Run(() => PcscClientTool.Run(ScanBound, PcscClientTool.PcscScan, "-n", "-t", ScanSeconds));
                using (PtyToolProcess export = PtyToolProcess.StartScard("export", "--board", "sim:pn532,taps=0:iso14443-4;4000:none;7000:iso14443-4",
                    "--reader", "PN532", "--to", "127.0.0.1:" + daemon.VpcdPort))
                {
                    Assert.IsTrue(export.WaitForLine("card left", Patience), export.Output + export.Error);
                    string seen = scan.Result;
                    int inserted = seen.IndexOf("Card inserted", StringComparison.Ordinal);
                    int removed = inserted < 0 ? -1 : seen.IndexOf("Card removed", inserted, StringComparison.Ordinal);
                    int again = removed < 0 ? -1 : seen.IndexOf("Card inserted", removed, StringComparison.Ordinal);
                    Assert.IsTrue(inserted >= 0 && removed > inserted && again > removed, "inserted, removed, inserted again:\n" + seen);
                    StringAssert.Contains(seen.Substring(inserted), "ATR: " + ContactlessAtr);
                    StringAssert.Contains(seen.Substring(again), "ATR: " + ContactlessAtr);
                }
            }
        }

        [TestMethod]
        public void TheExportConnectsAgainWhenPcscdRestarts()
        {
            RequireTools();
            PcscDaemon first = PcscDaemon.Start();
            int port = first.VpcdPort;
            using (PtyToolProcess export = PtyToolProcess.StartScard("export", "--board", "sim", "--to", "127.0.0.1:" + port))
            {
                using (first)
                {
                    Assert.IsTrue(export.WaitForLine("connected to vpcd", Patience), export.Output + export.Error);
                    WaitForOpensc(ContactCardAtr);
                }

                Assert.IsTrue(export.WaitForLine("closed the connection", Patience), export.Output);
                using (PcscDaemon.Start(port))
                {
                    WaitForOpensc(ContactCardAtr);
                    StringAssert.Contains(PcscClientTool.Run(ToolBound, PcscClientTool.OpenscTool, "-s", "00 84 00 00 08"), "SW1=0x90, SW2=0x00");
                }
            }
        }

        private static void RequireTools()
        {
            PcscDaemon.RequireInstalled();
            if (!System.IO.File.Exists(PcscClientTool.OpenscTool) || !System.IO.File.Exists(PcscClientTool.PcscScan))
            {
                Assert.Inconclusive("needs opensc-tool and pcsc_scan (Debian: opensc, pcsc-tools) and pyscard (python3-pyscard)");
            }
        }

        /// <summary>pcscd sees the card at its next presence poll: asks opensc-tool -a until it shows <paramref name="atr"/>.</summary>
        private static string WaitForOpensc(string atr)
        {
            Stopwatch waited = Stopwatch.StartNew();
            string output = "";
            while (waited.ElapsedMilliseconds < Patience)
            {
                output = PcscClientTool.Run(ToolBound, PcscClientTool.OpenscTool, "-a");
                if (output.Contains(atr, StringComparison.Ordinal))
                {
                    return output;
                }
                Thread.Sleep(200);
            }
            Assert.Fail("opensc-tool never showed ATR " + atr + ":\n" + output);
            return output;
        }
    }
}
