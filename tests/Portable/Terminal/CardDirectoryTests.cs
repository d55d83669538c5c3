#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;

namespace EmbeddedSmartCard.Tests.Terminal
{
    /// <summary>
    /// What the terminal reads on the simulator's card, APDU by APDU: EF.DIR's records, the PSE's FCI and
    /// directory records by SFI, the PPSE's FCI, and READ RECORD's refusals (ISO 7816-4 §11.4.3).
    /// </summary>
    [TestClass]
    public class CardDirectoryTests
    {
        // 4F the AID A0 00 00 00 01 01, 50 the label "SIM FILES".
        private const string FilesAidAndLabel = "4F 06 A0 00 00 00 01 01 50 09 53 49 4D 20 46 49 4C 45 53";

        [TestMethod]
        public void EfDirRecordsHoldOneApplicationTemplateEach()
        {
            CardApplet applet = Applet(true);
            Assert.AreEqual("90 00", Run(applet, "00 A4 00 0C 02 2F 00"));
            Assert.AreEqual("61 13 " + FilesAidAndLabel + " 90 00", Run(applet, "00 B2 01 04 00"));
            Assert.AreEqual("6C 1A", Run(applet, "00 B2 02 04 05"), "the second record is 26 bytes");
            Assert.AreEqual("6A 83", Run(applet, "00 B2 03 04 00"), "two records only");
            Assert.AreEqual("69 81", Run(applet, "00 B0 00 00 10"), "READ BINARY on a record EF");
        }

        [TestMethod]
        public void ThePseNamesItsDirectoryEfBySfi()
        {
            CardApplet applet = Applet(true);
            Assert.AreEqual("6F 15 84 0E 31 50 41 59 2E 53 59 53 2E 44 44 46 30 31 A5 03 88 01 01 90 00",
                Run(applet, "00 A4 04 00 0E 31 50 41 59 2E 53 59 53 2E 44 44 46 30 31 00"));
            Assert.AreEqual("70 18 61 16 " + FilesAidAndLabel + " 87 01 01 90 00", Run(applet, "00 B2 01 0C 00"), "record 1 of SFI 1, priority 1");
            Assert.AreEqual("6A 82", Run(applet, "00 B2 01 14 00"), "no EF with SFI 2");
        }

        [TestMethod]
        public void ReadRecordNeedsARecordEf()
        {
            CardApplet applet = Applet(false);
            Assert.AreEqual("69 86", Run(applet, "00 B2 01 04 00"), "no current EF");
            Assert.AreEqual("90 00", Run(applet, "00 A4 00 0C 02 2F 00"));
            Assert.AreEqual("69 81", Run(applet, "00 B2 01 04 00"), "the pattern file is transparent");
            Assert.AreEqual("6A 86", Run(applet, "00 B2 01 00 00"), "P2 other than a record number in P1");
        }

        private static CardApplet Applet(bool applicationDirectory)
        {
            CardProfile profile = CardProfile.DirectT0();
            profile.ApplicationDirectory = applicationDirectory;
            return new CardApplet(profile);
        }

        private static string Run(CardApplet applet, string apdu)
        {
            byte[] command = TestSupport.Hex(apdu);
            byte[] response = new byte[258];
            int length = applet.Process(command, 0, command.Length, response, 0, response.Length);
            return TestSupport.ToHex(response, 0, length);
        }
    }
}
