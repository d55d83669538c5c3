#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Firmware.Security;

namespace EmbeddedSmartCard.Tests.Security
{
    /// <summary>
    /// Per-card key derivation and the challenge-response. The fixed vectors were computed independently with
    /// Python's hmac/hashlib (and tests/Integration/SecurityCrossCheckTests.cs checks against .NET's HMACSHA256).
    /// </summary>
    [TestClass]
    public class AccessChallengeTests
    {
        private const string CardIdHex = "04 A1 B2 C3 D4 E5 F6";
        private const string CardKeyHex = "CF 60 77 6A FE 50 B2 F3 D7 CD E4 1C DF 0A 40 81 7D FF CB 55 8D E7 65 41 03 47 17 4C 52 03 24 FD";
        private const string ResponseToA0Hex = "A0 05 34 A3 06 60 68 0F 88 54 10 46 B0 16 49 EC";

        [TestMethod]
        public void CardKeyIsHmacOfTheLabelAndCardIdUnderTheSiteKey()
        {
            Assert.AreEqual(CardKeyHex, TestSupport.ToHex(DeriveKey(SiteKey(), TestSupport.Hex(CardIdHex))));
        }

        [TestMethod]
        public void DifferentCardsAndDifferentSitesGetDifferentKeys()
        {
            string key = TestSupport.ToHex(DeriveKey(SiteKey(), TestSupport.Hex(CardIdHex)));
            Assert.IsFalse(key == TestSupport.ToHex(DeriveKey(SiteKey(), TestSupport.Hex("04 A1 B2 C3 D4 E5 F7"))), "another card");
            byte[] otherSite = SiteKey();
            otherSite[0] ^= 1;
            Assert.IsFalse(key == TestSupport.ToHex(DeriveKey(otherSite, TestSupport.Hex(CardIdHex))), "another site");
        }

        [TestMethod]
        public void ResponseIsTheTruncatedHmacOfChallengeAndCardId()
        {
            byte[] response = new byte[AccessResponse.Length + 2];
            new AccessResponse().Compute(TestSupport.Hex(CardKeyHex), 0, CardKeyDerivation.KeyLength, SecurityTestData.Counting(0xA0, 16), 0, 16, TestSupport.Hex(CardIdHex), 0, 7, response, 2);
            Assert.AreEqual(ResponseToA0Hex, TestSupport.ToHex(response, 2, AccessResponse.Length));
        }

        [TestMethod]
        public void ChallengesComeFromTheInjectedSource()
        {
            CountingChallengeSource source = new CountingChallengeSource(0xA0);
            AccessChallenge challenge = new AccessChallenge(source);
            Assert.AreEqual(TestSupport.ToHex(SecurityTestData.Counting(0xA0, 16)), TestSupport.ToHex(challenge.Next()));
            Assert.AreEqual(TestSupport.ToHex(SecurityTestData.Counting(0xB0, 16)), TestSupport.ToHex(challenge.Next()));
            Assert.AreEqual(2, source.Calls);
        }

        [TestMethod]
        public void RightAnswerVerifies()
        {
            AccessChallenge challenge = new AccessChallenge(new CountingChallengeSource(0xA0));
            challenge.Next();
            Assert.IsTrue(Verify(challenge, TestSupport.Hex(CardKeyHex), TestSupport.Hex(ResponseToA0Hex)), "the card's answer");
        }

