#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Presence
{
    /// <summary>
    /// InListPassiveTarget 106 kbps type B target data (UM0701-02 §7.3.5: Tg, ATQB, ATTRIB_RES length, ATTRIB_RES)
    /// and what the reader derives from it: PUPI, FWI, the PC/SC Part 3 pseudo-ATR (reference §4.5.1) and GET DATA.
    /// </summary>
    [TestClass]
    public class TypeBTargetTests
    {
        // NbTg 1, Tg 1, ATQB 50 | PUPI 1B 2C 3D 4E | AFI 00 CRC_B(AID) 12 34 apps 01 | protocol info 00 81 81, ATTRIB_RES 1 byte 10.
        const string DefaultCard = "01 01 50 1B 2C 3D 4E 00 12 34 01 00 81 81 01 10";

        static Pn532ReaderTarget Decode(string hex, bool expected)
        {
            byte[] data = TestSupport.Hex("AA " + hex + " BB");
            Pn532ReaderTarget target = new Pn532ReaderTarget();
            Assert.AreEqual(expected, target.Decode106B(data, 1, data.Length - 2), "decode " + hex);
            return target;
        }

        static string PseudoAtrOf(Pn532ReaderTarget target)
        {
            byte[] atr = new byte[PseudoAtr.MaxLength];
            return TestSupport.ToHex(atr, 0, target.BuildPseudoAtr(atr, 0));
        }

        [TestMethod]
        public void DecodesPupiAndAttribResponse()
        {
            Pn532ReaderTarget target = Decode(DefaultCard, true);
            Assert.IsTrue(target.IsTypeB, "type B");
            Assert.IsTrue(target.IsIso14443_4, "the PN532 lists type B after ATTRIB: ISO 14443-4");
            Assert.AreEqual(1, target.TargetNumber);
            byte[] buffer = new byte[16];
            Assert.AreEqual(4, target.CopyUid(buffer, 1));
            Assert.AreEqual("1B 2C 3D 4E", TestSupport.ToHex(buffer, 1, 4), "PUPI");
            Assert.AreEqual(1, target.CopyHistoricalBytes(buffer, 0));
            Assert.AreEqual("10", TestSupport.ToHex(buffer, 0, 1), "GET DATA P1 01: the ATTRIB answer");
        }

        [TestMethod]
        public void FrameWaitingIndexFromProtocolInfoByteThree()
        {
            Assert.AreEqual(8, Decode(DefaultCard, true).FrameWaitingIndex);
            Assert.AreEqual(14, Decode("01 01 50 1B 2C 3D 4E 00 12 34 01 00 81 E1 01 10", true).FrameWaitingIndex);
        }

        [TestMethod]
        public void PseudoAtrCarriesApplicationDataProtocolInfoAndMbli()
        {
            // 3B 88 80 01 | 00 12 34 01 | 00 81 81 | 10 (MBLI 1 << 4) | TCK 3E = XOR(88 .. 10).
            Assert.AreEqual("3B 88 80 01 00 12 34 01 00 81 81 10 3E", PseudoAtrOf(Decode(DefaultCard, true)));
        }

        [TestMethod]
        public void PseudoAtrKeepsMbliAndDropsTheCid()
        {
            // ATTRIB answer 71 (MBLI 7, CID 1) with a higher-layer byte 99: the ATR byte is 70 (ISO 14443-3 §7.11).
            Pn532ReaderTarget target = Decode("01 02 50 01 02 03 04 AA BB CC DD 11 22 33 02 71 99", true);
            Assert.AreEqual(2, target.TargetNumber);
            Assert.AreEqual("3B 88 80 01 AA BB CC DD 11 22 33 70 79", PseudoAtrOf(target));
            byte[] buffer = new byte[4];
            Assert.AreEqual(2, target.CopyHistoricalBytes(buffer, 0));
            Assert.AreEqual("71 99", TestSupport.ToHex(buffer, 0, 2));
        }

        [TestMethod]
        public void InconsistentAnswersAreNoTarget()
        {
            Decode("00", false);
            Decode("01 01 51 1B 2C 3D 4E 00 12 34 01 00 81 81 01 10", false);
            Decode("01 01 50 1B 2C 3D 4E 00 12 34 01 00 81 81 00", false);
            Decode("01 01 50 1B 2C 3D 4E 00 12 34 01 00 81 81 02 10", false);
            Decode("01 01 50 1B 2C 3D 4E 00 12 34", false);
        }

        [TestMethod]
        public void TypeAAndTypeBWithTheSameBytesAreDifferentCards()
        {
            Pn532ReaderTarget typeB = Decode(DefaultCard, true);
            Pn532ReaderTarget typeA = DecodedTargets.TypeA("01 01 00 04 08 04 1B 2C 3D 4E");
            Assert.IsFalse(typeA.SameUid(typeB), "A vs B");
            Assert.IsTrue(typeB.SameUid(Decode(DefaultCard, true)), "B again");
            Assert.IsFalse(typeA.IsTypeB, "a type A decode clears the kind");
        }
    }
}
