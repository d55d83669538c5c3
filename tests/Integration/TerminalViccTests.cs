using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Firmware.Terminal;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Linux;
using EmbeddedSmartCard.Manager.Iso7816;
using EmbeddedSmartCard.Scard;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// The card terminal against a real peer and as a process: a vsmartcard vicc card through the vpcd
    /// board (identified in-process through SCardManager, then by `scard terminal --board vpcd:&lt;port&gt;`),
    /// and `scard terminal` on the simulator board answering the line protocol on its standard input/output
    /// and on a serial device (one end of a socat pseudo-terminal pair, the test the kiosk on the other).
    /// </summary>
    [TestClass]
    public sealed class TerminalViccTests
    {
        private const int ProcessTimeoutMillis = 60000;
        private const string ViccWaitMillis = "20000";

        [TestMethod]
        public void AViccCardIsIdentifiedThroughTheVpcdBoard()
        {
            VpcdVicc.RequireInstalled();
            using (VpcdRig rig = new VpcdRig())
            using (VpcdVicc.Start(rig.Port(0)))
            using (TerminalSession session = new TerminalSession(rig.Manager))
            {
                Lines reply = new Lines();
                session.Execute("wait " + ViccWaitMillis, reply);
                Assert.AreEqual("OK", reply.Last, reply.Text);
                Assert.AreEqual("reader: " + rig.ReaderName(0), reply.All[0]);
                Assert.AreEqual("atr: " + VpcdVicc.Atr, reply.All[1]);
                Assert.AreEqual("type: contact T=1", reply.All[3]);
                Assert.AreEqual("protocol: T=1", reply.All[4]);
                Assert.AreEqual(6, reply.All.Count, "vicc's ISO 7816 card has neither EF.DIR nor a PSE: " + reply.Text);

                reply = new Lines();
                session.Execute("apdu 00A4000C023F00", reply);
                Assert.AreEqual("response: 90 00", reply.All[0], "the identified card stays connected for apdu: " + reply.Text);
            }
        }

        [TestMethod]
        public void ScardTerminalAnswersTheLineProtocolAsAProcess()
        {
            using (PtyToolProcess tool = PtyToolProcess.StartScard("terminal", "--board", "sim"))
            {
                tool.WriteInput("readers");
                Assert.IsTrue(tool.WaitForLine("reader: present " + SimulatorBoard.ReaderName, ProcessTimeoutMillis), tool.Output + tool.Error);
                tool.WriteInput("info");
                Assert.IsTrue(tool.WaitForLine("type: contact T=1", ProcessTimeoutMillis), tool.Output + tool.Error);
                tool.WriteInput("apdu 00 A4 00 0C 02 3F 00");
                Assert.IsTrue(tool.WaitForLine("response: 90 00", ProcessTimeoutMillis), tool.Output + tool.Error);
                tool.WriteInput("apdu 00A4");
                Assert.IsTrue(tool.WaitForLine("ERR 80100004 SCARD_E_INVALID_PARAMETER: apdu wants", ProcessTimeoutMillis), tool.Output + tool.Error);
                tool.WriteInput("quit");
                Assert.IsTrue(tool.WaitForExit(ProcessTimeoutMillis), "scard terminal did not end on quit");
                Assert.AreEqual(0, tool.ExitCode, tool.Error);
                string[] lines = tool.Output.Split('\n');
                Assert.AreEqual("OK", lines[lines.Length - 1], "quit's reply");
            }
        }

        [TestMethod]
        public void ScardTerminalRefusesBadOptionsWithTheValidForms()
        {
            using (PtyToolProcess tool = PtyToolProcess.StartScard("terminal", "--baud", "9600"))
            {
                Assert.IsTrue(tool.WaitForExit(ProcessTimeoutMillis), "scard terminal did not end");
                Assert.AreEqual(2, tool.ExitCode, "a usage error");
                StringAssert.Contains(tool.Error, "--baud wants a positive bit rate with --serial <device>, not '9600'");
                StringAssert.Contains(tool.Error, "usage: scard terminal [--board <spec>] [--serial <device> [--baud <bps>]]");
            }
        }

        [TestMethod]
        public void ScardTerminalIdentifiesAViccCardOnItsVpcdBoard()
        {
            VpcdVicc.RequireInstalled();
            int port = FreePort();
            using (PtyToolProcess tool = PtyToolProcess.StartScard("terminal", "--board", "vpcd:" + port))
            {
                tool.WriteInput("readers");
                Assert.IsTrue(tool.WaitForLine("OK", ProcessTimeoutMillis), tool.Output + tool.Error);
                using (VpcdVicc.Start(port))
                {
                    tool.WriteInput("wait " + ViccWaitMillis);
                    Assert.IsTrue(tool.WaitForLine("atr: " + VpcdVicc.Atr, ProcessTimeoutMillis), tool.Output + tool.Error);
                    Assert.IsTrue(tool.WaitForLine("type: contact T=1", ProcessTimeoutMillis), tool.Output + tool.Error);
                    tool.CloseInput();
                    Assert.IsTrue(tool.WaitForExit(ProcessTimeoutMillis), "scard terminal did not end at the end of its input");
                }
            }
        }

        [TestMethod]
        public void ScardTerminalAnswersOnASerialDevice()
        {
            if (!PtyPair.SocatAvailable)
            {
                Assert.Inconclusive("socat is not installed (apt-get install socat)");
            }

            using (PtyPair pair = PtyPair.Start())
            using (PtyToolProcess tool = PtyToolProcess.StartScard("terminal", "--board", "sim", "--serial", pair.A))
            using (LinuxUartLine kiosk = new LinuxUartLine(pair.B))
            {
                kiosk.Configure(TerminalVerb.DefaultBaudRate, UartParity.None, UartStopBits.One);
                Assert.IsTrue(tool.WaitForLine(TerminalVerb.ServingPrefix + pair.A, ProcessTimeoutMillis), tool.Output + tool.Error);
                byte[] commands = System.Text.Encoding.ASCII.GetBytes("readers\r\ninfo\nquit\n");
                kiosk.Write(commands, 0, commands.Length);
                string replies = ReadUntil(kiosk, "OK\r\nOK\r\n");
                Assert.IsTrue(replies.StartsWith("reader: present " + SimulatorBoard.ReaderName), replies);
                Assert.IsTrue(replies.Contains("\r\ntype: contact T=1\r\n"), replies);
                Assert.IsTrue(tool.WaitForExit(ProcessTimeoutMillis), "scard terminal did not end on quit: " + tool.Error);
                Assert.AreEqual(0, tool.ExitCode, tool.Error);
            }
        }

        /// <summary>What the kiosk end reads until the text ends with <paramref name="end"/> (bounded).</summary>
        private static string ReadUntil(LinuxUartLine line, string end)
        {
            const int ReadMicros = 100000;
            byte[] buffer = new byte[256];
            string text = "";
            Stopwatch waited = Stopwatch.StartNew();
            while (!text.EndsWith(end) && waited.ElapsedMilliseconds < ProcessTimeoutMillis)
            {
                int count = line.Read(buffer, 0, buffer.Length, ReadMicros);
                text += System.Text.Encoding.ASCII.GetString(buffer, 0, count);
            }

            return text;
        }

        /// <summary>A TCP port free now (the system's choice), for a vpcd reader the tool listens on.</summary>
        private static int FreePort()
        {
            TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private sealed class Lines : ISessionOutput
        {
            public readonly List<string> All = new List<string>();

            public string Last
            {
                get { return All.Count > 0 ? All[All.Count - 1] : null; }
            }

            public string Text
            {
                get { return string.Join("\n", All); }
            }

            public void WriteLine(string line)
            {
                All.Add(line);
            }
        }
    }
}
