#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Firmware.Security;
using EmbeddedSmartCard.Tests.Security;

namespace EmbeddedSmartCard.Tests.SimulatorDoor
{
    /// <summary>
    /// The door's contactless cards on the simulated PN532, read as the door controller reads them through the
    /// manager: an ISO 14443-4 access card (applet, card id, challenge-response), a clone of its identifier, and
    /// a MIFARE Classic legacy badge through the PC/SC part 3 storage-card APDUs.
    /// </summary>
    [TestClass]
    public class ContactlessDoorCardTests
    {
        private const string BadgeUid = "C1 5E 00 0D";
        private const string BadgeIdHex = "00 00 00 00 12 34";
        private const int SwFileNotFound = 0x6A82;
        private const int SwConditionsNotSatisfied = 0x6985;
        private const int SwAuthenticationFailed = 0x6300;

        [TestMethod]
        public void AccessCardAnswersTheChallengeWithItsDerivedKey()
        {
            DoorBoardRig rig = new DoorBoardRig();
            rig.Tap(SimulatorPn532Cards.CreateAccessCard(TestSupport.Hex(DoorBoardRig.AccessUid), TestSupport.Hex(DoorBoardRig.CardIdHex), CardKey(SiteKey())));
            int handle = rig.Connected(rig.ContactlessReader);
            Assert.AreEqual(DoorBoardRig.SwOk, SelectApplet(rig, handle));
            Assert.AreEqual(DoorBoardRig.SwOk, rig.Send(handle, "00 CA DF 01 00"));
            Assert.AreEqual(DoorBoardRig.CardIdHex, rig.ResponseData);

            AccessChallenge challenge = new AccessChallenge(new CountingChallengeSource(0x30));
            Assert.AreEqual(DoorBoardRig.SwOk, Challenge(rig, handle, challenge.Next()));
            byte[] key = CardKey(SiteKey());
            byte[] cardId = TestSupport.Hex(DoorBoardRig.CardIdHex);
            Assert.IsTrue(challenge.Verify(key, 0, key.Length, cardId, 0, cardId.Length, rig.Response, 0, rig.ResponseDataLength), "the answer checks out");
            rig.Dispose();
        }

        [TestMethod]
        public void CloneOfTheIdentifierWithoutTheKeyRefusesTheChallenge()
        {
            DoorBoardRig rig = new DoorBoardRig();
            rig.Tap(SimulatorPn532Cards.CreateAccessCard(TestSupport.Hex(DoorBoardRig.AccessUid), TestSupport.Hex(DoorBoardRig.CardIdHex), null));
            int handle = rig.Connected(rig.ContactlessReader);
            Assert.AreEqual(DoorBoardRig.SwOk, SelectApplet(rig, handle));
            Assert.AreEqual(SwConditionsNotSatisfied, Challenge(rig, handle, SecurityTestData.Counting(0x30, AccessChallenge.ChallengeLength)));
            rig.Dispose();
        }

        [TestMethod]
        public void PlainIso14443CardHasNoAccessApplet()
        {
            DoorBoardRig rig = new DoorBoardRig();
            rig.Tap(SimulatorPn532Cards.Create(SimulatorPn532Cards.Iso14443_4));
            Assert.AreEqual(SwFileNotFound, SelectApplet(rig, rig.Connected(rig.ContactlessReader)));
            rig.Dispose();
        }

        [TestMethod]
        public void LegacyBadgeReadsBackAndVerifiesWithTheSectorKeyOfItsUid()
        {
            DoorBoardRig rig = new DoorBoardRig();
            rig.Tap(SimulatorPn532Cards.CreateLegacyBadge(TestSupport.Hex(BadgeUid), SiteKey(), TestSupport.Hex(BadgeIdHex)));
            int handle = rig.Connected(rig.ContactlessReader);
            Assert.AreEqual(DoorBoardRig.SwOk, rig.Send(handle, "FF CA 00 00 00"));
            Assert.AreEqual(BadgeUid, rig.ResponseData);

            Assert.AreEqual(DoorBoardRig.SwOk, AuthenticateBadgeSector(rig, handle, TestSupport.Hex(BadgeUid)));
            Assert.AreEqual(DoorBoardRig.SwOk, rig.Send(handle, "FF B0 00 04 10"), "READ BINARY block 4");
            byte[] badgeId = new byte[MifareBadge.BadgeIdLength];
            Assert.IsTrue(MifareBadge.Verify(SiteKey(), TestSupport.Hex(BadgeUid), rig.Response, 0, badgeId), "the block verifies");
            Assert.AreEqual(BadgeIdHex, TestSupport.ToHex(badgeId));
            rig.Dispose();
        }

