#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Reader
{
    /// <summary>Decoding InListPassiveTarget 106 kbps type A target data (iso7816-pn532.md §3.3) and what the reader derives from it.</summary>
    [TestClass]
    public class Pn532ReaderTargetTests
    {
        static Pn532ReaderTarget Decode(string hex, bool expected)
        {
            byte[] data = TestSupport.Hex("AA " + hex + " BB");
            Pn532ReaderTarget target = new Pn532ReaderTarget();
            Assert.AreEqual(expected, target.Decode106A(data, 1, data.Length - 2), "decode " + hex);
            return target;
        }

        static string PseudoAtrOf(Pn532ReaderTarget target)
        {
            byte[] atr = new byte[PseudoAtr.MaxLength];
            return TestSupport.ToHex(atr, 0, target.BuildPseudoAtr(atr, 0));
        }

        [TestMethod]
        public void AcsExampleMifare4K()
        {
            // ACR122U manual: D5 4B 01 01 00 02 18 04 F6 8E 2A 99.
            Pn532ReaderTarget target = Decode("01 01 00 02 18 04 F6 8E 2A 99", true);
            Assert.AreEqual(1, target.TargetNumber);
            Assert.AreEqual(0x0002, target.SensRes);
            Assert.AreEqual(0x18, target.SelRes);
            Assert.IsFalse(target.IsIso14443_4, "SAK 18 is a storage card");
            byte[] uid = new byte[Pn532ReaderTarget.MaxUidLength];
            Assert.AreEqual(4, target.CopyUid(uid, 0));
            Assert.AreEqual("F6 8E 2A 99", TestSupport.ToHex(uid, 0, 4));
            Assert.AreEqual(-1, target.CopyHistoricalBytes(uid, 0));
            Assert.AreEqual("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 02 00 00 00 00 69", PseudoAtrOf(target));
        }

        [TestMethod]
        public void IsoCardWithSevenByteUidAndAts()
        {
            Pn532ReaderTarget target = Decode("01 01 03 44 20 07 04 11 22 33 44 55 66 06 75 77 81 02 80", true);
            Assert.IsTrue(target.IsIso14443_4, "SAK 20");
            Assert.AreEqual(7, target.UidLength);
            Assert.AreEqual(6, target.AtsLength);
            byte[] historical = new byte[8];
            Assert.AreEqual(1, target.CopyHistoricalBytes(historical, 2));
            Assert.AreEqual(0x80, (int)historical[2]);
            Assert.AreEqual("3B 81 80 01 80 80", PseudoAtrOf(target));
        }

        [TestMethod]
        public void UltralightPseudoAtr()
        {
            Pn532ReaderTarget target = Decode("01 01 00 44 00 07 04 A1 B2 C3 D4 E5 F6", true);
            Assert.AreEqual("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68", PseudoAtrOf(target));
        }

        [TestMethod]
        public void NoTargetOrInconsistentData()
        {
            Decode("00", false);
            Decode("01 01 00 04 08 05 01 02 03 04 05", false);
            Decode("01 01 00 04 08 04 01 02 03", false);
            Decode("01 01 00 04 20 04 01 02 03 04 06 75 77", false);
            Decode("01 01 00 04 20 04 01 02 03 04 00", false);
            Pn532ReaderTarget target = Decode("01 01 00 04 08 04 01 02 03", false);
            Assert.AreEqual(0, target.UidLength);
        }

        [TestMethod]
        public void SameUidComparesTheNfcid1()
        {
            Pn532ReaderTarget first = Decode("01 01 00 04 08 04 01 02 03 04", true);
            Pn532ReaderTarget same = Decode("01 02 00 04 08 04 01 02 03 04", true);
            Pn532ReaderTarget other = Decode("01 01 00 04 08 04 01 02 03 05", true);
            Pn532ReaderTarget longer = Decode("01 01 00 44 00 07 01 02 03 04 05 06 07", true);
            Assert.IsTrue(first.SameUid(same), "same NFCID1");
            Assert.IsFalse(first.SameUid(other), "different NFCID1");
            Assert.IsFalse(first.SameUid(longer), "different length");
        }
    }
}
