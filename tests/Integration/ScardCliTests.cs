using System.IO;
using EmbeddedSmartCard.Scard;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>The scard verbs list, send and demo on the simulator board, in-process through Run() and as a process.</summary>
    [TestClass]
    public sealed class ScardCliTests
    {
        private const int ProcessTimeoutMillis = 60000;
        private const string SelectMf = "00A4000C023F00";
        private const string GetChallenge = "0084000008";

        [TestMethod]
        public void ListShowsEveryReaderWithItsCardStateAndAtr()
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            int exit = ListVerb.Run(new string[0], output, error);

            Assert.AreEqual(0, exit, error.ToString());
            StringAssert.Contains(output.ToString(), " 00 00");
            StringAssert.Contains(output.ToString(), "ATR:  3B");
        }

        [TestMethod]
        public void SendPrintsEachResponseWithItsStatusWord()
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            int exit = SendVerb.Run(new[] { SelectMf, GetChallenge }, output, error);

            Assert.AreEqual(0, exit, error.ToString());
            StringAssert.Contains(output.ToString(), "> 00 A4 00 0C 02 3F 00");
            StringAssert.Contains(output.ToString(), "SW 9000");
            Assert.AreEqual(2, CountOccurrences(output.ToString(), "SW 9000"), output.ToString());
        }

        [TestMethod]
        public void SendJsonPrintsOneObjectPerApdu()
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            int exit = SendVerb.Run(new[] { SelectMf, GetChallenge, "--json", "--protocol", "any", "--wait", "1", "--reader", "simulated contact" }, output, error);

            Assert.AreEqual(0, exit, error.ToString());
            string[] lines = output.ToString().Trim().Split('\n');
            Assert.AreEqual(2, lines.Length, output.ToString());
            StringAssert.StartsWith(lines[0], "{\"command\":\"00A4000C023F00\",\"response\":\"9000\",\"sw\":\"9000\",\"status\":\"SCARD_S_SUCCESS\"}");
            StringAssert.Contains(lines[1], "\"sw\":\"9000\"");
        }

        [TestMethod]
        public void SendWithAMalformedApduPrintsThePcscCodeAndExitsOne()
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            int exit = SendVerb.Run(new[] { "00A4" }, output, error);

            Assert.AreEqual(1, exit);
            StringAssert.Contains(error.ToString(), "SCARD_E_INVALID_PARAMETER");
        }

        [TestMethod]
        public void SendToAnUnknownReaderExitsOne()
        {
            StringWriter error = new StringWriter();

            int exit = SendVerb.Run(new[] { SelectMf, "--reader", "no such reader" }, new StringWriter(), error);

            Assert.AreEqual(1, exit);
            StringAssert.Contains(error.ToString(), "SCARD_E_UNKNOWN_READER");
        }

        [TestMethod]
        public void ASerialDeviceThatCannotBeOpenedExitsOneNamingIt()
        {
            StringWriter error = new StringWriter();

            int exit = ListVerb.Run(new[] { "--board", "uart-card:/dev/no-such-scard-tty" }, new StringWriter(), error);

            Assert.AreEqual(1, exit);
            StringAssert.Contains(error.ToString(), "/dev/no-such-scard-tty");
        }

        [TestMethod]
        public void DemoPrintsTheScriptedSession()
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            int exit = DemoVerb.Run(new string[0], output, error);

            Assert.AreEqual(0, exit, error.ToString() + output.ToString());
            string text = output.ToString();
            StringAssert.Contains(text, "ATR");
            StringAssert.Contains(text, "PPS");
            StringAssert.Contains(text, "SCARD_W_REMOVED_CARD");
            StringAssert.Contains(text, "inverse");
        }

        [TestMethod]
        public void ListAsAProcess()
        {
            using (PtyToolProcess tool = PtyToolProcess.StartScard("list", "--board", "sim"))
            {
                Assert.IsTrue(tool.WaitForExit(ProcessTimeoutMillis), "scard list did not end");
                Assert.AreEqual(0, tool.ExitCode, tool.Error);
                StringAssert.Contains(tool.Output, "ATR:");
            }
        }

        [TestMethod]
        public void SendAsAProcess()
        {
            using (PtyToolProcess tool = PtyToolProcess.StartScard("send", SelectMf, "--json"))
            {
                Assert.IsTrue(tool.WaitForExit(ProcessTimeoutMillis), "scard send did not end");
                Assert.AreEqual(0, tool.ExitCode, tool.Error);
                StringAssert.Contains(tool.Output, "\"sw\":\"9000\"");
            }
        }

        [TestMethod]
        public void DemoAsAProcess()
        {
            using (PtyToolProcess tool = PtyToolProcess.StartScard("demo"))
            {
                Assert.IsTrue(tool.WaitForExit(ProcessTimeoutMillis), "scard demo did not end");
                Assert.AreEqual(0, tool.ExitCode, tool.Error);
                StringAssert.Contains(tool.Output, "SCARD_W_REMOVED_CARD");
            }
        }

        [TestMethod]
        public void UsageErrorsExitTwo()
        {
            AssertUsageError("send");
            AssertUsageError("send", "not-hex");
            AssertUsageError("send", SelectMf, "--protocol", "t2");
            AssertUsageError("send", SelectMf, "--wait", "-1");
            AssertUsageError("send", SelectMf, "--reader");
            AssertUsageError("list", "--board", "nonsense");
            AssertUsageError("list", "--frobnicate");
            AssertUsageError("demo", "extra");
        }

        private static void AssertUsageError(params string[] arguments)
        {
            using (PtyToolProcess tool = PtyToolProcess.StartScard(arguments))
            {
                Assert.IsTrue(tool.WaitForExit(ProcessTimeoutMillis), "scard " + string.Join(" ", arguments) + " did not end");
                Assert.AreEqual(2, tool.ExitCode, "scard " + string.Join(" ", arguments) + ": " + tool.Error);
                StringAssert.Contains(tool.Error, "scard " + arguments[0] + ": ");
            }
        }

        private static int CountOccurrences(string text, string part)
        {
            int count = 0;
            for (int at = text.IndexOf(part); at >= 0; at = text.IndexOf(part, at + part.Length))
            {
                count++;
            }

            return count;
        }
    }
}
