#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    [TestClass]
    public class VirtualPn532CommunicateThruTests
    {
        private const string UltralightUid = "04 A1 B2 C3 D4 E5 F6";
        private const string ClassicUid = "DE AD BE EF";
        private const string SelectApplet = "00 A4 00 0C 02 10 00";

        [TestMethod]
        public void UltralightReadComesBackRaw()
        {
            Pn532I2cRig rig = Pn532I2cRig.Listed(new UltralightCard(TestSupport.Hex(UltralightUid)), "01 00");

            Assert.AreEqual("D5 43 00 04 A1 B2 9F C3 D4 E5 F6 04 00 00 00 00 00 00 00", rig.Exchange(Pn532Command.InCommunicateThru, "30 00"));
        }

        [TestMethod]
        public void FourBitAckFailsTheCrcCheckButTheWriteIsDone()
        {
            Pn532I2cRig rig = Pn532I2cRig.Listed(new UltralightCard(TestSupport.Hex(UltralightUid)), "01 00");

            Assert.AreEqual("D5 43 02", rig.Exchange(Pn532Command.InCommunicateThru, "A2 04 11 22 33 44"));

            Assert.AreEqual("D5 43 00 11 22 33 44 00 00 00 00 00 00 00 00 00 00 00 00", rig.Exchange(Pn532Command.InCommunicateThru, "30 04"));
        }

        [TestMethod]
        public void MifareAuthenticationNeedsInDataExchangeThenRawReadsWork()
        {
            Pn532I2cRig rig = Pn532I2cRig.Listed(new MifareClassicCard(TestSupport.Hex(ClassicUid)), "01 00");
            string auth = "60 04 FF FF FF FF FF FF " + ClassicUid;

            Assert.AreEqual("D5 43 02", rig.Exchange(Pn532Command.InCommunicateThru, auth));
            Assert.AreEqual("D5 41 00", rig.Exchange(Pn532Command.InDataExchange, "01 " + auth));

            Assert.AreEqual("D5 43 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", rig.Exchange(Pn532Command.InCommunicateThru, "30 04"));
            Assert.AreEqual("D5 43 02", rig.Exchange(Pn532Command.InCommunicateThru, "30 08"), "4-bit NAK: another sector");
        }

        [TestMethod]
        public void RNakIsAnsweredByRAckWithTheCardsBlockNumber()
        {
            Pn532I2cRig rig = Pn532I2cRig.Listed(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()), "01 00");

            // Block number 1 after activation; each APDU exchanged toggles it.
            Assert.AreEqual("D5 43 00 A3", rig.Exchange(Pn532Command.InCommunicateThru, "B2"));
            rig.Exchange(Pn532Command.InDataExchange, "01 " + SelectApplet);
            Assert.AreEqual("D5 43 00 A2", rig.Exchange(Pn532Command.InCommunicateThru, "B3"));
            rig.Exchange(Pn532Command.InDataExchange, "01 " + SelectApplet);

            Assert.AreEqual("D5 43 00 A3", rig.Exchange(Pn532Command.InCommunicateThru, "B2"));
        }

        [TestMethod]
        public void RawIBlockCarriesAnApdu()
        {
            Pn532I2cRig rig = Pn532I2cRig.Listed(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()), "01 00");

            Assert.AreEqual("D5 43 00 02 90 00", rig.Exchange(Pn532Command.InCommunicateThru, "02 " + SelectApplet));
            Assert.AreEqual("D5 43 00 03 90 00", rig.Exchange(Pn532Command.InCommunicateThru, "03 " + SelectApplet));
        }

        [TestMethod]
        public void TypeBCardAnswersRNakToo()
        {
            Pn532I2cRig rig = Pn532I2cRig.Listed(Iso14443BCard.CreateDefault(), "01 03 00");

            Assert.AreEqual("D5 43 00 A3", rig.Exchange(Pn532Command.InCommunicateThru, "B2"));
        }

        [TestMethod]
        public void IgnoredBlockTimesOutAfterTheCommunicationTimeout()
        {
            Pn532I2cRig rig = Pn532I2cRig.Listed(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()), "01 00");
            long start = rig.Clock.NowMicros;

            // S(DESELECT) is not modelled: the card ignores it.
            Assert.AreEqual("D5 43 01", rig.Exchange(Pn532Command.InCommunicateThru, "C2"));

            Assert.AreEqual(51200L, VirtualPn532.CommunicationTimeoutMicros(VirtualPn532.DefaultCommunicationTimeout));
            Assert.IsTrue(rig.Clock.NowMicros - start >= 51200, "waited the 51.2 ms time-out");
        }

        [TestMethod]
        public void CardGoneTimesOutAfterTheConfiguredTimeout()
        {
            Pn532I2cRig rig = Pn532I2cRig.Listed(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()), "01 00");
            rig.Exchange(Pn532Command.RfConfiguration, "02 00 0B 0E");
            rig.Chip.RemoveCard();
            long start = rig.Clock.NowMicros;

            Assert.AreEqual("D5 43 01", rig.Exchange(Pn532Command.InCommunicateThru, "B2"));

            Assert.IsTrue(rig.Clock.NowMicros - start >= 819200, "0x0E = 819.2 ms");
        }

        [TestMethod]
        public void WithoutATargetOrDataTheCommandIsRefused()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();

            Assert.AreEqual("D5 43 27", rig.Exchange(Pn532Command.InCommunicateThru, "B2"));
            Assert.AreEqual("ApplicationError", rig.Exchange(Pn532Command.InCommunicateThru, ""));
        }

        [TestMethod]
        public void AnswerLongerThanAFrameOverflowsTheChipBuffer()
        {
            Pn532I2cRig rig = Pn532I2cRig.Listed(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()), "01 00");

            // PATTERN of 300 bytes with extended Le.
            Assert.AreEqual("D5 43 09", rig.Exchange(Pn532Command.InCommunicateThru, "02 80 10 01 2C 00 00 00"));
        }
    }
}
