using System;
using System.Security.Cryptography;
using System.Text;
using EmbeddedSmartCard.Firmware.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// The portable crypto of firmware/Security against .NET's own SHA-256 and HMAC-SHA-256 on seeded random
    /// inputs of every length around the block boundaries, and the derivation and response formulas computed
    /// independently here.
    /// </summary>
    [TestClass]
    public class SecurityCrossCheckTests
    {
        private const int Seed = 7816;
        private const int MaxMessageLength = 300;
        private const int MaxKeyLength = 200;

        [TestMethod]
        public void Sha256MatchesDotNetForEveryLengthUpTo300()
        {
            Random random = new Random(Seed);
            Sha256 sha = new Sha256();
            byte[] digest = new byte[Sha256.HashLength];
            for (int length = 0; length <= MaxMessageLength; length++)
            {
                byte[] message = RandomBytes(random, length);
                int split = random.Next(length + 1);
                sha.Update(message, 0, split);
                sha.Update(message, split, length - split);
                sha.Finish(digest, 0);
                CollectionAssert.AreEqual(SHA256.HashData(message), digest, "length " + length);
            }
        }

        [TestMethod]
        public void HmacSha256MatchesDotNetForEveryKeyLengthUpTo200()
        {
            Random random = new Random(Seed + 1);
            HmacSha256 hmac = new HmacSha256();
            byte[] mac = new byte[HmacSha256.MacLength];
            for (int keyLength = 0; keyLength <= MaxKeyLength; keyLength++)
            {
                byte[] key = RandomBytes(random, keyLength);
                byte[] text = RandomBytes(random, random.Next(MaxMessageLength));
                hmac.Start(key, 0, key.Length);
                hmac.Update(text, 0, text.Length);
                hmac.Finish(mac, 0);
                CollectionAssert.AreEqual(HMACSHA256.HashData(key, text), mac, "key length " + keyLength);
            }
        }

        [TestMethod]
        public void CardKeyIsHmacOfLabelZeroAndCardIdUnderTheSiteKey()
        {
            Random random = new Random(Seed + 2);
            CardKeyDerivation derivation = new CardKeyDerivation();
            byte[] key = new byte[CardKeyDerivation.KeyLength];
            for (int idLength = 0; idLength <= 16; idLength++)
            {
                byte[] siteKey = RandomBytes(random, 32);
                byte[] cardId = RandomBytes(random, idLength);
                derivation.Derive(siteKey, 0, siteKey.Length, cardId, 0, cardId.Length, key, 0);
                byte[] input = Concat(Encoding.ASCII.GetBytes(CardKeyDerivation.LabelText), new byte[] { 0x00 }, cardId);
                CollectionAssert.AreEqual(HMACSHA256.HashData(siteKey, input), key, "card id length " + idLength);
            }
        }

        [TestMethod]
        public void AccessResponseIsTheFirst16BytesOfHmacOfChallengeAndCardId()
        {
            Random random = new Random(Seed + 3);
            AccessResponse access = new AccessResponse();
            byte[] response = new byte[AccessResponse.Length];
            for (int round = 0; round < 20; round++)
            {
                byte[] cardKey = RandomBytes(random, CardKeyDerivation.KeyLength);
                byte[] challenge = RandomBytes(random, AccessChallenge.ChallengeLength);
                byte[] cardId = RandomBytes(random, 4 + round % 7);
                access.Compute(cardKey, 0, cardKey.Length, challenge, 0, challenge.Length, cardId, 0, cardId.Length, response, 0);
                byte[] expected = new byte[AccessResponse.Length];
                Array.Copy(HMACSHA256.HashData(cardKey, Concat(challenge, cardId)), expected, expected.Length);
                CollectionAssert.AreEqual(expected, response, "round " + round);
            }
        }

        private static byte[] RandomBytes(Random random, int length)
        {
            byte[] bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }

        private static byte[] Concat(params byte[][] parts)
        {
            int length = 0;
            foreach (byte[] part in parts)
            {
                length += part.Length;
            }

            byte[] all = new byte[length];
            int at = 0;
            foreach (byte[] part in parts)
            {
                Array.Copy(part, 0, all, at, part.Length);
                at += part.Length;
            }

            return all;
        }
    }
}
