#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Reader
{
    /// <summary>GET DATA and the generic checks of the pseudo-APDU interpreter (iso7816-pn532.md §4.5.2).</summary>
    [TestClass]
    public class PseudoApduGetDataTests
    {
        internal static string Run(PseudoApdu interpreter, FakePseudoApduTarget target, string command)
        {
            byte[] apdu = TestSupport.Hex(command);
            byte[] response = new byte[64];
            int length;
            SmartcardStatus status = interpreter.Process(target, apdu, 0, apdu.Length, response, 3, 40, out length);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)status, "Process status for " + command);
            return TestSupport.ToHex(response, 3, length);
        }

        static string Run(FakePseudoApduTarget target, string command)
        {
            return Run(new PseudoApdu(), target, command);
        }

        [TestMethod]
        public void UidWithLeZeroReturnsTheWholeUid()
        {
            Assert.AreEqual("04 F6 8E 2A 90 00", Run(new FakePseudoApduTarget(), "FF CA 00 00 00"));
        }

        [TestMethod]
        public void SevenByteUidWithExactLe()
        {
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            target.Uid = TestSupport.Hex("04 11 22 33 44 55 66");
            Assert.AreEqual("04 11 22 33 44 55 66 90 00", Run(target, "FF CA 00 00 07"));
        }

        [TestMethod]
        public void LeShorterThanUidAsksForTheExactLength()
        {
            Assert.AreEqual("6C 04", Run(new FakePseudoApduTarget(), "FF CA 00 00 02"));
        }

        [TestMethod]
        public void LeLongerThanUidWarnsEndOfData()
        {
            Assert.AreEqual("04 F6 8E 2A 62 82", Run(new FakePseudoApduTarget(), "FF CA 00 00 0A"));
        }

        [TestMethod]
        public void AtsHistoricalBytesOfAnIsoCard()
        {
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            target.Historical = TestSupport.Hex("80 31 80");
            Assert.AreEqual("80 31 80 90 00", Run(target, "FF CA 01 00 00"));
        }

        [TestMethod]
        public void AtsOfAStorageCardIsNotSupported()
        {
            Assert.AreEqual("6A 81", Run(new FakePseudoApduTarget(), "FF CA 01 00 00"));
        }

        [TestMethod]
        public void UnknownGetDataObjectIsNotSupported()
        {
            Assert.AreEqual("6A 81", Run(new FakePseudoApduTarget(), "FF CA 02 00 00"));
        }

        [TestMethod]
        public void GetDataWithP2IsWrongP1P2()
        {
            Assert.AreEqual("6B 00", Run(new FakePseudoApduTarget(), "FF CA 00 01 00"));
        }

        [TestMethod]
        public void GetDataWithoutLeIsWrongLength()
        {
            Assert.AreEqual("67 00", Run(new FakePseudoApduTarget(), "FF CA 00 00"));
        }

        [TestMethod]
        public void ShortCommandIsWrongLength()
        {
            Assert.AreEqual("67 00", Run(new FakePseudoApduTarget(), "FF CA 00"));
        }

        [TestMethod]
        public void UnknownInstructionIsNotSupported()
        {
            Assert.AreEqual("6D 00", Run(new FakePseudoApduTarget(), "FF 00 00 00 00"));
        }

        [TestMethod]
        public void CardClassIsNotAPseudoApdu()
        {
            byte[] select = TestSupport.Hex("00 A4 04 00 00");
            Assert.IsFalse(PseudoApdu.IsPseudoApdu(select, 0, select.Length), "CLA 00 goes to the card");
            byte[] getUid = TestSupport.Hex("FF CA 00 00 00");
            Assert.IsTrue(PseudoApdu.IsPseudoApdu(getUid, 0, getUid.Length), "CLA FF is for the reader");
            Assert.AreEqual("6E 00", Run(new FakePseudoApduTarget(), "00 A4 04 00 00"));
        }

        [TestMethod]
        public void ResponseBufferTooSmallIsReportedNotTruncated()
        {
            byte[] apdu = TestSupport.Hex("FF CA 00 00 00");
            byte[] response = new byte[5];
            int length;
            SmartcardStatus status = new PseudoApdu().Process(new FakePseudoApduTarget(), apdu, 0, apdu.Length, response, 0, response.Length, out length);
            Assert.AreEqual((int)SmartcardStatus.BufferTooSmall, (int)status);
            Assert.AreEqual(0, length);
        }
    }
}
