using System.IO;
using EmbeddedSmartCard.Scard;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>scard send --share, --protocol and --transaction on the simulator's demo board (a dual T=0/T=1 card).</summary>
    [TestClass]
    public sealed class ScardSendSharingTests
    {
        /// <summary>ECHO, the simulator's test command: the data comes back.</summary>
        private const string Echo = "8012000003A1B2C300";

        [TestMethod]
        public void DirectNegotiatesTheProtocolThroughControl()
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            int exit = SendVerb.Run(new[] { Echo, "--share", "direct", "--protocol", "t1" }, output, error);

            Assert.AreEqual(0, exit, error.ToString());
            StringAssert.Contains(output.ToString(), "T=1");
            StringAssert.Contains(output.ToString(), "< A1 B2 C3 90 00");
        }

        [TestMethod]
        public void ExclusiveWithAProtocolSendsAsAsked()
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            int exit = SendVerb.Run(new[] { Echo, "--share", "exclusive", "--protocol", "t0" }, output, error);

            Assert.AreEqual(0, exit, error.ToString());
            StringAssert.Contains(output.ToString(), "T=0");
            StringAssert.Contains(output.ToString(), "< A1 B2 C3 90 00");
        }

        [TestMethod]
        public void TransactionWrapsTheApdus()
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            int exit = SendVerb.Run(new[] { Echo, Echo, "--transaction" }, output, error);

            Assert.AreEqual(0, exit, error.ToString());
            string text = output.ToString();
            Assert.IsTrue(text.IndexOf("transaction begun") < text.IndexOf("> 80 12"), text);
            Assert.IsTrue(text.LastIndexOf("< A1 B2 C3 90 00") < text.IndexOf("transaction ended"), text);
        }

        [TestMethod]
        public void AnUnknownShareModeIsAUsageError()
        {
            string message = null;
            try
            {
                SendVerb.Run(new[] { Echo, "--share", "private" }, new StringWriter(), new StringWriter());
            }
            catch (CommandLineException e)
            {
                message = e.Message;
            }

            Assert.IsNotNull(message);
            StringAssert.Contains(message, "--share wants exclusive, shared or direct");
        }
    }
}
