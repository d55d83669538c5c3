#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Firmware.DoorAccess;
using EmbeddedSmartCard.Firmware.DoorAccess.Scenario;
using EmbeddedSmartCard.Firmware.Security;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Tests.DoorAccess
{
    /// <summary>
    /// Every decision of the door controller, taken through SCardManager on the simulator board (contact slot
    /// and PN532), each with its audit record.
    /// </summary>
    [TestClass]
    public class DoorDecisionTests
    {
        [TestMethod]
        public void ValidContactBadgeIsGrantedWithItsCardId()
        {
            DoorRig rig = new DoorRig();
            DoorDecision decision = rig.Contact(DoorScenario.ContactAccessCard(DoorScenario.ValidId), DoorDecisionCode.Granted, "valid badge");
            Assert.AreEqual(TestSupport.ToHex(DoorScenario.ValidId), TestSupport.ToHex(decision.CardId, 0, decision.CardIdLength));
            Assert.AreEqual((int)CardType.Contact, (int)decision.Type);
            rig.Dispose();
        }

        [TestMethod]
        public void RevokedBadgeIsDeniedThoughAuthentic()
        {
            DoorRig rig = new DoorRig();
            rig.Contact(DoorScenario.ContactAccessCard(DoorScenario.RevokedId), DoorDecisionCode.DeniedRevoked, "revoked badge");
            rig.Dispose();
        }

        [TestMethod]
        public void AuthenticCardNotOnTheAllowListIsUnknown()
        {
            DoorRig rig = new DoorRig();
            DoorDecision decision = rig.Contact(DoorScenario.ContactAccessCard(DoorScenario.UnknownId), DoorDecisionCode.DeniedUnknownCard, "unknown card");
            Assert.AreEqual("card id not on the allow-list", decision.Reason);
            rig.Dispose();
        }

        [TestMethod]
        public void CardWithoutTheAccessAppletIsUnknown()
        {
            DoorRig rig = new DoorRig();
            DoorDecision decision = rig.Contact(new SimulatedCard(CardProfile.DirectT0()), DoorDecisionCode.DeniedUnknownCard, "card without the applet");
            Assert.AreEqual("SELECT refused, SW 6A82", decision.Reason);
            Assert.AreEqual(0, decision.CardIdLength, "no card id");
            rig.Dispose();
        }

        [TestMethod]
        public void ClonedIdentifierWithAKeyOfItsOwnFailsTheChallenge()
        {
            DoorRig rig = new DoorRig();
            DoorDecision decision = rig.Contactless(DoorScenario.ClonedAccessCard(DoorScenario.ValidId), DoorDecisionCode.DeniedAuthentication, "clone");
            Assert.AreEqual("wrong answer to the challenge", decision.Reason);
            Assert.AreEqual((int)CardType.Iso14443_4A, (int)decision.Type);
            rig.Dispose();
        }

        [TestMethod]
        public void ClonedIdentifierWithoutAnyKeyIsRefusedByTheCard()
        {
            DoorRig rig = new DoorRig();
            CardProfile clone = CardProfile.DirectT0();
            clone.AccessCardId = DoorScenario.ValidId;
            DoorDecision decision = rig.Contact(new SimulatedCard(clone), DoorDecisionCode.DeniedAuthentication, "clone without key");
            Assert.AreEqual("INTERNAL AUTHENTICATE refused, SW 6985", decision.Reason);
            rig.Dispose();
        }

        [TestMethod]
        public void CardPulledMidAuthenticationIsCardRemovedAndTheDoorStaysShut()
        {
            DoorRig rig = new DoorRig();
            SimulatedCard card = DoorScenario.ContactAccessCard(DoorScenario.ValidId);
            card.Faults.RemoveOnInstruction(AccessApplet.InsInternalAuthenticate);
            DoorDecision decision = rig.Contact(card, DoorDecisionCode.CardRemoved, "pulled");
            Assert.IsFalse(rig.Relay.Value, "strike not released");
            rig.Dispose();
        }

        [TestMethod]
        public void ReaderUnpluggedAndBackServesTheNextCard()
        {
            DoorRig rig = new DoorRig();
            Assert.AreEqual(2, rig.Scenario.Controller.ReaderCount, "contact slot and PN532");
            Assert.IsTrue(rig.Scenario.UnplugPn532(), "the controller dropped the PN532");
            Assert.AreEqual(1, rig.Scenario.Controller.ReaderCount);
            Assert.IsTrue(rig.Scenario.ReplugPn532(), "the controller watches it again");
            DoorDecision decision = rig.Contactless(SimulatorPn532Cards.CreateAccessCard(DoorScenario.AccessCardUid, DoorScenario.ValidId, DoorScenario.CardKey(DoorScenario.SiteKey, DoorScenario.ValidId)), DoorDecisionCode.Granted, "after the replug");
            rig.Dispose();
        }

        [TestMethod]
        public void LegacyBadgeIsGrantedWhenAllowed()
        {
            DoorRig rig = new DoorRig();
            rig.Scenario.Config.LegacyMifareAllowed = true;
            DoorDecision decision = rig.Contactless(SimulatorPn532Cards.CreateLegacyBadge(DoorScenario.BadgeUid, DoorScenario.SiteKey, DoorScenario.BadgeId), DoorDecisionCode.Granted, "legacy badge");
            Assert.AreEqual(TestSupport.ToHex(DoorScenario.BadgeId), TestSupport.ToHex(decision.CardId, 0, decision.CardIdLength), "the badge id");
            Assert.AreEqual((int)CardType.MifareClassic1K, (int)decision.Type);
            rig.Dispose();
        }

        [TestMethod]
        public void LegacyBadgeCopiedToAnotherCardFailsItsKey()
        {
            DoorRig rig = new DoorRig();
            rig.Scenario.Config.LegacyMifareAllowed = true;
            DoorDecision decision = rig.Contactless(SimulatorPn532Cards.CreateCopiedBadge(DoorScenario.BlankCardUid, DoorScenario.SiteKey, DoorScenario.BadgeUid, DoorScenario.BadgeId), DoorDecisionCode.DeniedAuthentication, "copied badge");
            Assert.AreEqual(TestSupport.ToHex(DoorScenario.BlankCardUid), TestSupport.ToHex(decision.CardId, 0, decision.CardIdLength), "logged by its UID");
            rig.Dispose();
        }

        [TestMethod]
        public void LegacyBadgeIsDeniedWhenForbiddenAndLoggedByUid()
        {
            DoorRig rig = new DoorRig();
            DoorDecision decision = rig.Contactless(SimulatorPn532Cards.CreateLegacyBadge(DoorScenario.BadgeUid, DoorScenario.SiteKey, DoorScenario.BadgeId), DoorDecisionCode.DeniedLegacyForbidden, "forbidden badge");
            Assert.AreEqual(TestSupport.ToHex(DoorScenario.BadgeUid), TestSupport.ToHex(decision.CardId, 0, decision.CardIdLength));
            rig.Dispose();
        }

        [TestMethod]
        public void UltralightHasNoDoorCredential()
        {
            DoorRig rig = new DoorRig();
            DoorDecision decision = rig.Contactless(SimulatorPn532Cards.Create(SimulatorPn532Cards.Ultralight), DoorDecisionCode.DeniedUnknownCard, "ultralight");
            Assert.AreEqual((int)CardType.MifareUltralight, (int)decision.Type);
            rig.Dispose();
        }

        [TestMethod]
        public void ACardMuteAtPowerOnIsAReaderError()
        {
            DoorRig rig = new DoorRig();
            SimulatedCard card = DoorScenario.ContactAccessCard(DoorScenario.ValidId);
            card.Faults.Arm(CardFaultScope.SentCharacter, 0, CardFaultKind.Mute);
            DoorDecision decision = rig.Contact(card, DoorDecisionCode.ReaderError, "mute card");
            Assert.AreEqual("the card did not answer to reset", decision.Reason);
            rig.Dispose();
        }

        [TestMethod]
        public void OnePresentationGetsOneDecision()
        {
            DoorRig rig = new DoorRig();
            rig.Scenario.Board.GetSlot(0).Insert(DoorScenario.ContactAccessCard(DoorScenario.ValidId));
            DoorDecision first = null;
            for (int i = 0; i < DoorScenario.MaxSteps && first == null; i++)
            {
                first = rig.Scenario.Controller.Step(DoorScenario.StepMillis);
            }

            Assert.IsNotNull(first, "decided");
            for (int i = 0; i < 5; i++)
            {
                Assert.IsNull(rig.Scenario.Controller.Step(DoorScenario.StepMillis), "no second decision while the card stays");
            }

            Assert.AreEqual(1, rig.Scenario.Log.Count, "one audit record");
            rig.Scenario.Board.GetSlot(0).Remove();
            rig.Dispose();
        }

        [TestMethod]
        public void AGrantTheAuditLogRefusesKeepsTheDoorShut()
        {
            DoorRig rig = new DoorRig();
            rig.Storage.CutPowerAfter(0, EmbeddedSmartCard.Hal.Simulator.SimTornWrite.Prefix);
            DoorDecision decision = rig.Scenario.PresentContact(DoorScenario.ContactAccessCard(DoorScenario.ValidId));
            Assert.AreEqual(DoorDecisionCodes.Name(DoorDecisionCode.ReaderError), DoorDecisionCodes.Name(decision.Code), decision.Reason);
            Assert.IsFalse(rig.Relay.Value, "strike not released without a record");
            Assert.IsTrue(rig.LedRed.Value, "red shown");
            rig.Dispose();
        }
    }
}
