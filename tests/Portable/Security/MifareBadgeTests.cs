#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using EmbeddedSmartCard.Firmware.Security;

namespace EmbeddedSmartCard.Tests.Security
{
    /// <summary>
    /// The legacy MIFARE Classic badge layout: the sector key and the block pinned against values computed
    /// independently (Python's hmac over the documented inputs), and the block accepted only with the site key
    /// and the UID it was written for.
    /// </summary>
    [TestClass]
    public class MifareBadgeTests
    {
        private const string UidHex = "F6 8E 2A 99";
        private const string BadgeIdHex = "00 01 02 A0 B0 C1";

        /// <summary>HMAC-SHA-256(40..5F, KeyLabel || 00 || UID), first 6 bytes.</summary>
        private const string SectorKeyHex = "F4 0D F2 6E 48 73";

        /// <summary>The badge id, then HMAC-SHA-256(40..5F, MacLabel || 00 || UID || badge id), first 10 bytes.</summary>
        private const string BlockHex = "00 01 02 A0 B0 C1 DB B7 CA A8 14 0B 6B 43 19 E5";

        [TestMethod]
        public void SectorKeyIsTheTruncatedLabelledMacOfTheUid()
        {
            byte[] key = new byte[MifareBadge.SectorKeyLength];
            MifareBadge.DeriveSectorKey(SiteKey(), TestSupport.Hex(UidHex), key);
            Assert.AreEqual(SectorKeyHex, TestSupport.ToHex(key));
        }

        [TestMethod]
        public void SectorKeysDifferPerCard()
        {
            byte[] first = new byte[MifareBadge.SectorKeyLength];
            byte[] second = new byte[MifareBadge.SectorKeyLength];
            MifareBadge.DeriveSectorKey(SiteKey(), TestSupport.Hex(UidHex), first);
            MifareBadge.DeriveSectorKey(SiteKey(), TestSupport.Hex("F6 8E 2A 98"), second);
            Assert.IsFalse(TestSupport.ToHex(first) == TestSupport.ToHex(second), "another UID, another key");
        }

        [TestMethod]
        public void EncodedBlockIsTheBadgeIdAndItsMac()
        {
            Assert.AreEqual(BlockHex, TestSupport.ToHex(Encode(TestSupport.Hex(UidHex))));
        }

        [TestMethod]
        public void BlockVerifiesForItsCardAndGivesTheBadgeId()
        {
            byte[] framed = TestSupport.Hex("AA " + BlockHex + " 90 00");
            byte[] badgeId = new byte[MifareBadge.BadgeIdLength];
            Assert.IsTrue(MifareBadge.Verify(SiteKey(), TestSupport.Hex(UidHex), framed, 1, badgeId), "genuine badge");
            Assert.AreEqual(BadgeIdHex, TestSupport.ToHex(badgeId));
        }

        [TestMethod]
        public void BlockCopiedToAnotherUidFails()
        {
            byte[] badgeId = new byte[MifareBadge.BadgeIdLength];
            Assert.IsFalse(MifareBadge.Verify(SiteKey(), TestSupport.Hex("F6 8E 2A 98"), Encode(TestSupport.Hex(UidHex)), 0, badgeId));
            Assert.AreEqual("00 00 00 00 00 00", TestSupport.ToHex(badgeId), "nothing handed out");
        }

        [TestMethod]
        public void BlockOfAnotherSiteFails()
        {
            byte[] otherSite = SiteKey();
            otherSite[0] ^= 0x01;
            byte[] badgeId = new byte[MifareBadge.BadgeIdLength];
            Assert.IsFalse(MifareBadge.Verify(otherSite, TestSupport.Hex(UidHex), Encode(TestSupport.Hex(UidHex)), 0, badgeId));
        }

        [TestMethod]
        public void EveryChangedBitOfTheBlockFails()
        {
            byte[] badgeId = new byte[MifareBadge.BadgeIdLength];
            for (int bit = 0; bit < MifareBadge.BlockLength * 8; bit++)
            {
                byte[] block = Encode(TestSupport.Hex(UidHex));
                block[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.IsFalse(MifareBadge.Verify(SiteKey(), TestSupport.Hex(UidHex), block, 0, badgeId), "bit " + bit.ToString());
            }
        }

        [TestMethod]
        public void ShortBlockOrBadUidIsNotABadge()
        {
            byte[] badgeId = new byte[MifareBadge.BadgeIdLength];
            byte[] block = Encode(TestSupport.Hex(UidHex));
            Assert.IsFalse(MifareBadge.Verify(SiteKey(), TestSupport.Hex(UidHex), block, 1, badgeId), "block runs past the buffer");
            Assert.IsFalse(MifareBadge.Verify(SiteKey(), TestSupport.Hex(UidHex), block, -1, badgeId), "negative offset");
            Assert.IsFalse(MifareBadge.Verify(SiteKey(), TestSupport.Hex("04 A1 B2 C3 D4 E5 80"), block, 0, badgeId), "7-byte UID");
            Assert.IsFalse(MifareBadge.Verify(SiteKey(), null, block, 0, badgeId), "no UID");
            Assert.IsFalse(MifareBadge.Verify(SiteKey(), TestSupport.Hex(UidHex), null, 0, badgeId), "no block");
        }

        [TestMethod]
        public void WrongSizedBuffersAreArgumentErrors()
        {
            Assert.IsTrue(Rejects(delegate { MifareBadge.Encode(SiteKey(), TestSupport.Hex(UidHex), TestSupport.Hex("01 02"), new byte[16]); }), "short badge id");
            Assert.IsTrue(Rejects(delegate { MifareBadge.Encode(SiteKey(), TestSupport.Hex(UidHex), TestSupport.Hex(BadgeIdHex), new byte[15]); }), "short block");
            Assert.IsTrue(Rejects(delegate { MifareBadge.DeriveSectorKey(new byte[0], TestSupport.Hex(UidHex), new byte[6]); }), "empty site key");
            Assert.IsTrue(Rejects(delegate { MifareBadge.DeriveSectorKey(SiteKey(), TestSupport.Hex(UidHex), new byte[8]); }), "8-byte key buffer");
            Assert.IsTrue(Rejects(delegate { MifareBadge.Verify(SiteKey(), TestSupport.Hex(UidHex), new byte[16], 0, new byte[4]); }), "short badge id buffer");
        }

        private delegate void Call();

        private static bool Rejects(Call call)
        {
            try
            {
                call();
                return false;
            }
            catch (ArgumentException)
            {
                return true;
            }
        }

        private static byte[] Encode(byte[] uid)
        {
            byte[] block = new byte[MifareBadge.BlockLength];
            MifareBadge.Encode(SiteKey(), uid, TestSupport.Hex(BadgeIdHex), block);
            return block;
        }

        /// <summary>40 41 … 5F.</summary>
        private static byte[] SiteKey()
        {
            return SecurityTestData.Counting(0x40, 32);
        }
    }
}
