#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;

namespace EmbeddedSmartCard.Tests.Simulator
{
    /// <summary>The FF FF reset of a line without an RST wire (docs/architecture.md).</summary>
    [TestClass]
    public class CardInBandResetTests
    {
        private static CardTestRig Unwired(CardProfile profile)
        {
            CardTestRig rig = new CardTestRig(profile, false);
            rig.Vcc.Write(true);
            rig.Clk.Start(CardTestRig.ClockHz);
            return rig;
        }

        [TestMethod]
        public void CardSendsNothingUntilFfFf()
        {
            CardTestRig rig = Unwired(CardProfile.DirectT0());
            rig.Send("00 A4 00 00");
            Assert.AreEqual("", rig.Receive(1, 200000));

            rig.Clock.Advance(200000);
            rig.Send("FF FF");
            Assert.AreEqual("3B 05 80 31 80 65 B0", TestSupport.ToHex(rig.ReadAtr()));
            Assert.IsTrue(rig.Card.UsesInBandReset, "no RST wire");
        }

        [TestMethod]
        public void FfFfAtACommandBoundaryResetsAgain()
        {
            CardTestRig rig = Unwired(CardProfile.DirectT0());
            rig.Send("FF FF");
            rig.ReadAtr();
            rig.Send("00 20 00 81 00");
            Assert.AreEqual("63 C3", rig.Receive(2));

            rig.Send("FF FF");
            Assert.AreEqual("3B 05 80 31 80 65 B0", TestSupport.ToHex(rig.ReadAtr()));
            Assert.AreEqual(2, rig.Card.ResetCount);
        }

        [TestMethod]
        public void HalfReceivedCommandIsForgottenAfter100Milliseconds()
        {
            CardTestRig rig = Unwired(CardProfile.DirectT0());
            rig.Send("FF FF");
            rig.ReadAtr();
            rig.Send("00 20 00");
            rig.Clock.Advance(SimulatedCard.InBandSilenceMicros + 1000);
            rig.Send("FF FF");
            Assert.AreEqual("3B 05 80 31 80 65 B0", TestSupport.ToHex(rig.ReadAtr()));
        }

        [TestMethod]
        public void FfFfInsideACommandIsData()
        {
            CardTestRig rig = Unwired(CardProfile.DirectT0());
            rig.Send("FF FF");
            rig.ReadAtr();
            rig.Send("00 20 00 FF FF");
            Assert.AreEqual("20", rig.Receive(1));
            Assert.AreEqual(1, rig.Card.ResetCount);
        }

        [TestMethod]
        public void PpssAfterTheAtrStillStartsAPps()
        {
            CardTestRig rig = Unwired(CardProfile.FastT1());
            rig.Send("FF FF");
            rig.ReadAtr();
            rig.Send("FF 11 95 7B");
            Assert.AreEqual("FF 11 95 7B", rig.Receive(4));
            Assert.AreEqual(111600, rig.Card.BaudRate);

            rig.SetBaudRate(111600);
            rig.Send("FF FF");
            rig.SetBaudRate(9600);
            Assert.AreEqual("3B 95 96 81 31 FE 45 80 31 80 65 B0 EC", TestSupport.ToHex(rig.ReadAtr()));
        }

        [TestMethod]
        public void InverseCardTakesFfFfInItsConvention()
        {
            CardTestRig rig = Unwired(CardProfile.InverseT0());
            rig.Send("FF FF");
            Assert.AreEqual("3F 05 80 31 80 65 B0", TestSupport.ToHex(rig.ReadAtr()));
            Assert.IsTrue(rig.Inverse, "inverse");

            rig.Send("FF FF");
            Assert.AreEqual("3F 05 80 31 80 65 B0", TestSupport.ToHex(rig.ReadAtr()));
            Assert.AreEqual(2, rig.Card.ResetCount);
        }
    }
}
