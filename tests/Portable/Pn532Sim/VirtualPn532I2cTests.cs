#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    [TestClass]
    public class VirtualPn532I2cTests
    {
        private const string GetFirmwareVersionFrame = "00 00 FF 02 FE D4 02 2A 00";

        [TestMethod]
        public void LowVbatChipIgnoresEverythingButSamConfiguration()
        {
            Pn532I2cRig rig = new Pn532I2cRig();

            rig.Write(TestSupport.Hex(GetFirmwareVersionFrame));
            rig.Clock.Advance(100000);
            Assert.AreEqual("00", rig.Read(1));

            rig.Write(TestSupport.Hex("00 00 FF 03 FD D4 14 01 17 00"));
            rig.Clock.Advance(1000);
            Assert.AreEqual("01 00 00 FF 00 FF 00", rig.Read(7));
            rig.Clock.Advance(2000);
            Assert.AreEqual("01 00 00 FF 02 FE D5 15 16 00", rig.Read(10));
            Assert.IsFalse(rig.Chip.InLowVbat, "SAMConfiguration leaves LowVbat");
        }

        [TestMethod]
        public void GetFirmwareVersionAnswersThePn532Identity()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();

            rig.Write(TestSupport.Hex(GetFirmwareVersionFrame));
            rig.Clock.Advance(1000);
            Assert.AreEqual("01 00 00 FF 00 FF 00", rig.Read(7));
            rig.Clock.Advance(2000);

            // The trace of the reference §3.2: D5 03 32 01 06 07.
            Assert.AreEqual("01 00 00 FF 06 FA D5 03 32 01 06 07 E8 00 00 00", rig.Read(16));
            Assert.AreEqual("00", rig.Read(1));
        }

        [TestMethod]
        public void ShortReadLeavesTheFrameAndRdyPending()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();

            rig.Write(TestSupport.Hex(GetFirmwareVersionFrame));
            rig.Clock.Advance(1000);
            Assert.AreEqual("01 00 00 FF", rig.Read(4));

            Assert.AreEqual("01 00 00 FF 00 FF 00", rig.Read(7));
        }

        [TestMethod]
        public void NackAsksForTheLastResponseAgain()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            Assert.AreEqual("D5 03 32 01 06 07", rig.Exchange(Pn532Command.GetFirmwareVersion, ""));

            rig.Write(TestSupport.Hex("00 00 FF FF 00 00"));

            Assert.AreEqual("D5 03 32 01 06 07", rig.ReadWhenReady(Pn532Frame.MaxFrameLength));
        }

        [TestMethod]
        public void DamagedFrameGetsNoAck()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            int accepted = rig.Chip.CommandCount;

            rig.Write(TestSupport.Hex("00 00 FF 02 FE D4 02 2B 00"));
            rig.Clock.Advance(100000);

            Assert.AreEqual("00", rig.Read(1));
            Assert.AreEqual(accepted, rig.Chip.CommandCount);
        }

        [TestMethod]
        public void CommandTheChipCannotRunGetsTheSyntaxErrorFrame()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();

            rig.Write(Pn532Frames.Command(Pn532Command.TgInitAsTarget, "00"));
            Assert.AreEqual("Ack", rig.ReadWhenReady(Pn532Frame.AckLength));
            rig.Clock.Advance(2000);

            Assert.AreEqual("01 00 00 FF 01 FF 7F 81 00", rig.Read(9));
        }

        [TestMethod]
        public void HostAckAbortsTheRunningCommand()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Write(Pn532Frames.Command(Pn532Command.InListPassiveTarget, "01 00"));
            Assert.AreEqual("Ack", rig.ReadWhenReady(Pn532Frame.AckLength));

            rig.Write(TestSupport.Hex("00 00 FF 00 FF 00"));

            Assert.AreEqual("not ready", rig.ReadWhenReady(Pn532Frame.MaxFrameLength));
        }

        [TestMethod]
        public void ConfigurationCommandsAnswerEmpty()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();

            Assert.AreEqual("D5 13", rig.Exchange(Pn532Command.SetParameters, "14"));
            Assert.AreEqual(0x14, (int)rig.Chip.ParametersFlags);
            Assert.AreEqual("D5 33", rig.Exchange(Pn532Command.RfConfiguration, "05 FF 01 02"));
            Assert.AreEqual("D5 33", rig.Exchange(Pn532Command.RfConfiguration, "01 01"));
            Assert.IsTrue(rig.Chip.FieldOn, "field on");
            Assert.AreEqual("ApplicationError", rig.Exchange(Pn532Command.RfConfiguration, "05 FF"));
        }

        [TestMethod]
        public void RegistersReadBackWhatWasWritten()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();

            Assert.AreEqual("D5 09", rig.Exchange(Pn532Command.WriteRegister, "63 02 80 63 03 81"));

            Assert.AreEqual("D5 07 80 81 00", rig.Exchange(Pn532Command.ReadRegister, "63 02 63 03 63 3D"));
        }

        [TestMethod]
        public void DiagnoseCommunicationLineTestEchoes()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();

            // libnfc's link check: NumTst 00 and "libnfc".
            Assert.AreEqual("D5 01 00 6C 69 62 6E 66 63", rig.Exchange(Pn532Command.Diagnose, "00 6C 69 62 6E 66 63"));
        }

        [TestMethod]
        public void PowerDownAnswersThenWakesOnTheI2cAddress()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();

            Assert.AreEqual("D5 17 00", rig.Exchange(Pn532Command.PowerDown, "80"));
            Assert.IsTrue(rig.Chip.PoweredDown, "asleep after PowerDown");

            Assert.AreEqual("D5 03 32 01 06 07", rig.Exchange(Pn532Command.GetFirmwareVersion, ""));
            Assert.IsFalse(rig.Chip.PoweredDown, "woken by the address match");
        }

        [TestMethod]
        public void PowerDownWithoutI2cWakeUpNaksTheAddress()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Exchange(Pn532Command.PowerDown, "10");

            Assert.AreEqual("AddressNak", rig.Read(1));
        }

        [TestMethod]
        public void GeneralStatusListsTheTarget()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            Assert.AreEqual("D5 05 00 00 00 00", rig.Exchange(Pn532Command.GetGeneralStatus, ""));

            rig.Chip.PlaceCard(new EmbeddedSmartCard.Boards.Simulator.Pn532.UltralightCard(TestSupport.Hex("04 01 02 03 04 05 06")));
            rig.Exchange(Pn532Command.InListPassiveTarget, "01 00");

            Assert.AreEqual("D5 05 00 00 01 01 00 00 00 00", rig.Exchange(Pn532Command.GetGeneralStatus, ""));
        }

        [TestMethod]
        public void BusTimeShowsInVirtualTime()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            long before = rig.Clock.NowMicros;

            rig.Write(TestSupport.Hex(GetFirmwareVersionFrame));

            // (1 address + 9 bytes) × 9 clocks + START/STOP = 92 clocks at 400 kHz = 230 µs.
            Assert.AreEqual(230L, rig.Clock.NowMicros - before);
        }
    }
}
