#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Tests.Pn532Reader;

namespace EmbeddedSmartCard.Tests.Pn532Presence
{
    /// <summary>
    /// The MIFARE Classic session the pseudo-APDUs open and close, as the presence check sees it
    /// (<see cref="PseudoApdu.MifareTrailerBlock"/>): which trailer it may read, and when no session is left.
    /// </summary>
    [TestClass]
    public class MifareSessionTests
    {
        const string LoadKey = "FF 82 00 00 06 FF FF FF FF FF FF";

        static PseudoApdu Authenticated(FakePseudoApduTarget target, string block)
        {
            PseudoApdu interpreter = new PseudoApdu();
            Assert.AreEqual("90 00", PseudoApduGetDataTests.Run(interpreter, target, LoadKey));
            Assert.AreEqual(-1, interpreter.MifareTrailerBlock, "no session before AUTH");
            Assert.AreEqual("90 00", PseudoApduGetDataTests.Run(interpreter, target, "FF 86 00 00 05 01 00 " + block + " 60 00"));
            return interpreter;
        }

        [TestMethod]
        public void AuthenticationOpensTheSectorOfItsBlock()
        {
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            Assert.AreEqual(7, Authenticated(target, "05").MifareTrailerBlock);
            Assert.AreEqual(3, Authenticated(target, "00").MifareTrailerBlock);
            Assert.AreEqual(63, Authenticated(target, "3C").MifareTrailerBlock);
        }

        [TestMethod]
        public void FourKLargeSectorsEndAtTheirSixteenthBlock()
        {
            // MF1S70: blocks 128..255 form sectors of 16 blocks; block 0x85 lies in the sector ending at 0x8F.
            Assert.AreEqual(0x8F, Authenticated(new FakePseudoApduTarget(), "85").MifareTrailerBlock);
            Assert.AreEqual(0xFF, Authenticated(new FakePseudoApduTarget(), "F0").MifareTrailerBlock);
            Assert.AreEqual(0x7F, Authenticated(new FakePseudoApduTarget(), "7C").MifareTrailerBlock);
        }

        [TestMethod]
        public void SuccessfulReadsAndGetDataKeepTheSession()
        {
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            PseudoApdu interpreter = Authenticated(target, "04");
            target.Answer = TestSupport.Hex("00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF");
            Assert.AreEqual("00 11 90 00", PseudoApduGetDataTests.Run(interpreter, target, "FF B0 00 05 02"));
            PseudoApduGetDataTests.Run(interpreter, target, "FF CA 00 00 00");
            Assert.AreEqual(7, interpreter.MifareTrailerBlock);
        }

        [TestMethod]
        public void ARefusedCommandEndsTheSession()
        {
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            PseudoApdu interpreter = Authenticated(target, "04");
            target.ChipStatus = 0x14;
            Assert.AreEqual("63 00", PseudoApduGetDataTests.Run(interpreter, target, "FF B0 00 09 10"));
            Assert.AreEqual(-1, interpreter.MifareTrailerBlock, "a NAK leaves the authenticated state");
        }

        [TestMethod]
        public void ARefusedAuthenticationEndsTheSession()
        {
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            PseudoApdu interpreter = Authenticated(target, "04");
            target.ChipStatus = 0x14;
            Assert.AreEqual("63 00", PseudoApduGetDataTests.Run(interpreter, target, "FF 86 00 00 05 01 00 08 60 00"));
            Assert.AreEqual(-1, interpreter.MifareTrailerBlock);
        }

        [TestMethod]
        public void ALostExchangeEndsTheSession()
        {
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            PseudoApdu interpreter = Authenticated(target, "04");
            target.LinkStatus = SmartcardStatus.IoTimeout;
            byte[] command = TestSupport.Hex("FF B0 00 05 10");
            byte[] response = new byte[32];
            int length;
            Assert.AreEqual((int)SmartcardStatus.IoTimeout, (int)interpreter.Process(target, command, 0, command.Length, response, 0, response.Length, out length));
            Assert.AreEqual(-1, interpreter.MifareTrailerBlock);
        }

        [TestMethod]
        public void TheReaderEndsTheSession()
        {
            PseudoApdu interpreter = Authenticated(new FakePseudoApduTarget(), "04");
            interpreter.EndMifareSession();
            Assert.AreEqual(-1, interpreter.MifareTrailerBlock);
        }
    }
}
