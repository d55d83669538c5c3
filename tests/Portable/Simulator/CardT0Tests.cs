#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;

namespace EmbeddedSmartCard.Tests.Simulator
{
    [TestClass]
    public class CardT0Tests
    {
        private static CardTestRig Powered(CardProfile profile)
        {
            CardTestRig rig = new CardTestRig(profile);
            rig.ColdReset();
            return rig;
        }

        [TestMethod]
        public void Case1AnswersWithStatusOnly()
        {
            CardTestRig rig = Powered(CardProfile.DirectT0());
            rig.Send("00 20 00 81 00");
            Assert.AreEqual("63 C3", rig.Receive(2));
        }

        [TestMethod]
        public void Case3TakesDataAfterTheInsAcknowledgement()
        {
            CardTestRig rig = Powered(CardProfile.DirectT0());
            rig.Send("00 A4 00 0C 02");
            Assert.AreEqual("A4", rig.Receive(1));
            rig.Send("2F 00");
            Assert.AreEqual("90 00", rig.Receive(2));
            Assert.AreEqual(CardFileSystem.DirectoryFileId, rig.Card.Applet.CurrentEf.FileId);
        }

        [TestMethod]
        public void Case2SendsExactlyP3Bytes()
        {
            CardTestRig rig = Powered(CardProfile.DirectT0());
            SelectDirectory(rig);
            rig.Send("00 B0 00 02 04");
            Assert.AreEqual("B0 02 03 04 05 90 00", rig.Receive(7));
        }

        [TestMethod]
        public void WrongLeIsAnsweredWith6CAndTheRightLength()
        {
            CardTestRig rig = Powered(CardProfile.DirectT0());
            rig.Send("80 10 00 20 10");
            Assert.AreEqual("6C 20", rig.Receive(2));
            rig.Send("80 10 00 20 20");
            Assert.AreEqual("10", rig.Receive(1));
            Assert.AreEqual(TestSupport.ToHex(Pattern(32)), rig.Receive(32));
            Assert.AreEqual("90 00", rig.Receive(2));
        }

        [TestMethod]
        public void Case4ResponseComesThroughGetResponse()
        {
            CardTestRig rig = Powered(CardProfile.DirectT0());
            rig.Send("80 12 00 00 03");
            Assert.AreEqual("12", rig.Receive(1));
            rig.Send("AA BB CC");
            Assert.AreEqual("61 03", rig.Receive(2));

            rig.Send("00 C0 00 00 05");
            Assert.AreEqual("6C 03", rig.Receive(2));
            rig.Send("00 C0 00 00 02");
            Assert.AreEqual("C0 AA BB 61 01", rig.Receive(5));
            rig.Send("00 C0 00 00 01");
            Assert.AreEqual("C0 CC 90 00", rig.Receive(4));
        }

        [TestMethod]
        public void SelectWithFciReturnsItThroughGetResponse()
        {
            CardTestRig rig = Powered(CardProfile.DirectT0());
            rig.Send("00 A4 04 00 06");
            Assert.AreEqual("A4", rig.Receive(1));
            rig.Send("A0 00 00 00 01 01");
            Assert.AreEqual("61 11", rig.Receive(2));
            rig.Send("00 C0 00 00 11");
            Assert.AreEqual("C0 6F 0F 82 01 38 83 02 10 00 84 06 A0 00 00 00 01 01 90 00", rig.Receive(20));
        }

        [TestMethod]
        public void UnknownInstructionIsRefusedAfterTheHeader()
        {
            CardTestRig rig = Powered(CardProfile.DirectT0());
            rig.Send("00 E2 00 00 04");
            Assert.AreEqual("6D 00", rig.Receive(2));
            rig.Send("00 62 00 00 00");
            Assert.AreEqual("6D 00", rig.Receive(2));
        }

        [TestMethod]
        public void SlowCommandSendsNullBytesWithinWaitingTime()
        {
            CardTestRig rig = Powered(CardProfile.DirectT0());
            rig.Card.AnswerSlowly(0x20, 3, 0);
            rig.Send("00 20 00 81 00");
            long waitingTime = 960L * 10 * CardTestRig.InitialCharacterMicros / 12;
            long last = rig.Clock.NowMicros;
            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual("60", rig.Receive(1, (int)waitingTime));
                Assert.IsTrue(rig.Clock.NowMicros - last < waitingTime, "NULL within WT");
                last = rig.Clock.NowMicros;
            }

            Assert.AreEqual("63 C3", rig.Receive(2, (int)waitingTime));
        }

        [TestMethod]
        public void AcknowledgeEachByteSendsComplementedIns()
        {
            CardProfile profile = CardProfile.DirectT0();
            profile.T0AcknowledgeEachByte = true;
            CardTestRig rig = Powered(profile);
            rig.Send("00 A4 00 0C 02");
            Assert.AreEqual("5B", rig.Receive(1));
            rig.Send("3F");
            Assert.AreEqual("5B", rig.Receive(1));
            rig.Send("00");
            Assert.AreEqual("90 00", rig.Receive(2));
        }

        [TestMethod]
        public void VerifyCountsDownAndBlocks()
        {
            CardTestRig rig = Powered(CardProfile.DirectT0());
            for (int left = 2; left >= 0; left--)
            {
                rig.Send("00 20 00 81 04");
                Assert.AreEqual("20", rig.Receive(1));
                rig.Send("30 30 30 30");
                Assert.AreEqual("63 C" + left.ToString(), rig.Receive(2));
            }

            rig.Send("00 20 00 81 04");
            rig.Receive(1);
            rig.Send("31 32 33 34");
            Assert.AreEqual("69 83", rig.Receive(2));
        }

        [TestMethod]
        public void InverseConventionCardSpeaksT0()
        {
            CardTestRig rig = Powered(CardProfile.InverseT0());
            rig.Send("00 20 00 81 00");
            Assert.AreEqual("63 C3", rig.Receive(2));
        }

        internal static void SelectDirectory(CardTestRig rig)
        {
            rig.Send("00 A4 00 0C 02");
            rig.Receive(1);
            rig.Send("2F 00");
            Assert.AreEqual("90 00", rig.Receive(2));
        }

        internal static byte[] Pattern(int count)
        {
            byte[] pattern = new byte[count];
            for (int i = 0; i < count; i++)
            {
                pattern[i] = CardApplet.PatternByte(i);
            }

            return pattern;
        }
    }
}
