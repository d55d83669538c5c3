#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Firmware.Security;

namespace EmbeddedSmartCard.Tests.Security
{
    /// <summary>SHA-256 against the FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf").</summary>
    [TestClass]
    public class Sha256Tests
    {
        private const string Abc448Bits = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        private const string Abc896Bits = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

        [TestMethod]
        public void EmptyMessage()
        {
            Assert.AreEqual("E3 B0 C4 42 98 FC 1C 14 9A FB F4 C8 99 6F B9 24 27 AE 41 E4 64 9B 93 4C A4 95 99 1B 78 52 B8 55", Digest(new byte[0]));
        }

        [TestMethod]
        public void OneBlockMessageAbc()
        {
            Assert.AreEqual("BA 78 16 BF 8F 01 CF EA 41 41 40 DE 5D AE 22 23 B0 03 61 A3 96 17 7A 9C B4 10 FF 61 F2 00 15 AD", Digest(SecurityTestData.Ascii("abc")));
        }

        [TestMethod]
        public void TwoBlockMessage448Bits()
        {
            Assert.AreEqual("24 8D 6A 61 D2 06 38 B8 E5 C0 26 93 0C 3E 60 39 A3 3C E4 59 64 FF 21 67 F6 EC ED D4 19 DB 06 C1", Digest(SecurityTestData.Ascii(Abc448Bits)));
        }

        [TestMethod]
        public void Message896Bits()
        {
            Assert.AreEqual("CF 5B 16 A7 78 AF 83 80 03 6C E5 9E 7B 04 92 37 0B 24 9B 11 E8 F0 7A 51 AF AC 45 03 7A FE E9 D1", Digest(SecurityTestData.Ascii(Abc896Bits)));
        }

        [TestMethod]
        public void OneMillionA()
        {
            Sha256 sha = new Sha256();
            byte[] chunk = SecurityTestData.Repeat((byte)'a', 1000);
            for (int i = 0; i < 1000; i++)
            {
                sha.Update(chunk, 0, chunk.Length);
            }

            byte[] digest = new byte[Sha256.HashLength];
            sha.Finish(digest, 0);
            Assert.AreEqual("CD C7 6E 5C 99 14 FB 92 81 A1 C7 E2 84 D7 3E 67 F1 80 9A 48 A4 97 20 0E 04 6D 39 CC C7 11 2C D0", TestSupport.ToHex(digest));
        }

        [TestMethod]
        public void PiecesOfEveryLengthGiveTheSameDigestAsOneUpdate()
        {
            byte[] message = SecurityTestData.Ascii(Abc896Bits);
            string whole = Digest(message);
            Sha256 sha = new Sha256();
            byte[] digest = new byte[Sha256.HashLength];
            for (int split = 0; split <= message.Length; split++)
            {
                sha.Update(message, 0, split);
                sha.Update(message, split, message.Length - split);
                sha.Finish(digest, 0);
                Assert.AreEqual(whole, TestSupport.ToHex(digest), "split at " + split.ToString());
            }
        }

        [TestMethod]
        public void PaddingBoundariesAroundTheLengthField()
        {
            // Digests computed with Python hashlib. 55 bytes pad into one block, 56..63 need a second one, 64 fills a block exactly (FIPS 180-4 §5.1.1).
            Assert.AreEqual("9F 43 90 F8 D3 0C 2D D9 2E C9 F0 95 B6 5E 2B 9A E9 B0 A9 25 A5 25 8E 24 1C 9F 1E 91 0F 73 43 18", Digest(SecurityTestData.Repeat((byte)'a', 55)));
            Assert.AreEqual("B3 54 39 A4 AC 6F 09 48 B6 D6 F9 E3 C6 AF 0F 5F 59 0C E2 0F 1B DE 70 90 EF 79 70 68 6E C6 73 8A", Digest(SecurityTestData.Repeat((byte)'a', 56)));
            Assert.AreEqual("FF E0 54 FE 7A E0 CB 6D C6 5C 3A F9 B6 1D 52 09 F4 39 85 1D B4 3D 0B A5 99 73 37 DF 15 46 68 EB", Digest(SecurityTestData.Repeat((byte)'a', 64)));
        }

        [TestMethod]
        public void FinishWritesAtTheOffsetAndStartsANewMessage()
        {
            Sha256 sha = new Sha256();
            byte[] abc = SecurityTestData.Ascii("abc");
            byte[] output = new byte[Sha256.HashLength + 3];
            sha.Update(SecurityTestData.Ascii("something else"), 0, 14);
            sha.Finish(output, 0);
            sha.Update(abc, 0, abc.Length);
            sha.Finish(output, 3);
            Assert.AreEqual(Digest(abc), TestSupport.ToHex(output, 3, Sha256.HashLength));
        }

        private static string Digest(byte[] message)
        {
            Sha256 sha = new Sha256();
            sha.Update(message, 0, message.Length);
            byte[] digest = new byte[Sha256.HashLength];
            sha.Finish(digest, 0);
            return TestSupport.ToHex(digest);
        }
    }
}
