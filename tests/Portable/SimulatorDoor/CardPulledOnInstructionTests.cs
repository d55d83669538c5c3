#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Firmware.Security;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.SimulatorDoor
{
    /// <summary>
    /// <see cref="CardFaults.RemoveOnInstruction"/>: a card taken away as INTERNAL AUTHENTICATE arrives, in the
    /// contact slot under T=0 and T=1 and on the PN532. The commands before it are answered, that one never is,
    /// and the reader then reports the card gone.
    /// </summary>
    [TestClass]
    public class CardPulledOnInstructionTests
    {
        private const string GetCardId = "00 CA DF 01 00";
        private const string InternalAuthenticate = "00 88 00 00 10 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 00";

        [TestMethod]
        public void ContactCardUnderT0IsPulledAtInternalAuthenticate()
        {
            AssertContactCardPulled(CardProfile.DirectT0(), ScardConstants.ProtocolT0);
        }

        [TestMethod]
        public void ContactCardUnderT1IsPulledAtInternalAuthenticate()
        {
            AssertContactCardPulled(CardProfile.FastT1(), ScardConstants.ProtocolT1);
        }

        [TestMethod]
        public void ContactlessCardLeavesTheFieldAtInternalAuthenticate()
        {
            DoorBoardRig rig = new DoorBoardRig();
            Iso14443_4Card card = ArmedContactlessCard();
            rig.Tap(card);
            int handle = rig.Connected(rig.ContactlessReader);

            AssertPulledAtAuthentication(rig, handle);
            Assert.IsNull(rig.Pn532.Chip.CardInField, "the card left the field");
            rig.Pn532.RunFor(DoorBoardRig.PollPeriodMicros + SimulatorPn532.StepMicros);
            Assert.IsTrue((rig.State(rig.ContactlessReader, 0) & ScardConstants.StateEmpty) != 0, "the reader saw it leave");
            rig.Dispose();
        }

        [TestMethod]
        public void TheFaultFiresOnceSoTheSameCardTappedAgainAnswers()
        {
            DoorBoardRig rig = new DoorBoardRig();
            Iso14443_4Card card = ArmedContactlessCard();
            Assert.AreEqual(1, card.Faults.PendingCount, "armed");
            rig.Tap(card);
            AssertPulledAtAuthentication(rig, rig.Connected(rig.ContactlessReader));
            Assert.AreEqual(0, card.Faults.PendingCount, "fired");

            rig.Tap(card);
            int handle = rig.Connected(rig.ContactlessReader);
            Assert.AreEqual(DoorBoardRig.SwOk, rig.Send(handle, DoorBoardRig.SelectAccessApplet));
            Assert.AreEqual(DoorBoardRig.SwOk, rig.Send(handle, InternalAuthenticate), "answered the second time");
            rig.Dispose();
        }

        [TestMethod]
        public void ClearDisarmsTheRemoval()
        {
            CardFaults faults = new SimulatedCard(CardProfile.DirectT0()).Faults;
            faults.RemoveOnInstruction(AccessApplet.InsInternalAuthenticate);
            faults.Clear();
            Assert.AreEqual(0, faults.PendingCount);
        }

        /// <summary>An ISO 14443-4 access card that leaves the field at INTERNAL AUTHENTICATE.</summary>
        private static Iso14443_4Card ArmedContactlessCard()
        {
            Iso14443_4Card card = SimulatorPn532Cards.CreateAccessCard(TestSupport.Hex(DoorBoardRig.AccessUid), TestSupport.Hex(DoorBoardRig.CardIdHex), new byte[CardKeyDerivation.KeyLength]);
            card.Faults.RemoveOnInstruction(AccessApplet.InsInternalAuthenticate);
            return card;
        }

        private static void AssertContactCardPulled(CardProfile profile, int protocol)
        {
            profile.AccessCardId = TestSupport.Hex(DoorBoardRig.CardIdHex);
            profile.AccessKey = new byte[CardKeyDerivation.KeyLength];
            SimulatedCard card = new SimulatedCard(profile);
            card.Faults.RemoveOnInstruction(AccessApplet.InsInternalAuthenticate);
            DoorBoardRig rig = new DoorBoardRig();
            rig.Board.GetSlot(0).Insert(card);
            int handle = rig.Connected(rig.ContactReader);
            Assert.AreEqual(protocol, rig.Protocol);

            AssertPulledAtAuthentication(rig, handle);
            Assert.AreEqual(SimulatedCardState.Removed, card.State);
            Assert.IsNull(rig.Board.GetSlot(0).Card, "the slot emptied itself");
            Assert.IsTrue((rig.State(rig.ContactReader, 0) & ScardConstants.StateEmpty) != 0, "card detect reported the removal");
            rig.Dispose();
        }

        /// <summary>SELECT and GET DATA are answered; INTERNAL AUTHENTICATE fails in the manager, not with a status word.</summary>
        private static void AssertPulledAtAuthentication(DoorBoardRig rig, int handle)
        {
            Assert.AreEqual(DoorBoardRig.SwOk, rig.Send(handle, DoorBoardRig.SelectAccessApplet));
            Assert.AreEqual(DoorBoardRig.SwOk, rig.Send(handle, GetCardId));
            Assert.AreEqual(DoorBoardRig.CardIdHex, rig.ResponseData);
            int sw;
            int result = rig.Transmit(handle, TestSupport.Hex(InternalAuthenticate), out sw);
            Assert.AreEqual(ScardError.GetName(ScardError.RemovedCard), ScardError.GetName(result), "the card is gone mid-authentication");
        }
    }
}
