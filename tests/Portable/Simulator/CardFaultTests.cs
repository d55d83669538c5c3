#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;

namespace EmbeddedSmartCard.Tests.Simulator
{
    [TestClass]
    public class CardFaultTests
    {
        private const string VerifyQuery = "00 20 00 81 00";

        private static CardTestRig Powered(CardProfile profile)
        {
            CardTestRig rig = new CardTestRig(profile);
            rig.ColdReset();
            return rig;
        }

        [TestMethod]
        public void CorruptedCharacterArrivesWithAParityError()
        {
            CardTestRig rig = Powered(CardProfile.DirectT0());
            rig.Card.Faults.Arm(CardFaultScope.SentCharacter, 1, CardFaultKind.Corrupt);
            rig.Send(VerifyQuery);
            Assert.AreEqual("63 C2", rig.Receive(2));
            Assert.AreEqual(1, rig.Line.ReceiveErrorCount);
            Assert.AreEqual(0, rig.Card.Faults.PendingCount);
        }

        [TestMethod]
        public void DroppedCharacterNeverArrives()
        {
            CardTestRig rig = Powered(CardProfile.DirectT0());
            rig.Card.Faults.Arm(CardFaultScope.SentCharacter, 0, CardFaultKind.Drop);
            rig.Send(VerifyQuery);
            Assert.AreEqual("C3", rig.Receive(2, 100000));
        }

        [TestMethod]
        public void DelayedCharacterLeavesAGap()
        {
            CardTestRig rig = Powered(CardProfile.DirectT0());
            rig.Card.Faults.Delay(CardFaultScope.SentCharacter, 1, 50000);
            rig.Send(VerifyQuery);
            rig.Receive(1);
            long first = rig.Clock.NowMicros;
            Assert.AreEqual("C3", rig.Receive(1));
            Assert.IsTrue(rig.Clock.NowMicros - first >= 50000, "50 ms later");
        }

        [TestMethod]
        public void MutedCardStaysSilentUntilTheNextReset()
        {
            CardTestRig rig = Powered(CardProfile.DirectT0());
            rig.Card.Faults.Arm(CardFaultScope.ReceivedCharacter, 4, CardFaultKind.Mute);
            rig.Send(VerifyQuery);
            Assert.AreEqual("", rig.Receive(1, 1000000));
            Assert.AreEqual(SimulatedCardState.Muted, rig.Card.State);

            rig.ColdReset();
            rig.Send(VerifyQuery);
            Assert.AreEqual("63 C3", rig.Receive(2));
        }

        [TestMethod]
        public void YankStopsTheCardAtTheCharacterItHits()
        {
            CardTestRig rig = new CardTestRig(CardProfile.DirectT0());
            long removedAt = -1;
            rig.Card.Removed += delegate(SimulatedCard card, long time) { removedAt = time; };
            rig.Card.Faults.Arm(CardFaultScope.SentCharacter, 2, CardFaultKind.Yank);

            byte[] atr = rig.ColdReset();
            Assert.AreEqual("3B 05", TestSupport.ToHex(atr));
            Assert.AreEqual(rig.Card.LastAtrStartMicros + 2 * CardTestRig.InitialCharacterMicros, removedAt);
            Assert.AreEqual(SimulatedCardState.Removed, rig.Card.State);
        }

        [TestMethod]
        public void CorruptedBlockFromTheCardIsSentAgainOnRequest()
        {
            CardTestRig rig = CardT1Tests.Powered();
            rig.Card.Faults.Arm(CardFaultScope.SentBlock, 0, CardFaultKind.Corrupt);
            string good = CardTestRig.Block(0x00, "63 C3");
            string received = CardT1Tests.Exchange(rig, 0x00, "00 20 00 81");
            Assert.IsTrue(received != good && received.Length == good.Length, "wrong EDC");
            Assert.AreEqual(good, CardT1Tests.Exchange(rig, 0x81, ""));
        }

        [TestMethod]
        public void DroppedBlockFromTheCardIsSentAgainAfterTheReadersTimeout()
        {
            CardTestRig rig = CardT1Tests.Powered();
            rig.Card.Faults.Arm(CardFaultScope.SentBlock, 0, CardFaultKind.Drop);
            Assert.AreEqual("", CardT1Tests.Exchange(rig, 0x00, "00 20 00 81"));
            Assert.AreEqual(CardTestRig.Block(0x00, "63 C3"), CardT1Tests.Exchange(rig, 0x80, ""));
        }

        [TestMethod]
        public void CorruptedBlockToTheCardIsRefusedWithAnEdcRBlock()
        {
            CardTestRig rig = CardT1Tests.Powered();
            rig.Card.Faults.Arm(CardFaultScope.ReceivedBlock, 0, CardFaultKind.Corrupt);
            Assert.AreEqual(CardTestRig.Block(0x81, ""), CardT1Tests.Exchange(rig, 0x00, "00 20 00 81"));
            Assert.AreEqual(CardTestRig.Block(0x00, "63 C3"), CardT1Tests.Exchange(rig, 0x00, "00 20 00 81"));
        }

        [TestMethod]
        public void LostAcknowledgementInAChainIsSentAgain()
        {
            CardTestRig rig = CardT1Tests.Powered();
            rig.Card.Faults.Arm(CardFaultScope.SentBlock, 0, CardFaultKind.Drop);
            Assert.AreEqual("", CardT1Tests.Exchange(rig, 0x20, "80 12 00 00 04 01 02"));
            Assert.AreEqual(CardTestRig.Block(0x90, ""), CardT1Tests.Exchange(rig, 0x80, ""));
            Assert.AreEqual(CardTestRig.Block(0x00, "01 02 03 04 90 00"), CardT1Tests.Exchange(rig, 0x40, "03 04 00"));
        }
    }
}
