using System;
using EmbeddedSmartCard.Boards.Linux;
using EmbeddedSmartCard.Drivers.PcscHost;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>The "pcsc[,reader=…][,poll=…]" board spec: defaults, options, and clear errors naming the bad part.</summary>
    [TestClass]
    public sealed class PcscSpecTests
    {
        [TestMethod]
        public void BarePcscTakesEveryHostReaderAtTheDefaultPeriod()
        {
            PcscSpec spec = PcscSpec.Parse("pcsc");
            Assert.IsNull(spec.ReaderFilter);
            Assert.AreEqual(new PcscHostReaderOptions().PollPeriodMillis, spec.PollPeriodMillis);
            Assert.IsTrue(spec.Accepts("Virtual PCD 00 00"));
        }

        [TestMethod]
        public void ReaderAndPollOptionsAreRead()
        {
            PcscSpec spec = PcscSpec.Parse("pcsc,reader=CCID,poll=250");
            Assert.AreEqual("CCID", spec.ReaderFilter);
            Assert.AreEqual(250, spec.PollPeriodMillis);
            Assert.IsTrue(spec.Accepts("Generic CCID Reader [CCID Interface] 00 00"));
            Assert.IsFalse(spec.Accepts("Virtual PCD 00 00"));
        }

        [TestMethod]
        public void BadSpecsNameTheBadPartAndTheValidForm()
        {
            string[] bad = { "pcsc,poll=0", "pcsc,poll=x", "pcsc,reader=", "pcsc,colour=red", "pcsc,verbose" };
            string[] named = { "poll=0", "poll=x", "reader=", "colour", "verbose" };
            for (int i = 0; i < bad.Length; i++)
            {
                ArgumentException error = Assert.ThrowsExactly<ArgumentException>(() => PcscSpec.Parse(bad[i]), bad[i]);
                StringAssert.Contains(error.Message, named[i]);
                StringAssert.Contains(error.Message, PcscSpec.ValidForms);
            }
        }

        [TestMethod]
        public void OnlyPcscAndPcscWithOptionsMatch()
        {
            Assert.IsTrue(PcscSpec.Matches("pcsc"));
            Assert.IsTrue(PcscSpec.Matches("pcsc,poll=100"));
            Assert.IsFalse(PcscSpec.Matches("pcscd"));
            Assert.IsFalse(PcscSpec.Matches("pcsc:1"));
        }

        [TestMethod]
        public void TheBoardFactoryListsThePcscFormForAnUnknownSpec()
        {
            ArgumentException error = Assert.ThrowsExactly<ArgumentException>(() => BoardFactory.Create("pcsc:1"));
            StringAssert.Contains(error.Message, PcscSpec.ValidForms);
        }
    }
}
