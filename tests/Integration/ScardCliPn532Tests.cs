using System.IO;
using EmbeddedSmartCard.Scard;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>The scard verbs list, send and monitor on the simulator board with a PN532 (sim:pn532), in-process through Run().</summary>
    [TestClass]
    public sealed class ScardCliPn532Tests
    {
        private const string Pn532Reader = "EmbeddedSmartCard Simulated PN532 00 00";

        [TestMethod]
        public void ListShowsTheContactSlotAndThePn532WithItsCard()
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            int exit = ListVerb.Run(new[] { "--board", "sim:pn532" }, output, error);

            Assert.AreEqual(0, exit, error.ToString());
            StringAssert.Contains(output.ToString(), "Simulated Contact Reader");
            StringAssert.Contains(output.ToString(), Pn532Reader + "\n  card: present");
            StringAssert.Contains(output.ToString(), "ATR:  3B 85 80 01 80 31 80 65 B0 E0");
        }

        [TestMethod]
        public void SendReachesTheTappedCardThroughThePn532()
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            int exit = SendVerb.Run(new[] { "--board", "sim:pn532,taps=0:mifare1k", "--reader", "Simulated PN532", "FFCA000000" }, output, error);

            Assert.AreEqual(0, exit, error.ToString());
            StringAssert.Contains(output.ToString(), "< F6 8E 2A 99 90 00");
        }

        [TestMethod]
        public void MonitorFollowsTheTapScript()
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            // The script plays out in well under a second of field time, which follows real time: watch for three.
            int exit = MonitorVerb.Run(new[] { "--board", "sim:pn532,taps=0:iso14443-4;300:none;600:ultralight", "--timeout", "3" }, output, error);

            Assert.AreEqual(0, exit, error.ToString());
            string text = output.ToString();
            int removal = text.IndexOf(Pn532Reader + ": no card", System.StringComparison.Ordinal);
            Assert.IsTrue(removal > 0, text + error);
            StringAssert.Contains(text.Substring(removal), Pn532Reader + ": card present", "the Ultralight arrives after the removal");
        }

        [TestMethod]
        public void ABadTapScriptIsAUsageError()
        {
            StringWriter error = new StringWriter();

            Assert.ThrowsExactly<CommandLineException>(() => ListVerb.Run(new[] { "--board", "sim:pn532,taps=0:felica" }, new StringWriter(), error));
        }
    }
}
