using System;
using EmbeddedSmartCard.Boards;
using EmbeddedSmartCard.Boards.Linux;
using EmbeddedSmartCard.Drivers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// The acceptance path over a real pseudo-terminal pair: `scard simulate card --serial B` serves the
    /// card simulator on one end, and the UART reader on the other end (rst=none: in-band FF FF reset)
    /// exchanges APDUs with it in T=0 and T=1 — through `scard send` as a process, and one level down
    /// through BoardFactory and SmartcardDevice in this process.
    /// </summary>
    [TestClass]
    public sealed class PtyTests
    {
        private const string SelectMf = "00A4000C023F00";
        private const string GetChallenge = "0084000008";

        /// <summary>Bounds for a process to start and answer on a loaded two-core machine; a passing test never waits them out.</summary>
        private const int ReadyTimeoutMillis = 60000;
        private const int ExitTimeoutMillis = 120000;

        [TestMethod]
        public void SendExchangesApdusInT0WithTheServedSimulator()
        {
            AssertSendExchanges("t0");
        }

        [TestMethod]
        public void SendExchangesApdusInT1WithTheServedSimulator()
        {
            AssertSendExchanges("t1");
        }

        [TestMethod]
        public void SmartcardDeviceOverTheBoardTalksT0ToTheServedSimulator()
        {
            AssertDeviceExchanges("t0", Protocols.T0);
        }

        [TestMethod]
        public void SmartcardDeviceOverTheBoardTalksT1ToTheServedSimulator()
        {
            AssertDeviceExchanges("t1", Protocols.T1);
        }

        [TestMethod]
        public void SmartcardDeviceTalksToAnInverseConventionDualProtocolCard()
        {
            AssertDeviceExchanges("both --inverse", Protocols.T1);
        }

        [TestMethod]
        public void SimulateStopsAtTheEndOfItsInput()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (PtyToolProcess simulator = StartSimulator(pair.B, "t0"))
            {
                simulator.CloseInput();
                Assert.IsTrue(simulator.WaitForExit(ExitTimeoutMillis), "simulate did not stop on EOF: " + simulator.Output);
                Assert.AreEqual(0, simulator.ExitCode, simulator.Error);
                StringAssert.Contains(simulator.Output, "stopped after");
            }
        }

        [TestMethod]
        public void SimulateUsageErrorsExitWithTwo()
        {
            AssertUsageError("simulate", "card");
            AssertUsageError("simulate", "card", "--serial", "/tmp/x", "--protocol", "t2");
            AssertUsageError("simulate", "reader", "--serial", "/tmp/x");
            AssertUsageError("simulate", "card", "--serial", "/tmp/x", "--atr", "3B0");
        }

        [TestMethod]
        public void SimulateOnAMissingDeviceNamesIt()
        {
            string missing = "/tmp/no-such-pty-" + Guid.NewGuid().ToString("N").Substring(0, 6);
            using (PtyToolProcess simulator = PtyToolProcess.StartScard("simulate", "card", "--serial", missing))
            {
                Assert.IsTrue(simulator.WaitForExit(ExitTimeoutMillis));
                Assert.AreEqual(1, simulator.ExitCode);
                StringAssert.Contains(simulator.Error, missing);
            }
        }

        private static void AssertSendExchanges(string protocol)
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (PtyToolProcess simulator = StartSimulator(pair.B, protocol))
            using (PtyToolProcess send = PtyToolProcess.StartScard(
                "send", "--board", "uart-card:" + pair.A + ",rst=none", "--protocol", protocol, "--json", SelectMf, GetChallenge))
            {
                Assert.IsTrue(send.WaitForExit(ExitTimeoutMillis), "send did not finish: " + send.Output + send.Error);
                Assert.AreEqual(0, send.ExitCode, "send failed: " + send.Output + " " + send.Error + " | simulator: " + simulator.Output);
                string[] lines = send.Output.Split('\n');
                Assert.AreEqual(2, lines.Length, send.Output);
                StringAssert.Contains(lines[0], "\"command\":\"" + SelectMf + "\"");
                StringAssert.Contains(lines[0], "\"response\":\"9000\"");
                StringAssert.Contains(lines[1], "\"command\":\"" + GetChallenge + "\"");
                StringAssert.Matches(lines[1], new System.Text.RegularExpressions.Regex("\"response\":\"[0-9A-F]{16}9000\""));
                Assert.IsTrue(simulator.WaitForLine("reset 1", ReadyTimeoutMillis), "the simulator reports the in-band reset: " + simulator.Output);
                Assert.IsTrue(simulator.WaitForLine("apdu 2 answered", ReadyTimeoutMillis), "the simulator reports each APDU: " + simulator.Output);
            }
        }

        private static void AssertDeviceExchanges(string simulateProtocol, int protocol)
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (PtyToolProcess simulator = StartSimulator(pair.B, simulateProtocol))
            using (IBoard board = BoardFactory.Create("uart-card:" + pair.A + ",rst=none"))
            {
                SmartcardDevice device = new SmartcardDevice(board.GetReader(0));
                Assert.AreEqual(SmartcardStatus.Success, device.Open());
                try
                {
                    Assert.AreEqual(SmartcardStatus.Success, device.Power(PowerAction.ColdReset), "cold reset | simulator: " + simulator.Output);
                    Assert.IsTrue(device.AtrLength > 1);
                    int selected;
                    Assert.AreEqual(SmartcardStatus.Success, device.SetProtocol(protocol, out selected), "protocol | simulator: " + simulator.Output);
                    Assert.AreEqual(protocol, selected);
                    Assert.AreEqual("9000", Transmit(device, selected, SelectMf));
                    string challenge = Transmit(device, selected, GetChallenge);
                    Assert.AreEqual(20, challenge.Length, challenge);
                    Assert.IsTrue(challenge.EndsWith("9000", StringComparison.Ordinal), challenge);
                }
                finally
                {
                    device.Close();
                }
            }
        }

        private static string Transmit(SmartcardDevice device, int protocol, string commandHex)
        {
            byte[] command = Convert.FromHexString(commandHex);
            byte[] response = new byte[258];
            int length;
            SmartcardStatus status = device.Transmit(protocol, command, 0, command.Length, response, 0, response.Length, out length);
            Assert.AreEqual(SmartcardStatus.Success, status, commandHex);
            return Convert.ToHexString(response, 0, length);
        }

        /// <summary>Starts `scard simulate card` on <paramref name="device"/> and waits (bounded) for its ready line.</summary>
        private static PtyToolProcess StartSimulator(string device, string protocolAndFlags)
        {
            string[] extra = protocolAndFlags.Split(' ');
            string[] arguments = new string[5 + extra.Length];
            arguments[0] = "simulate";
            arguments[1] = "card";
            arguments[2] = "--serial";
            arguments[3] = device;
            arguments[4] = "--protocol";
            Array.Copy(extra, 0, arguments, 5, extra.Length);
            PtyToolProcess simulator = PtyToolProcess.StartScard(arguments);
            if (!simulator.WaitForLine("serving", ReadyTimeoutMillis))
            {
                string output = simulator.Output + " " + simulator.Error;
                simulator.Dispose();
                Assert.Fail("scard simulate did not get ready: " + output);
            }
            return simulator;
        }

        private static void AssertUsageError(params string[] arguments)
        {
            using (PtyToolProcess tool = PtyToolProcess.StartScard(arguments))
            {
                string what = string.Join(" ", arguments);
                Assert.IsTrue(tool.WaitForExit(ExitTimeoutMillis), what);
                Assert.AreEqual(2, tool.ExitCode, what + ": " + tool.Error);
                StringAssert.Contains(tool.Error, "scard simulate:", what);
            }
        }
    }
}
