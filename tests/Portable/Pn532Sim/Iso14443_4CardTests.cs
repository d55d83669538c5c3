#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    [TestClass]
    public class Iso14443_4CardTests
    {
        [TestMethod]
        public void AtsCarriesTheProfilesHistoricalBytes()
        {
            Iso14443_4Card card = new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0());

            Assert.AreEqual("0A 78 80 80 02 80 31 80 65 B0", TestSupport.ToHex(card.Ats));
            Assert.AreEqual(0x20, (int)card.SelRes);
            Assert.AreEqual("00 04", TestSupport.ToHex(card.SensRes));
        }

        [TestMethod]
        public void SevenByteUidAnnouncesADoubleSizeUid()
        {
            Iso14443_4Card card = new Iso14443_4Card(TestSupport.Hex("04 01 02 03 04 05 06"), CardProfile.DirectT0());

            Assert.AreEqual("00 44", TestSupport.ToHex(card.SensRes));
        }

        [TestMethod]
        public void ApduIsAnsweredByTheApplet()
        {
            Iso14443_4Card card = new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0());
            byte[] command = TestSupport.Hex("00 A4 00 0C 02 10 00");
            byte[] answer = new byte[258];

            RfAnswer result = card.Transceive(command, 0, command.Length, answer, 0, answer.Length, out int length);

            Assert.AreEqual((int)RfAnswer.Data, (int)result);
            Assert.AreEqual("90 00", TestSupport.ToHex(answer, 0, length));
            Assert.AreEqual(1, card.Applet.CommandCount);
        }
    }
}
