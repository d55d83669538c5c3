#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Firmware.Security;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Security
{
    /// <summary>
    /// The simulator card's door-access applet through <see cref="SCardManager"/> on the simulator board:
    /// the reader selects the applet, reads the card identifier, sends a challenge with INTERNAL AUTHENTICATE
    /// and checks the answer against the key it derives from the site key.
    /// </summary>
    [TestClass]
    public class AccessAppletTests
    {
        private const string CardIdHex = "04 A1 B2 C3 D4 E5 F6";
        private const int SwOk = 0x9000;
        private const int SwFileNotFound = 0x6A82;
        private const int SwWrongLength = 0x6700;
        private const int SwConditionsNotSatisfied = 0x6985;
        private const int SwReferenceNotFound = 0x6A88;

        [TestMethod]
        public void CardPersonalisedForTheSiteAuthenticatesUnderT0()
        {
            AccessReaderSession session = AccessReaderSession.Start(Personalised(CardProfile.DirectT0(), SiteKey()));
            Assert.AreEqual(ScardConstants.ProtocolT0, session.Protocol);
            Assert.IsTrue(Authenticates(session, SiteKey()), "genuine card under T=0");
        }

        [TestMethod]
        public void CardPersonalisedForTheSiteAuthenticatesUnderT1()
        {
            AccessReaderSession session = AccessReaderSession.Start(Personalised(CardProfile.FastT1(), SiteKey()));
            Assert.AreEqual(ScardConstants.ProtocolT1, session.Protocol);
            Assert.IsTrue(Authenticates(session, SiteKey()), "genuine card under T=1");
        }

        [TestMethod]
        public void ClonedCardIdWithAnotherKeyFails()
        {
            byte[] attackerSite = SiteKey();
            attackerSite[5] ^= 0x20;
            AccessReaderSession session = AccessReaderSession.Start(Personalised(CardProfile.DirectT0(), attackerSite));
            Assert.IsFalse(Authenticates(session, SiteKey()), "clone with a key of another site");
        }

        [TestMethod]
        public void ClonedCardIdWithoutAKeyAnswers6985()
        {
            CardProfile clone = CardProfile.DirectT0();
            clone.AccessCardId = TestSupport.Hex(CardIdHex);
            AccessReaderSession session = AccessReaderSession.Start(clone);
            Assert.AreEqual(SwOk, session.SelectAccessApplet());
            Assert.AreEqual(CardIdHex, TestSupport.ToHex(session.GetCardId()));
            Assert.AreEqual(SwConditionsNotSatisfied, session.InternalAuthenticate(SecurityTestData.Counting(0x10, AccessChallenge.ChallengeLength)));
        }

        [TestMethod]
        public void CardWithoutTheAppletAnswers6A82ToItsSelect()
        {
            AccessReaderSession session = AccessReaderSession.Start(CardProfile.DirectT0());
            Assert.AreEqual(SwFileNotFound, session.SelectAccessApplet());
            Assert.AreEqual(SwFileNotFound, session.InternalAuthenticate(SecurityTestData.Counting(0x10, AccessChallenge.ChallengeLength)));
        }

        [TestMethod]
        public void CommandsBeforeSelectAndAfterSelectingTheMasterFileAnswer6A82()
        {
            AccessReaderSession session = AccessReaderSession.Start(Personalised(CardProfile.FastT1(), SiteKey()));
            byte[] challenge = SecurityTestData.Counting(0x10, AccessChallenge.ChallengeLength);
            Assert.AreEqual(SwFileNotFound, session.InternalAuthenticate(challenge), "not selected yet");
            Assert.AreEqual(SwOk, session.SelectAccessApplet());
            Assert.AreEqual(SwOk, session.InternalAuthenticate(challenge), "selected");
            Assert.AreEqual(SwOk, session.Send(TestSupport.Hex("00 A4 00 0C 02 3F 00")), "SELECT MF");
            Assert.AreEqual(SwFileNotFound, session.InternalAuthenticate(challenge), "the MF replaced the applet");
        }

        [TestMethod]
        public void ChallengeOfTheWrongLengthAnswers6700()
        {
            AccessReaderSession session = AccessReaderSession.Start(Personalised(CardProfile.FastT1(), SiteKey()));
            Assert.AreEqual(SwOk, session.SelectAccessApplet());
            Assert.AreEqual(SwWrongLength, session.InternalAuthenticate(SecurityTestData.Counting(0x10, AccessChallenge.ChallengeLength - 1)), "short");
            Assert.AreEqual(SwWrongLength, session.InternalAuthenticate(SecurityTestData.Counting(0x10, AccessChallenge.ChallengeLength + 1)), "long");
            Assert.AreEqual(SwWrongLength, session.Send(TestSupport.Hex("00 88 00 00 10 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 08")), "Le too small for the answer");
        }

        [TestMethod]
        public void GetDataOfAnotherTagAnswers6A88()
        {
            AccessReaderSession session = AccessReaderSession.Start(Personalised(CardProfile.FastT1(), SiteKey()));
            Assert.AreEqual(SwOk, session.SelectAccessApplet());
            Assert.AreEqual(SwReferenceNotFound, session.Send(TestSupport.Hex("00 CA 00 5A 00")));
        }

        [TestMethod]
        public void ResetDeselectsTheApplet()
        {
            AccessReaderSession session = AccessReaderSession.Start(Personalised(CardProfile.FastT1(), SiteKey()));
            Assert.AreEqual(SwOk, session.SelectAccessApplet());
            Assert.AreEqual(ScardError.Success, session.ResetCard());
            Assert.AreEqual(SwFileNotFound, session.InternalAuthenticate(SecurityTestData.Counting(0x10, AccessChallenge.ChallengeLength)));
        }

        /// <summary>The reader's side: select, read the card id, derive its key, challenge it and check the answer.</summary>
        private static bool Authenticates(AccessReaderSession session, byte[] siteKey)
        {
            Assert.AreEqual(SwOk, session.SelectAccessApplet());
            byte[] cardId = session.GetCardId();
            Assert.AreEqual(CardIdHex, TestSupport.ToHex(cardId));
            byte[] cardKey = DeriveKey(siteKey, cardId);
            AccessChallenge challenge = new AccessChallenge(new CountingChallengeSource(0x30));
            int sw = session.InternalAuthenticate(challenge.Next());
            return sw == SwOk && challenge.Verify(cardKey, 0, cardKey.Length, cardId, 0, cardId.Length, session.Response, 0, session.ResponseDataLength);
        }

        private static CardProfile Personalised(CardProfile profile, byte[] siteKey)
        {
            profile.AccessCardId = TestSupport.Hex(CardIdHex);
            profile.AccessKey = DeriveKey(siteKey, profile.AccessCardId);
            return profile;
        }

        private static byte[] DeriveKey(byte[] siteKey, byte[] cardId)
        {
            byte[] key = new byte[CardKeyDerivation.KeyLength];
            new CardKeyDerivation().Derive(siteKey, 0, siteKey.Length, cardId, 0, cardId.Length, key, 0);
            return key;
        }

        private static byte[] SiteKey()
        {
            return SecurityTestData.Counting(0x40, 32);
        }
    }
}
