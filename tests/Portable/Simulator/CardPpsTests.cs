#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;

namespace EmbeddedSmartCard.Tests.Simulator
{
    [TestClass]
    public class CardPpsTests
    {
        // F = 512, D = 32 at 3.5712 MHz: 223 200 bd (reference §1.4).
        private const int Ta1Rate = 223200;

        [TestMethod]
        public void AcceptedPpsIsEchoedAndTheCardSwitchesRate()
        {
            CardTestRig rig = new CardTestRig(CardProfile.FastT1());
            rig.ColdReset();

            rig.Send("FF 11 96 78");
            Assert.AreEqual("FF 11 96 78", rig.Receive(4));
            Assert.AreEqual(Ta1Rate, rig.Card.BaudRate);
            Assert.AreEqual(SimulatedCardState.T1, rig.Card.State);

            rig.SetBaudRate(Ta1Rate);
            rig.Send(CardTestRig.Block(0xC1, "FE"));
            Assert.AreEqual(CardTestRig.Block(0xE1, "FE"), rig.Receive(5));
            Assert.AreEqual(0, rig.Line.ReceiveErrorCount);
        }

        [TestMethod]
        public void SlowerRatesThanTa1AreAccepted()
        {
            CardTestRig rig = new CardTestRig(CardProfile.FastT1());
            rig.ColdReset();

            // PPS1 = 95: F = 512, D = 16, 111 600 bd.
            rig.Send("FF 11 95 7B");
            Assert.AreEqual("FF 11 95 7B", rig.Receive(4));
            Assert.AreEqual(111600, rig.Card.BaudRate);
        }

        [TestMethod]
        public void AnswerWithoutPps1KeepsTheDefaultRates()
        {
            CardProfile profile = CardProfile.FastT1();
            profile.PpsAnswer = PpsAnswer.WithoutPps1;
            CardTestRig rig = new CardTestRig(profile);
            rig.ColdReset();

            rig.Send("FF 11 96 78");
            Assert.AreEqual("FF 01 FE", rig.Receive(4, 100000));
            Assert.AreEqual(9600, rig.Card.BaudRate);
            Assert.AreEqual(SimulatedCardState.T1, rig.Card.State);
        }

        [TestMethod]
        public void UnacceptableRequestsGetNoAnswer()
        {
            AssertSilent(CardProfile.FastT1(), "FF 10 96 79", "T=0 is not offered");
            AssertSilent(CardProfile.FastT1(), "FF 11 97 79", "faster than TA1");
            AssertSilent(CardProfile.FastT1(), "FF 11 96 00", "bad PCK");
            CardProfile silent = CardProfile.FastT1();
            silent.PpsAnswer = PpsAnswer.Silence;
            AssertSilent(silent, "FF 11 96 78", "profile says silence");
        }

        [TestMethod]
        public void GarbageAnswerIsNoValidPps()
        {
            CardProfile profile = CardProfile.FastT1();
            profile.PpsAnswer = PpsAnswer.Garbage;
            CardTestRig rig = new CardTestRig(profile);
            rig.ColdReset();

            rig.Send("FF 11 96 78");
            Assert.AreEqual("FF 1E 00", rig.Receive(4, 100000));
            Assert.AreEqual(9600, rig.Card.BaudRate);
        }

        [TestMethod]
        public void WithoutPpsTheFirstOfferedProtocolRunsAtDefaultRates()
        {
            CardTestRig rig = new CardTestRig(CardProfile.DualT0T1());
            rig.ColdReset();

            rig.Send("00 20 00 81 00");
            Assert.AreEqual("63 C3", rig.Receive(2));
            Assert.AreEqual(SimulatedCardState.T0, rig.Card.State);
        }

        [TestMethod]
        public void SpecificModeUsesTa1RightAfterTheAtr()
        {
            CardProfile profile = CardProfile.DirectT0();
            profile.SpecificMode = true;
            profile.Ta1 = 0x13;
            CardTestRig rig = new CardTestRig(profile);
            rig.ColdReset();

            Assert.AreEqual(38400, rig.Card.BaudRate);
            rig.SetBaudRate(38400);
            rig.Send("00 20 00 81 00");
            Assert.AreEqual("63 C3", rig.Receive(2));
        }

        private static void AssertSilent(CardProfile profile, string request, string why)
        {
            CardTestRig rig = new CardTestRig(profile);
            rig.ColdReset();
            rig.Send(request);
            Assert.AreEqual("", rig.Receive(1, 100000), why);
            Assert.AreEqual(9600, rig.Card.BaudRate, why);
        }
    }
}
