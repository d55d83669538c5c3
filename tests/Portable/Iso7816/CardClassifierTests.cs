#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Tests.Iso7816
{
    /// <summary>Card types from ATRs: contact ATRs with and without the connection's protocol, and the PC/SC
    /// Part 3 pseudo-ATRs of contactless cards (examples of reference iso7816-pn532.md §4.5.1).</summary>
    [TestClass]
    public class CardClassifierTests
    {
        private const string ContactAtr = "3B 95 13 81 01 80 73 FF 01 00 0B";

        [TestMethod]
        public void ContactAtrs()
        {
            Assert.AreEqual((int)CardType.Contact, Type(ContactAtr, Protocols.Undefined), "before connecting");
            Assert.AreEqual((int)CardType.ContactT0, Type(ContactAtr, Protocols.T0), "connected T=0");
            Assert.AreEqual((int)CardType.ContactT1, Type(ContactAtr, Protocols.T1), "connected T=1");
            Assert.AreEqual((int)CardType.Unknown, Type(ContactAtr, Protocols.Raw), "raw");
            Assert.AreEqual((int)CardType.Contact, Type("3B 02 14 50", Protocols.Undefined), "short ATR");
            Assert.AreEqual((int)CardType.Unknown, Type("", Protocols.Undefined), "no ATR");
        }

        [TestMethod]
        public void ARangeOutsideTheBufferIsUnknown()
        {
            byte[] atr = TestSupport.Hex(ContactAtr);
            Assert.AreEqual((int)CardType.Unknown, (int)CardClassifier.Classify(null, 0, 4, Protocols.T1), "no buffer");
            Assert.AreEqual((int)CardType.Unknown, (int)CardClassifier.Classify(atr, 2, atr.Length, Protocols.T1), "past the end");
            Assert.AreEqual((int)CardType.Unknown, (int)CardClassifier.Classify(atr, -1, 4, Protocols.T1), "negative offset");
        }

        [TestMethod]
        public void Iso14443_4PseudoAtrs()
        {
            Assert.AreEqual((int)CardType.Iso14443_4A, Type("3B 86 80 01 06 75 77 81 02 80 00", Protocols.T1), "DESFire");
            Assert.AreEqual((int)CardType.Iso14443_4A, Type("3B 80 80 01 01", Protocols.T1), "no historical bytes");
            Assert.AreEqual((int)CardType.Iso14443_4B, Type("3B 88 80 01 00 00 00 00 33 81 81 00 3A", Protocols.T1), "ATQB application data, protocol info, MBLI");
        }

        [TestMethod]
        public void StorageCardPseudoAtrs()
        {
            Assert.AreEqual((int)CardType.MifareClassic1K, Type("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A", Protocols.T1), "1K");
            Assert.AreEqual((int)CardType.MifareClassic4K, Type("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 02 00 00 00 00 69", Protocols.T1), "4K");
            Assert.AreEqual((int)CardType.MifareMini, Type("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 26 00 00 00 00 4D", Protocols.T1), "Mini");
            Assert.AreEqual((int)CardType.MifareUltralight, Type("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68", Protocols.T1), "Ultralight");
            Assert.AreEqual((int)CardType.OtherStorageCard, Type("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 3A 00 00 00 00 51", Protocols.T1), "another card name");
        }

        [TestMethod]
        public void TheStorageCardNamesThePn532DriverWritesAreReadBack()
        {
            Assert.AreEqual((int)CardType.MifareClassic1K, TypeWrittenFor(PseudoAtr.SakClassic1K), "1K");
            Assert.AreEqual((int)CardType.MifareClassic4K, TypeWrittenFor(PseudoAtr.SakClassic4K), "4K");
            Assert.AreEqual((int)CardType.MifareMini, TypeWrittenFor(PseudoAtr.SakMini), "Mini");
            Assert.AreEqual((int)CardType.MifareUltralight, TypeWrittenFor(PseudoAtr.SakUltralight), "Ultralight");
            Assert.AreEqual((int)CardType.OtherStorageCard, TypeWrittenFor(0x88), "a SAK without a PC/SC card name");
        }

        [TestMethod]
        public void APseudoAtrPrefixOfTheWrongLengthIsAContactAtr()
        {
            Assert.AreEqual((int)CardType.Contact, Type("3B 86 80 01 06 75 77", Protocols.Undefined), "cut short");
        }

        [TestMethod]
        public void FamiliesForTheDoor()
        {
            Assert.IsTrue(CardClassifier.IsMifareClassic(CardType.MifareMini), "Mini is a Classic");
            Assert.IsFalse(CardClassifier.IsMifareClassic(CardType.MifareUltralight), "Ultralight is not");
            Assert.IsTrue(CardClassifier.IsStorageCard(CardType.MifareUltralight), "Ultralight is a storage card");
            Assert.IsFalse(CardClassifier.IsStorageCard(CardType.Iso14443_4B), "type B speaks ISO 7816-4");
            Assert.IsTrue(CardClassifier.IsContactless(CardType.OtherStorageCard), "storage cards are contactless");
            Assert.IsFalse(CardClassifier.IsContactless(CardType.Contact), "contact");
            Assert.IsFalse(CardClassifier.IsContactless(CardType.Unknown), "unknown");
        }

        /// <summary>The type of the pseudo-ATR the PN532 driver builds for a type A target with <paramref name="selRes"/>.</summary>
        private static int TypeWrittenFor(int selRes)
        {
            byte[] atr = new byte[PseudoAtr.MaxLength];
            int length = PseudoAtr.BuildTypeA(selRes, null, 0, 0, atr, 0);
            return (int)CardClassifier.Classify(atr, 0, length, Protocols.T1);
        }

        private static int Type(string atrHex, int protocol)
        {
            byte[] atr = TestSupport.Hex(atrHex);
            return (int)CardClassifier.Classify(atr, 0, atr.Length, protocol);
        }
    }
}
