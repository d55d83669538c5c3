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
    public class VirtualPn532PresenceDetectionTests
    {
        private const string PresenceDetection = "06";
        private const string SelectApplet = "01 00 A4 00 0C 02 10 00";

        [TestMethod]
        public void Iso14443_4CardInTheFieldIsPresent()
        {
            Pn532I2cRig rig = Pn532I2cRig.Listed(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()), "01 00");

            Assert.AreEqual("D5 01 00", rig.Exchange(Pn532Command.Diagnose, PresenceDetection));
        }

        [TestMethod]
        public void ProbeLeavesTheCardSessionAlone()
        {
            Pn532I2cRig rig = Pn532I2cRig.Listed(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()), "01 00");
            Assert.AreEqual("D5 41 00 90 00", rig.Exchange(Pn532Command.InDataExchange, SelectApplet));

            rig.Exchange(Pn532Command.Diagnose, PresenceDetection);

            Assert.AreEqual("D5 41 00 90 00", rig.Exchange(Pn532Command.InDataExchange, SelectApplet));
        }

        [TestMethod]
        public void CardGoneTimesOutAfterTheFrameWaitingTime()
        {
            Pn532I2cRig rig = Pn532I2cRig.Listed(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()), "01 00");
            rig.Chip.RemoveCard();
            long start = rig.Clock.NowMicros;

            Assert.AreEqual("D5 01 01", rig.Exchange(Pn532Command.Diagnose, PresenceDetection));
            // FWI 8 (the card's ATS TB(1)): FWT = 256 * 16 * 2^8 / 13.56 MHz = 77.33 ms.
            Assert.AreEqual(77329L, VirtualPn532.FrameWaitingMicros(8));
            Assert.IsTrue(rig.Clock.NowMicros - start >= VirtualPn532.FrameWaitingMicros(8), "answered before one FWT");
        }

        [TestMethod]
        public void WithoutAnIso14443_4TargetTheProbeIsNotAcceptable()
        {
            Assert.AreEqual("D5 01 27", Pn532I2cRig.Configured().Exchange(Pn532Command.Diagnose, PresenceDetection));
            Assert.AreEqual("D5 01 27",
                Pn532I2cRig.Listed(new MifareClassicCard(TestSupport.Hex("DE AD BE EF")), "01 00").Exchange(Pn532Command.Diagnose, PresenceDetection));
            Assert.AreEqual("D5 01 27",
                Pn532I2cRig.Listed(new UltralightCard(TestSupport.Hex("04 01 02 03 04 05 06")), "01 00").Exchange(Pn532Command.Diagnose, PresenceDetection));
        }

        [TestMethod]
        public void TargetListedWithoutRatsOrDeselectedIsNotProbed()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Exchange(Pn532Command.SetParameters, "00");
            rig.Chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()));
            rig.Exchange(Pn532Command.InListPassiveTarget, "01 00");
            Assert.AreEqual("D5 01 27", rig.Exchange(Pn532Command.Diagnose, PresenceDetection));

            Pn532I2cRig deselected = Pn532I2cRig.Listed(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()), "01 00");
            deselected.Exchange(Pn532Command.InDeselect, "00");

            Assert.AreEqual("D5 01 27", deselected.Exchange(Pn532Command.Diagnose, PresenceDetection));
        }
    }
}
