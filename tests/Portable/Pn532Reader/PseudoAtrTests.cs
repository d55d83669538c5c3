#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Reader
{
    /// <summary>PC/SC Part 3 pseudo-ATRs, byte for byte against the reference vectors (iso7816-pn532.md §4.5.1).</summary>
    [TestClass]
    public class PseudoAtrTests
    {
        const int NoAts = 0;

        static string TypeA(int selRes, string ats)
        {
            byte[] atsBytes = TestSupport.Hex(ats);
            byte[] atr = new byte[PseudoAtr.MaxLength + 2];
            int length = PseudoAtr.BuildTypeA(selRes, atsBytes, 0, atsBytes.Length, atr, 1);
            return TestSupport.ToHex(atr, 1, length);
        }

        static void AssertParsesAsValidT1(string hex)
        {
            byte[] bytes = TestSupport.Hex(hex);
            Atr atr = Atr.Parse(bytes, 0, bytes.Length);
            Assert.IsTrue(atr.IsValid, "the pseudo-ATR is a well-formed ISO 7816-3 ATR: " + hex);
            Assert.IsTrue(atr.TckValid, "TCK valid: " + hex);
            Assert.AreEqual(Protocols.T1, atr.OfferedProtocols & Protocols.T1, "T=1 offered: " + hex);
        }

        [TestMethod]
        public void HistoricalBytesAsInTheAcsDesfireExample()
        {
            byte[] historical = TestSupport.Hex("06 75 77 81 02 80");
            byte[] atr = new byte[PseudoAtr.MaxLength];
            int length = PseudoAtr.BuildIso14443_4(historical, 0, historical.Length, atr, 0);
            Assert.AreEqual("3B 86 80 01 06 75 77 81 02 80 00", TestSupport.ToHex(atr, 0, length));
            AssertParsesAsValidT1("3B 86 80 01 06 75 77 81 02 80 00");
        }

        [TestMethod]
        public void IsoCardTakesOnlyTheAtsHistoricalBytes()
        {
            // DESFire ATS: TL 06, T0 75 (TA, TB, TC present), TA 77, TB 81, TC 02, one historical byte 80.
            Assert.AreEqual("3B 81 80 01 80 80", TypeA(0x20, "06 75 77 81 02 80"));
            AssertParsesAsValidT1("3B 81 80 01 80 80");
        }

        [TestMethod]
        public void IsoCardWithoutHistoricalBytes()
        {
            Assert.AreEqual("3B 80 80 01 01", TypeA(0x20, "02 00"));
            Assert.AreEqual("3B 80 80 01 01", TypeA(0x20, ""));
            AssertParsesAsValidT1("3B 80 80 01 01");
        }

        [TestMethod]
        public void AtsWithoutInterfaceBytes()
        {
            // T0 = 0x08: no TA/TB/TC, FSCI 8; the historical bytes follow T0 directly.
            Assert.AreEqual("3B 83 80 01 80 31 80 33", TypeA(0x28, "05 08 80 31 80"));
        }

        [TestMethod]
        public void AtsClaimingMoreInterfaceBytesThanItHasGivesNoHistoricalBytes()
        {
            Assert.AreEqual("3B 80 80 01 01", TypeA(0x20, "03 70 77"));
        }

        [TestMethod]
        public void AtsLongerThanTlIsCutAtTl()
        {
            Assert.AreEqual("3B 81 80 01 80 80", TypeA(0x20, "03 00 80 AA BB"));
        }

        [TestMethod]
        public void MoreThanFifteenHistoricalBytesAreCut()
        {
            byte[] historical = TestSupport.Hex("01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 11");
            byte[] atr = new byte[PseudoAtr.MaxLength];
            int length = PseudoAtr.BuildIso14443_4(historical, 0, historical.Length, atr, 0);
            Assert.AreEqual(PseudoAtr.MaxLength, length);
            Assert.AreEqual("3B 8F 80 01 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F", TestSupport.ToHex(atr, 0, length - 1));
            AssertParsesAsValidT1(TestSupport.ToHex(atr, 0, length));
        }

        [TestMethod]
        public void MifareClassic1K()
        {
            string expected = "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A";
            Assert.AreEqual(expected, TypeA(0x08, ""));
            AssertParsesAsValidT1(expected);
        }

        [TestMethod]
        public void MifareClassic4K()
        {
            Assert.AreEqual("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 02 00 00 00 00 69", TypeA(0x18, ""));
        }

        [TestMethod]
        public void MifareUltralight()
        {
            Assert.AreEqual("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68", TypeA(0x00, ""));
        }

        [TestMethod]
        public void MifareMini()
        {
            Assert.AreEqual("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 26 00 00 00 00 4D", TypeA(0x09, ""));
        }

        [TestMethod]
        public void UnknownStorageTagIsNamedFfSak()
        {
            Assert.AreEqual(0xFF88, PseudoAtr.StorageCardName(0x88));
            Assert.AreEqual("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 FF 88 00 00 00 00 1C", TypeA(0x88, ""));
        }
    }
}
