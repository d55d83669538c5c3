#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Firmware.Security;

namespace EmbeddedSmartCard.Tests.Security
{
    /// <summary>HMAC-SHA-256 against the test cases of RFC 4231 §4.2-§4.8.</summary>
    [TestClass]
    public class HmacSha256Tests
    {
        private const string LargeKeyText = "Test Using Larger Than Block-Size Key - Hash Key First";
        private const string LargeKeyAndDataText = "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.";

        [TestMethod]
        public void Rfc4231TestCase1()
        {
            Assert.AreEqual("B0 34 4C 61 D8 DB 38 53 5C A8 AF CE AF 0B F1 2B 88 1D C2 00 C9 83 3D A7 26 E9 37 6C 2E 32 CF F7",
                Mac(SecurityTestData.Repeat(0x0B, 20), SecurityTestData.Ascii("Hi There")));
        }

        [TestMethod]
        public void Rfc4231TestCase2KeyShorterThanTheOutput()
        {
            Assert.AreEqual("5B DC C1 46 BF 60 75 4E 6A 04 24 26 08 95 75 C7 5A 00 3F 08 9D 27 39 83 9D EC 58 B9 64 EC 38 43",
                Mac(SecurityTestData.Ascii("Jefe"), SecurityTestData.Ascii("what do ya want for nothing?")));
        }

        [TestMethod]
        public void Rfc4231TestCase3()
        {
            Assert.AreEqual("77 3E A9 1E 36 80 0E 46 85 4D B8 EB D0 91 81 A7 29 59 09 8B 3E F8 C1 22 D9 63 55 14 CE D5 65 FE",
                Mac(SecurityTestData.Repeat(0xAA, 20), SecurityTestData.Repeat(0xDD, 50)));
        }

        [TestMethod]
        public void Rfc4231TestCase4()
        {
            Assert.AreEqual("82 55 8A 38 9A 44 3C 0E A4 CC 81 98 99 F2 08 3A 85 F0 FA A3 E5 78 F8 07 7A 2E 3F F4 67 29 66 5B",
                Mac(SecurityTestData.Counting(0x01, 25), SecurityTestData.Repeat(0xCD, 50)));
        }

        [TestMethod]
        public void Rfc4231TestCase5TruncatedTo128Bits()
        {
            string mac = Mac(SecurityTestData.Repeat(0x0C, 20), SecurityTestData.Ascii("Test With Truncation"));
            Assert.AreEqual("A3 B6 16 74 73 10 0E E0 6E 0C 79 6C 29 55 55 2B", mac.Substring(0, (3 * 16) - 1));
        }

        [TestMethod]
        public void Rfc4231TestCase6KeyLongerThanABlockIsHashedFirst()
        {
            Assert.AreEqual("60 E4 31 59 1E E0 B6 7F 0D 8A 26 AA CB F5 B7 7F 8E 0B C6 21 37 28 C5 14 05 46 04 0F 0E E3 7F 54",
                Mac(SecurityTestData.Repeat(0xAA, 131), SecurityTestData.Ascii(LargeKeyText)));
        }

        [TestMethod]
        public void Rfc4231TestCase7LargeKeyAndData()
        {
            Assert.AreEqual("9B 09 FF A7 1B 94 2F CB 27 63 5F BC D5 B0 E9 44 BF DC 63 64 4F 07 13 93 8A 7F 51 53 5C 3A 35 E2",
                Mac(SecurityTestData.Repeat(0xAA, 131), SecurityTestData.Ascii(LargeKeyAndDataText)));
        }

        [TestMethod]
        public void OneInstanceComputesSuccessiveMacsAndTextInPieces()
        {
            HmacSha256 hmac = new HmacSha256();
            byte[] mac = new byte[HmacSha256.MacLength];
            byte[] key = SecurityTestData.Repeat(0xAA, 131);
            byte[] text = SecurityTestData.Ascii(LargeKeyAndDataText);
            hmac.Start(key, 0, key.Length);
            hmac.Update(text, 0, 70);
            hmac.Update(text, 70, text.Length - 70);
            hmac.Finish(mac, 0);
            Assert.AreEqual(Mac(key, text), TestSupport.ToHex(mac));

            byte[] jefe = SecurityTestData.Ascii("xxJefe");
            byte[] question = SecurityTestData.Ascii("what do ya want for nothing?");
            hmac.Start(jefe, 2, 4);
            hmac.Update(question, 0, question.Length);
            hmac.Finish(mac, 0);
            Assert.AreEqual("5B DC C1 46 BF 60 75 4E 6A 04 24 26 08 95 75 C7 5A 00 3F 08 9D 27 39 83 9D EC 58 B9 64 EC 38 43", TestSupport.ToHex(mac));
        }

        private static string Mac(byte[] key, byte[] text)
        {
            HmacSha256 hmac = new HmacSha256();
            hmac.Start(key, 0, key.Length);
            hmac.Update(text, 0, text.Length);
            byte[] mac = new byte[HmacSha256.MacLength];
            hmac.Finish(mac, 0);
            return TestSupport.ToHex(mac);
        }
    }
}
