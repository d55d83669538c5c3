#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;

namespace EmbeddedSmartCard.Tests.Simulator
{
    [TestClass]
    public class CardAppletTests
    {
        private readonly byte[] _response = new byte[4098];

        private string Run(CardApplet applet, string apdu)
        {
            byte[] command = TestSupport.Hex(apdu);
            int length = applet.Process(command, 0, command.Length, _response, 0, _response.Length);
            return TestSupport.ToHex(_response, 0, length);
        }

        [TestMethod]
        public void SelectByPathOfIdentifiersAndByName()
        {
            CardApplet applet = new CardApplet(CardProfile.DirectT0());
            Assert.AreEqual("90 00", Run(applet, "00 A4 00 0C 02 10 00"));
            Assert.AreEqual(CardFileSystem.ApplicationFileId, applet.CurrentDf.FileId);
            Assert.AreEqual("6F 0B 82 01 01 83 02 10 01 80 02 00 80 90 00", Run(applet, "00 A4 02 00 02 10 01 00"));
            Assert.AreEqual("90 00", Run(applet, "00 A4 03 0C"));
            Assert.AreEqual(CardFileSystem.MasterFileId, applet.CurrentDf.FileId);
            Assert.AreEqual("90 00", Run(applet, "00 A4 04 0C 04 A0 00 00 00"));
            Assert.AreEqual(CardFileSystem.ApplicationFileId, applet.CurrentDf.FileId);
            Assert.AreEqual("6A 82", Run(applet, "00 A4 00 0C 02 77 77"));
            Assert.AreEqual("6A 86", Run(applet, "00 A4 00 01 02 2F 00"));
        }

        [TestMethod]
        public void ReadBinaryChecksItsFileAndOffset()
        {
            CardApplet applet = new CardApplet(CardProfile.DirectT0());
            Assert.AreEqual("69 86", Run(applet, "00 B0 00 00 04"));
            Run(applet, "00 A4 00 0C 02 2F 00");
            Assert.AreEqual("3E 3F 90 00", Run(applet, "00 B0 00 3E 10"));
            Assert.AreEqual("6B 00", Run(applet, "00 B0 00 41 01"));
            Assert.AreEqual("6A 81", Run(applet, "00 B0 81 00 01"));
        }

        [TestMethod]
        public void UpdateBinaryWritesAndHonoursThePin()
        {
            CardApplet applet = new CardApplet(CardProfile.DirectT0());
            Run(applet, "00 A4 00 0C 02 01 01");
            Assert.AreEqual("90 00", Run(applet, "00 D6 03 FE 02 AA BB"));
            Assert.AreEqual("AA BB", Run(applet, "00 B0 03 FE 02").Substring(0, 5));
            Assert.AreEqual("6A 84", Run(applet, "00 D6 03 FF 02 AA BB"));

            Run(applet, "00 A4 00 0C 02 01 02");
            Assert.AreEqual("69 82", Run(applet, "00 D6 00 00 01 11"));
            Assert.AreEqual("90 00", Run(applet, "00 20 00 81 04 31 32 33 34"));
            Assert.AreEqual("90 00", Run(applet, "00 D6 00 00 01 11"));
            Assert.AreEqual((int)0x11, (int)applet.CurrentEf.Content[0]);
        }

        [TestMethod]
        public void RightPinRestoresTheTriesAndResetClearsIt()
        {
            CardApplet applet = new CardApplet(CardProfile.DirectT0());
            Assert.AreEqual("63 C2", Run(applet, "00 20 00 81 02 00 00"));
            Assert.AreEqual("90 00", Run(applet, "00 20 00 81 04 31 32 33 34"));
            Assert.AreEqual(3, applet.PinTriesLeft);
            Assert.AreEqual("90 00", Run(applet, "00 20 00 81"));
            Assert.AreEqual("6A 88", Run(applet, "00 20 00 01"));
        }

        [TestMethod]
        public void GetChallengeReturnsNeFreshBytes()
        {
            CardApplet applet = new CardApplet(CardProfile.DirectT0());
            string first = Run(applet, "00 84 00 00 08");
            string second = Run(applet, "00 84 00 00 08");
            Assert.AreEqual(10 * 3 - 1, first.Length);
            Assert.IsTrue(first != second, "fresh");
            Assert.AreEqual("6A 86", Run(applet, "00 84 01 00 08"));
        }

        [TestMethod]
        public void ExtendedCasesAreDecoded()
        {
            CardApplet applet = new CardApplet(CardProfile.DirectT0());
            // Case 2E: 300 bytes of pattern; case 4E: echo; wrong lengths: 6700.
            int length = applet.Process(TestSupport.Hex("80 10 01 2C 00 01 2C"), 0, 7, _response, 0, _response.Length);
            Assert.AreEqual(302, length);
            Assert.AreEqual(CardApplet.PatternByte(299), _response[299]);
            Assert.AreEqual("01 02 90 00", Run(applet, "80 12 00 00 00 00 02 01 02 00 00"));
            Assert.AreEqual("67 00", Run(applet, "80 12 00 00 03 01 02"));
            Assert.AreEqual("67 00", Run(applet, "80 10 01 2C 10"));
            Assert.AreEqual("6C 20", Run(applet, "80 10 00 20 10"));
            Assert.AreEqual("6E 00", Run(applet, "A0 B0 00 00 01"));
            Assert.AreEqual("6D 00", Run(applet, "00 E2 00 00"));
        }
    }
}
