#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    [TestClass]
    public class VirtualPn532AutoPollTests
    {
        private const string ClassicUid = "DE AD BE EF";
        private const long Period = VirtualPn532.AutoPollPeriodUnitMicros;

        [TestMethod]
        public void MifareCardIsReportedWithTypeLengthAndTargetData()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Chip.PlaceCard(new MifareClassicCard(TestSupport.Hex(ClassicUid)));

            // NbTg 1, Type 10, 9 bytes: Tg 01, SENS_RES 00 04, SEL_RES 08, NFCIDLength 04, NFCID1.
            Assert.AreEqual("D5 61 01 10 09 01 00 04 08 04 DE AD BE EF", rig.Exchange(Pn532Command.InAutoPoll, "01 01 10"));
        }

        [TestMethod]
        public void Iso14443_4TypeComesWithTheAtsAndMifareTypeWithout()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()));

            Assert.AreEqual("D5 61 01 20 13 01 00 04 20 04 08 12 34 56 0A 78 80 80 02 80 31 80 65 B0",
                rig.Exchange(Pn532Command.InAutoPoll, "01 01 20 10"));
            Assert.AreEqual("D5 61 01 10 09 01 00 04 20 04 08 12 34 56", rig.Exchange(Pn532Command.InAutoPoll, "01 01 10 20"));
        }

        [TestMethod]
        public void TypeBCardIsFoundByTheTypeBTypes()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Chip.PlaceCard(Iso14443BCard.CreateDefault());

            Assert.AreEqual("D5 61 01 23 0F 01 50 1B 2C 3D 4E 00 12 34 01 00 81 81 01 10", rig.Exchange(Pn532Command.InAutoPoll, "01 01 10 23"));
            Assert.AreEqual("D5 61 01 03 0F 01 50 1B 2C 3D 4E 00 12 34 01 00 81 81 01 10", rig.Exchange(Pn532Command.InAutoPoll, "01 01 03"));
        }

        [TestMethod]
        public void PolledTargetIsTargetOneForInDataExchange()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Chip.PlaceCard(Iso14443BCard.CreateDefault());
            rig.Exchange(Pn532Command.InAutoPoll, "01 01 03");

            Assert.AreEqual("D5 41 00 90 00", rig.Exchange(Pn532Command.InDataExchange, "01 00 A4 00 0C 02 10 00"));
            Assert.AreEqual("D5 01 00", rig.Exchange(Pn532Command.Diagnose, "06"));
        }

        [TestMethod]
        public void NothingFoundAnswersNbTgZeroAfterEveryTry()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Chip.PlaceCard(new UltralightCard(TestSupport.Hex("04 01 02 03 04 05 06")));
            rig.Write(Pn532Frames.Command(Pn532Command.InAutoPoll, "02 01 20 03"));
            long commandEnd = rig.Clock.NowMicros;
            Assert.AreEqual("Ack", rig.ReadWhenReady(Pn532Frame.AckLength));

            // PollNr 2 × 2 types × Period 150 ms = 600 ms after the ACK.
            long answerAt = commandEnd + VirtualPn532.AckDelayMicros + 4 * Period;
            AssertNotReadyJustBefore(rig, answerAt);
            rig.Clock.AdvanceTo(answerAt);

            Assert.AreEqual("D5 61 00", rig.ReadWhenReady(Pn532Frame.MaxFrameLength));
        }

        [TestMethod]
        public void CardArrivingIsFoundAtTheNextTryOfItsType()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Write(Pn532Frames.Command(Pn532Command.InAutoPoll, "FF 02 10"));
            long commandEnd = rig.Clock.NowMicros;
            Assert.AreEqual("Ack", rig.ReadWhenReady(Pn532Frame.AckLength));
            rig.Clock.AdvanceTo(commandEnd + VirtualPn532.AckDelayMicros + 10 * Period + 1);

            rig.Chip.PlaceCard(new MifareClassicCard(TestSupport.Hex(ClassicUid)));

            // Tries every 300 ms from the ACK: the card came just after the one at 1.5 s, the one at 1.8 s finds it
            // and the answer follows 5 ms of activation later.
            long answerAt = commandEnd + VirtualPn532.AckDelayMicros + 12 * Period + VirtualPn532.ActivationMicros;
            AssertNotReadyJustBefore(rig, answerAt);
            rig.Clock.AdvanceTo(answerAt);
            Assert.AreEqual("D5 61 01 10 09 01 00 04 08 04 DE AD BE EF", rig.ReadWhenReady(Pn532Frame.MaxFrameLength));
        }

        [TestMethod]
        public void EndlessPollingEndsOnTheHostsAck()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Write(Pn532Frames.Command(Pn532Command.InAutoPoll, "FF 01 00 03"));
            Assert.AreEqual("Ack", rig.ReadWhenReady(Pn532Frame.AckLength));
            rig.Clock.Advance(60 * Period);
            Assert.AreEqual("00", rig.Read(1));

            rig.Write(TestSupport.Hex("00 00 FF 00 FF 00"));
            rig.Chip.PlaceCard(new MifareClassicCard(TestSupport.Hex(ClassicUid)));
            rig.Clock.Advance(10 * Period);

            Assert.AreEqual("00", rig.Read(1));
            Assert.AreEqual("D5 03 32 01 06 07", rig.Exchange(Pn532Command.GetFirmwareVersion, ""));
        }

        [TestMethod]
        public void CardFoundLaterGoesOutOnHsu()
        {
            SimUartLine line = Pn532Wires.HsuHostLine(VirtualPn532.DefaultSerialBaudRate, out VirtualPn532 chip);
            Pn532Wires.Write(line, "55 55 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF 03 FD D4 14 01 17 00");
            Pn532Wires.ReadAll(line, 16);
            Pn532Wires.Write(line, TestSupport.ToHex(Pn532Frames.Command(Pn532Command.InAutoPoll, "FF 01 10")));
            Assert.AreEqual("00 00 FF 00 FF 00", Pn532Wires.ReadAll(line, 6));

            chip.PlaceCard(new MifareClassicCard(TestSupport.Hex(ClassicUid)));
            chip.Clock.Advance(Period);

            byte[] frame = TestSupport.Hex(Pn532Wires.ReadAll(line, 21));
            Assert.AreEqual("D5 61 01 10 09 01 00 04 08 04 DE AD BE EF", Pn532Frames.Body(frame, 0, frame.Length));
        }

        [TestMethod]
        public void MalformedPollIsASyntaxError()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();

            Assert.AreEqual("ApplicationError", rig.Exchange(Pn532Command.InAutoPoll, "01 01"), "no type");
            Assert.AreEqual("ApplicationError", rig.Exchange(Pn532Command.InAutoPoll, "00 01 10"), "PollNr 0");
            Assert.AreEqual("ApplicationError", rig.Exchange(Pn532Command.InAutoPoll, "01 00 10"), "Period 0");
            Assert.AreEqual("ApplicationError", rig.Exchange(Pn532Command.InAutoPoll, "01 10 10"), "Period 10");
            Assert.AreEqual("ApplicationError", rig.Exchange(Pn532Command.InAutoPoll, "01 01 05"), "undocumented type");
            Assert.AreEqual("ApplicationError",
                rig.Exchange(Pn532Command.InAutoPoll, "01 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"), "16 types");
        }

        /// <summary>The status byte read that ends one microsecond before <paramref name="readyAt"/> shows the chip busy.</summary>
        private static void AssertNotReadyJustBefore(Pn532I2cRig rig, long readyAt)
        {
            rig.Clock.AdvanceTo(readyAt - rig.Device.TransactionMicros(1) - 1);
            Assert.AreEqual("00", rig.Read(1));
        }
    }
}
