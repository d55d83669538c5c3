#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.EndToEnd
{
    /// <summary>
    /// A card yanked in the middle of an APDU: the transmit ends with NoMedia (SCARD_W_REMOVED_CARD for a
    /// connected handle) within one BWT of the removal on the virtual clock, and the next card works.
    /// </summary>
    [TestClass]
    public class EndToEndRemovalTests
    {
        [TestMethod]
        public void YankWhileSendingAT1ChainGivesRemovedCardWithinOneBwt()
        {
            EndToEndSlot slot = EndToEndT1Tests.T1Slot(32, false);
            slot.Card.Faults.Arm(CardFaultScope.ReceivedCharacter, 300, CardFaultKind.Yank);

            AssertRemovedWithinOneBwt(slot, slot.Transmit(EndToEndT1Tests.ExtendedEcho(1000)));
            AssertNextCardWorks(slot);
        }

        [TestMethod]
        public void YankWhileReceivingAT1ChainGivesRemovedCardWithinOneBwt()
        {
            EndToEndSlot slot = EndToEndT1Tests.T1Slot(32, false);
            slot.Card.Faults.Arm(CardFaultScope.SentCharacter, 400, CardFaultKind.Yank);

            AssertRemovedWithinOneBwt(slot, slot.Transmit(EndToEndT1Tests.ExtendedEcho(1000)));
            AssertNextCardWorks(slot);
        }

        [TestMethod]
        public void YankDuringAT0CommandGivesRemovedCard()
        {
            EndToEndSlot slot = EndToEndSlot.With(CardProfile.DirectT0(), null);
            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T0));
            slot.Card.Faults.Arm(CardFaultScope.SentCharacter, 3, CardFaultKind.Yank);

            SmartcardStatus status = slot.Transmit(TestSupport.Hex("80 10 00 20 20"));

            Assert.AreEqual(SmartcardStatus.NoMedia, status);
            Assert.AreEqual(ScardError.RemovedCard, StatusMap.ForIo(status));
            Assert.IsTrue(slot.Clock.NowMicros - slot.RemovedMicros <= slot.Device.Timing.WaitingTimeMicros, "within WT of the removal");
            AssertNextCardWorks(slot);
        }

        [TestMethod]
        public void PowerWithNoCardIsNoSmartcard()
        {
            EndToEndSlot slot = new EndToEndSlot(null);

            SmartcardStatus status = slot.Device.Power(PowerAction.ColdReset);

            Assert.AreEqual(SmartcardStatus.NoMedia, status);
            Assert.AreEqual(ScardError.NoSmartcard, StatusMap.ForActivation(status));
        }

        private static void AssertRemovedWithinOneBwt(EndToEndSlot slot, SmartcardStatus status)
        {
            Assert.AreEqual(SmartcardStatus.NoMedia, status);
            Assert.AreEqual(ScardError.RemovedCard, StatusMap.ForIo(status));
            Assert.IsTrue(slot.RemovedMicros >= 0, "the card was pulled");
            long noticed = slot.Clock.NowMicros - slot.RemovedMicros;
            Assert.IsTrue(noticed <= slot.Device.Timing.BlockWaitingTimeMicros, "within one BWT: " + noticed.ToString());
            Assert.AreEqual((int)ReaderState.Absent, (int)slot.Device.State);
            Assert.IsFalse(slot.Vcc.Value, "deactivated");
        }

        private static void AssertNextCardWorks(EndToEndSlot slot)
        {
            slot.Insert(new SimulatedCard(CardProfile.DirectT0()));

            Assert.AreEqual((int)ReaderState.Present, (int)slot.Device.State);
            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T0));
            Assert.AreEqual("00 01 02 90 00", slot.TransmitHex("80 10 00 03 03"));
        }
    }
}