        [TestMethod]
        public void AnswerWithAnyBitWrongFails()
        {
            AccessChallenge challenge = new AccessChallenge(new CountingChallengeSource(0xA0));
            byte[] answer = TestSupport.Hex(ResponseToA0Hex);
            for (int bit = 0; bit < 8 * AccessResponse.Length; bit++)
            {
                challenge.Next();
                answer[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.IsFalse(Verify(challenge, TestSupport.Hex(CardKeyHex), answer), "bit " + bit.ToString());
                answer[bit / 8] ^= (byte)(1 << (bit % 8));
            }
        }

        [TestMethod]
        public void AnswerUnderAnotherKeyOrForAnotherCardFails()
        {
            AccessChallenge challenge = new AccessChallenge(new CountingChallengeSource(0xA0));
            challenge.Next();
            byte[] cloneKey = TestSupport.Hex(CardKeyHex);
            cloneKey[31] ^= 0x80;
            byte[] cloneAnswer = new byte[AccessResponse.Length];
            new AccessResponse().Compute(cloneKey, 0, cloneKey.Length, challenge.Challenge, 0, AccessChallenge.ChallengeLength, TestSupport.Hex(CardIdHex), 0, 7, cloneAnswer, 0);
            Assert.IsFalse(Verify(challenge, TestSupport.Hex(CardKeyHex), cloneAnswer), "wrong key");

            challenge.Next();
            byte[] otherId = TestSupport.Hex("04 A1 B2 C3 D4 E5");
            Assert.IsFalse(challenge.Verify(TestSupport.Hex(CardKeyHex), 0, 32, otherId, 0, otherId.Length, TestSupport.Hex(ResponseToA0Hex), 0, AccessResponse.Length), "other card id");
        }

        [TestMethod]
        public void AChallengeIsGoodForOneCheckOnly()
        {
            AccessChallenge challenge = new AccessChallenge(new CountingChallengeSource(0xA0));
            byte[] answer = TestSupport.Hex(ResponseToA0Hex);
            Assert.IsFalse(Verify(challenge, TestSupport.Hex(CardKeyHex), answer), "before any challenge");
            challenge.Next();
            Assert.IsTrue(Verify(challenge, TestSupport.Hex(CardKeyHex), answer), "first check");
            Assert.IsFalse(Verify(challenge, TestSupport.Hex(CardKeyHex), answer), "replayed");
        }

        [TestMethod]
        public void AnswerOfTheWrongLengthFails()
        {
            AccessChallenge challenge = new AccessChallenge(new CountingChallengeSource(0xA0));
            challenge.Next();
            byte[] answer = TestSupport.Hex(ResponseToA0Hex);
            Assert.IsFalse(challenge.Verify(TestSupport.Hex(CardKeyHex), 0, 32, TestSupport.Hex(CardIdHex), 0, 7, answer, 0, AccessResponse.Length - 1), "short");
        }

        [TestMethod]
        public void ConstantTimeCompareSeesEveryByte()
        {
            byte[] a = SecurityTestData.Counting(0, 16);
            byte[] b = SecurityTestData.Counting(0, 18);
            Assert.IsTrue(ConstantTime.AreEqual(a, 0, b, 0, 16), "equal");
            Assert.IsTrue(ConstantTime.AreEqual(a, 4, b, 4, 0), "empty");
            b[15] = 0xFF;
            Assert.IsFalse(ConstantTime.AreEqual(a, 0, b, 0, 16), "last byte differs");
            Assert.IsTrue(ConstantTime.AreEqual(a, 0, b, 0, 15), "prefix");
        }

        private static bool Verify(AccessChallenge challenge, byte[] cardKey, byte[] answer)
        {
            byte[] cardId = TestSupport.Hex(CardIdHex);
            return challenge.Verify(cardKey, 0, cardKey.Length, cardId, 0, cardId.Length, answer, 0, answer.Length);
        }

        private static byte[] DeriveKey(byte[] siteKey, byte[] cardId)
        {
            byte[] key = new byte[CardKeyDerivation.KeyLength];
            new CardKeyDerivation().Derive(siteKey, 0, siteKey.Length, cardId, 0, cardId.Length, key, 0);
            return key;
        }

        /// <summary>The site key of the vectors: 40 41 … 5F.</summary>
        private static byte[] SiteKey()
        {
            return SecurityTestData.Counting(0x40, 32);
        }
    }
}
