using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// The PN532 acceptance path over a real pseudo-terminal pair, two processes: `scard simulate pn532
    /// --serial B` serves the virtual PN532 on HSU at one end, and `scard list` / `scard send` with
    /// `--board pn532-hsu:A` drive it through the PN532 driver and the resource manager at the other.
    /// </summary>
    [TestClass]
    public sealed class Pn532PtyTests
    {
        private const string GetUid = "FFCA000000";
        private const string SelectMf = "00A4000C023F00";
        private const string GetChallenge = "0084000008";

        /// <summary>Bounds for a process to start and answer on a loaded two-core machine; a passing test never waits them out.</summary>
        private const int ReadyTimeoutMillis = 60000;
        private const int ExitTimeoutMillis = 120000;

        [TestMethod]
        public void ListShowsTheIso14443CardWithItsPseudoAtr()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (PtyToolProcess simulator = StartSimulator(pair.B, "iso14443-4"))
            {
                string output = RunToEnd(simulator, "list", "--board", "pn532-hsu:" + pair.A + ",name=Pty NFC");
                StringAssert.Contains(output, "Pty NFC 00 00");
                StringAssert.Contains(output, "card: present");
                // PC/SC Part 3 pseudo-ATR from the ATS historical bytes 80 31 80 65 B0, TCK E0.
                StringAssert.Contains(output, "ATR:  3B 85 80 01 80 31 80 65 B0 E0");
            }
        }

        [TestMethod]
        public void SendReadsTheUidAndExchangesIso7816Apdus()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (PtyToolProcess simulator = StartSimulator(pair.B, "iso14443-4"))
            {
                string output = RunToEnd(simulator, "send", "--board", "pn532-hsu:" + pair.A, "--json", GetUid, SelectMf, GetChallenge);
                string[] lines = output.Split('\n');
                Assert.AreEqual(3, lines.Length, output);
                StringAssert.Contains(lines[0], "\"response\":\"081234569000\"");
                StringAssert.Contains(lines[1], "\"command\":\"" + SelectMf + "\"");
                StringAssert.Contains(lines[1], "\"response\":\"9000\"");
                StringAssert.Matches(lines[2], new System.Text.RegularExpressions.Regex("\"response\":\"[0-9A-F]{16}9000\""));
                Assert.IsTrue(simulator.WaitForLine("command", ReadyTimeoutMillis), "the simulator reports the commands it accepted: " + simulator.Output);
            }
        }

        [TestMethod]
        public void ListAndSendSeeAMifareClassicCard()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (PtyToolProcess simulator = StartSimulator(pair.B, "mifare1k"))
            {
                string list = RunToEnd(simulator, "list", "--board", "pn532-hsu:" + pair.A);
                StringAssert.Contains(list, "ATR:  3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A");
                string send = RunToEnd(simulator, "send", "--board", "pn532-hsu:" + pair.A, "--json", GetUid);
                StringAssert.Contains(send, "\"response\":\"F68E2A999000\"");
            }
        }

        [TestMethod]
        public void ListAndSendSeeATypeBCard()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (PtyToolProcess simulator = StartSimulator(pair.B, "typeb"))
            {
                // Pseudo-ATR from the ATQB: application data, protocol info, MBLI (reference §4.5.1).
                string list = RunToEnd(simulator, "list", "--board", "pn532-hsu:" + pair.A);
                StringAssert.Contains(list, "ATR:  3B 88 80 01 00 12 34 01 00 81 81 10 3E");
                string send = RunToEnd(simulator, "send", "--board", "pn532-hsu:" + pair.A, "--json", GetUid, SelectMf);
                StringAssert.Contains(send, "\"response\":\"1B2C3D4E9000\"");
                StringAssert.Contains(send, "\"command\":\"" + SelectMf + "\",\"response\":\"9000\"");
            }
        }

        [TestMethod]
        public void TapsMoveCardsThroughTheServedField()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (PtyToolProcess simulator = StartSimulator(pair.B, null, "--taps", "0:ultralight;600000:none"))
            {
                StringAssert.Contains(simulator.Output, "taps 0:ultralight;600000:none");
                string list = RunToEnd(simulator, "list", "--board", "pn532-hsu:" + pair.A);
                StringAssert.Contains(list, "ATR:  3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68");
            }
        }

        [TestMethod]
        public void MonitorSeesATappedCardLeave()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (PtyToolProcess simulator = StartSimulator(pair.B, null, "--taps", "0:iso14443-4;3000:none"))
            {
                // Reader added, card present, then no card once the script takes it away three seconds after the
                // simulator started; the monitor watches until its time-out.
                string output = RunToEnd(simulator, "monitor", "--board", "pn532-hsu:" + pair.A, "--timeout", "8");
                int present = output.IndexOf("card present", StringComparison.Ordinal);
                Assert.IsTrue(present > 0, output);
                StringAssert.Contains(output.Substring(present), "no card");
            }
        }

        [TestMethod]
        public void AnEmptyFieldListsNoCard()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (PtyToolProcess simulator = StartSimulator(pair.B, "none"))
            {
                StringAssert.Contains(RunToEnd(simulator, "list", "--board", "pn532-hsu:" + pair.A), "card: absent");
            }
        }

        [TestMethod]
        public void SimulatePn532StopsAtTheEndOfItsInput()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (PtyToolProcess simulator = StartSimulator(pair.B, "ultralight"))
            {
                simulator.CloseInput();
                Assert.IsTrue(simulator.WaitForExit(ExitTimeoutMillis), "simulate did not stop on EOF: " + simulator.Output);
                Assert.AreEqual(0, simulator.ExitCode, simulator.Error);
                StringAssert.Contains(simulator.Output, "stopped after");
            }
        }

        [TestMethod]
        public void SimulatePn532UsageErrorsExitWithTwoAndAMissingDeviceWithOne()
        {
            AssertExit(2, "simulate", "pn532");
            AssertExit(2, "simulate", "pn532", "--serial", "/tmp/x", "--card", "felica");
            AssertExit(2, "simulate", "pn532", "--serial", "/tmp/x", "--taps", "0:felica");
            AssertExit(2, "simulate", "pn532", "--serial", "/tmp/x", "--taps", "0:typeb", "--card", "typeb");
            AssertExit(2, "simulate", "pn532", "--serial", "/tmp/x", "--protocol", "t1");
            AssertExit(2, "simulate", "card", "--serial", "/tmp/x", "--card", "mifare1k");
            string missing = "/tmp/no-such-pty-" + Guid.NewGuid().ToString("N").Substring(0, 6);
            string error = AssertExit(1, "simulate", "pn532", "--serial", missing);
            StringAssert.Contains(error, missing);
        }

        /// <summary>Runs a scard verb to its end; it must exit 0. Returns its standard output.</summary>
        internal static string RunToEnd(PtyToolProcess simulator, params string[] arguments)
        {
            using (PtyToolProcess tool = PtyToolProcess.StartScard(arguments))
            {
                string what = string.Join(" ", arguments);
                Assert.IsTrue(tool.WaitForExit(ExitTimeoutMillis), what + " did not finish: " + tool.Output + tool.Error);
                Assert.AreEqual(0, tool.ExitCode, what + ": " + tool.Output + " " + tool.Error + " | simulator: " + simulator.Output);
                return tool.Output;
            }
        }

        /// <summary>Starts `scard simulate pn532` on <paramref name="device"/> with <paramref name="card"/> (or the extra arguments) and waits (bounded) for its ready line.</summary>
        internal static PtyToolProcess StartSimulator(string device, string card, params string[] extra)
        {
            string[] arguments = card == null ? new[] { "simulate", "pn532", "--serial", device } : new[] { "simulate", "pn532", "--serial", device, "--card", card };
            PtyToolProcess simulator = PtyToolProcess.StartScard(Concat(arguments, extra));
            if (!simulator.WaitForLine("serving", ReadyTimeoutMillis))
            {
                string output = simulator.Output + " " + simulator.Error;
                simulator.Dispose();
                Assert.Fail("scard simulate pn532 did not get ready: " + output);
            }
            return simulator;
        }

        private static string[] Concat(string[] first, string[] second)
        {
            string[] all = new string[first.Length + second.Length];
            first.CopyTo(all, 0);
            second.CopyTo(all, first.Length);
            return all;
        }

        /// <summary>Runs scard with <paramref name="arguments"/>, asserts its exit code, returns its standard error.</summary>
        private static string AssertExit(int expected, params string[] arguments)
        {
            using (PtyToolProcess tool = PtyToolProcess.StartScard(arguments))
            {
                string what = string.Join(" ", arguments);
                Assert.IsTrue(tool.WaitForExit(ExitTimeoutMillis), what);
                Assert.AreEqual(expected, tool.ExitCode, what + ": " + tool.Error);
                StringAssert.Contains(tool.Error, "scard simulate", what);
                return tool.Error;
            }
        }
    }
}
