#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Firmware.DoorAccess;

namespace EmbeddedSmartCard.Tests.DoorAccess
{
    /// <summary>Card kinds from ATRs: contact ATRs, and the PC/SC Part 3 pseudo-ATRs of contactless cards
    /// (examples of reference iso7816-pn532.md §4.5.1).</summary>
    [TestClass]
    public class CardIdentificationTests
    {
        [TestMethod]
        public void ContactAtrs()
        {
            Assert.AreEqual((int)CardKind.Contact, Kind("3B 95 13 81 01 80 73 FF 01 00 0B"), "T=0/T=1 card");
            Assert.AreEqual((int)CardKind.Contact, Kind("3B 02 14 50"), "short ATR");
            Assert.AreEqual((int)CardKind.Contact, Kind(""), "no ATR");
        }

        [TestMethod]
        public void Iso14443_4PseudoAtrs()
        {
            Assert.AreEqual((int)CardKind.ContactlessSmartCard, Kind("3B 86 80 01 06 75 77 81 02 80 00"), "DESFire");
            Assert.AreEqual((int)CardKind.ContactlessSmartCard, Kind("3B 80 80 01 01"), "no historical bytes");
        }

        [TestMethod]
        public void StorageCardPseudoAtrs()
        {
            Assert.AreEqual((int)CardKind.MifareClassic, Kind("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A"), "1K");
            Assert.AreEqual((int)CardKind.MifareClassic, Kind("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 02 00 00 00 00 69"), "4K");
            Assert.AreEqual((int)CardKind.MifareClassic, Kind("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 26 00 00 00 00 4D"), "Mini");
            Assert.AreEqual((int)CardKind.OtherStorageCard, Kind("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68"), "Ultralight");
        }

        [TestMethod]
        public void APseudoAtrPrefixOfTheWrongLengthIsAContactAtr()
        {
            Assert.AreEqual((int)CardKind.Contact, Kind("3B 86 80 01 06 75 77"), "cut short");
        }

        private static int Kind(string atrHex)
        {
            byte[] atr = TestSupport.Hex(atrHex);
            return (int)CardIdentification.FromAtr(atr, 0, atr.Length);
        }
    }
}