        [TestMethod]
        public void TransportKeysDoNotOpenTheBadgeSector()
        {
            DoorBoardRig rig = new DoorBoardRig();
            rig.Tap(SimulatorPn532Cards.CreateLegacyBadge(TestSupport.Hex(BadgeUid), SiteKey(), TestSupport.Hex(BadgeIdHex)));
            int handle = rig.Connected(rig.ContactlessReader);
            Assert.AreEqual(DoorBoardRig.SwOk, rig.Send(handle, "FF 82 00 00 06 FF FF FF FF FF FF"));
            Assert.AreEqual(SwAuthenticationFailed, rig.Send(handle, "FF 86 00 00 05 01 00 04 60 00"));
            rig.Dispose();
        }

        [TestMethod]
        public void BadgeCopiedOntoAnotherUidFailsTheSectorKeyOfThatUid()
        {
            byte[] copyUid = TestSupport.Hex("C1 5E 00 0E");
            DoorBoardRig rig = new DoorBoardRig();
            rig.Tap(SimulatorPn532Cards.CreateCopiedBadge(copyUid, SiteKey(), TestSupport.Hex(BadgeUid), TestSupport.Hex(BadgeIdHex)));
            int handle = rig.Connected(rig.ContactlessReader);
            Assert.AreEqual(SwAuthenticationFailed, AuthenticateBadgeSector(rig, handle, copyUid), "the door derives the key of the UID it sees");
            rig.Dispose();

            rig = new DoorBoardRig();
            rig.Tap(SimulatorPn532Cards.CreateCopiedBadge(copyUid, SiteKey(), TestSupport.Hex(BadgeUid), TestSupport.Hex(BadgeIdHex)));
            handle = rig.Connected(rig.ContactlessReader);
            Assert.AreEqual(DoorBoardRig.SwOk, AuthenticateBadgeSector(rig, handle, TestSupport.Hex(BadgeUid)), "with the copied (cracked) key the sector opens");
            Assert.AreEqual(DoorBoardRig.SwOk, rig.Send(handle, "FF B0 00 04 10"));
            byte[] badgeId = new byte[MifareBadge.BadgeIdLength];
            Assert.IsFalse(MifareBadge.Verify(SiteKey(), copyUid, rig.Response, 0, badgeId), "but its block is bound to the other UID");
            rig.Dispose();
        }

        /// <summary>LOAD KEYS of the derived sector key, then GENERAL AUTHENTICATE of block 4 with key A (PC/SC part 3 §3.2.2.1.4, .6).</summary>
        private static int AuthenticateBadgeSector(DoorBoardRig rig, int handle, byte[] uid)
        {
            byte[] key = new byte[MifareBadge.SectorKeyLength];
            MifareBadge.DeriveSectorKey(SiteKey(), uid, key);
            Assert.AreEqual(DoorBoardRig.SwOk, rig.Send(handle, "FF 82 00 00 06 " + TestSupport.ToHex(key)), "LOAD KEYS");
            return rig.Send(handle, "FF 86 00 00 05 01 00 04 60 00");
        }

        private static int SelectApplet(DoorBoardRig rig, int handle)
        {
            return rig.Send(handle, DoorBoardRig.SelectAccessApplet);
        }

        private static int Challenge(DoorBoardRig rig, int handle, byte[] challenge)
        {
            return rig.Send(handle, "00 88 00 00 10 " + TestSupport.ToHex(challenge) + " 00");
        }

        private static byte[] CardKey(byte[] siteKey)
        {
            byte[] key = new byte[CardKeyDerivation.KeyLength];
            byte[] cardId = TestSupport.Hex(DoorBoardRig.CardIdHex);
            new CardKeyDerivation().Derive(siteKey, 0, siteKey.Length, cardId, 0, cardId.Length, key, 0);
            return key;
        }

        private static byte[] SiteKey()
        {
            return SecurityTestData.Counting(0x40, 32);
        }
    }
}
