#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    [TestClass]
    public class VirtualPn532ResetPinTests
    {
        private const string GetFirmwareVersionFrame = "00 00 FF 02 FE D4 02 2A 00";
        private const string SamConfigurationFrame = "00 00 FF 03 FD D4 14 01 17 00";

        [TestMethod]
        public void ChipHeldInResetNaksItsI2cAddress()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();

            rig.Chip.ResetPin.Write(false);

            Assert.IsFalse(rig.Chip.Powered, "off while RSTPDN is low");
            Assert.AreEqual(I2cStatus.AddressNak, rig.Write(Pn532Frames.Command(Pn532Command.GetFirmwareVersion, "")));
            Assert.AreEqual("AddressNak", rig.Read(1));
            Assert.AreEqual(0, rig.Chip.CommandCount - 1, "only the SAMConfiguration of the rig was taken");
        }

        [TestMethod]
        public void RisingEdgeStartsInLowVbat()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Chip.ResetPin.Write(false);
            rig.Clock.Advance(1000);

            rig.Chip.ResetPin.Write(true);

            Assert.IsTrue(rig.Chip.InLowVbat, "power-on state");
            Assert.AreEqual("no ACK", rig.Exchange(Pn532Command.GetFirmwareVersion, ""));
            Assert.AreEqual("D5 15", rig.Exchange(Pn532Command.SamConfiguration, "01"));
            Assert.AreEqual("D5 03 32 01 06 07", rig.Exchange(Pn532Command.GetFirmwareVersion, ""));
        }

        [TestMethod]
        public void ResetEndsAHangAndDropsThePendingResponse()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Write(Pn532Frames.Command(Pn532Command.GetFirmwareVersion, ""));
            rig.Chip.Hang();

            rig.Chip.ResetPin.Write(false);
            rig.Chip.ResetPin.Write(true);
            rig.Clock.Advance(10000);

            Assert.IsFalse(rig.Chip.Hung, "hang over");
            Assert.AreEqual("00", rig.Read(1));
            Assert.AreEqual("D5 15", rig.Exchange(Pn532Command.SamConfiguration, "01"));
        }

        [TestMethod]
        public void ResetForgetsTheTargetAndTheField()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()));
            rig.Exchange(Pn532Command.InListPassiveTarget, "01 00");

            rig.Chip.ResetPin.Write(false);
            rig.Chip.ResetPin.Write(true);
            rig.Exchange(Pn532Command.SamConfiguration, "01");

            Assert.IsFalse(rig.Chip.FieldOn, "field off after power-on");
            Assert.AreEqual("D5 41 27", rig.Exchange(Pn532Command.InDataExchange, "01 00 A4 00 0C 02 10 00"));
            Assert.AreEqual("D5 4B 01 01 00 04 20 04 08 12 34 56 0A 78 80 80 02 80 31 80 65 B0",
                rig.Exchange(Pn532Command.InListPassiveTarget, "01 00"));
        }

        [TestMethod]
        public void RepeatedWritesOfTheSameLevelAreNoEdge()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();

            rig.Chip.ResetPin.Write(true);

            Assert.IsFalse(rig.Chip.InLowVbat, "a high level written again does not reset the chip");
        }

        [TestMethod]
        public void ChipHeldInResetDrivesNothingOnSpi()
        {
            VirtualClock clock = new VirtualClock();
            VirtualPn532 chip = new VirtualPn532(clock);
            SimSpiDevice device = new VirtualPn532Spi(chip).Attach(true, 5000000);
            chip.ResetPin.Write(false);

            Assert.AreEqual("00 00 00 00 00 00 00 00 00 00 00", Pn532Wires.Transfer(device, "01 " + SamConfigurationFrame));
            clock.Advance(5000);
            Assert.AreEqual("00 00", Pn532Wires.Transfer(device, "02 00"));
            Assert.AreEqual(0, chip.CommandCount);

            chip.ResetPin.Write(true);
            Pn532Wires.Transfer(device, "01 " + SamConfigurationFrame);
            clock.Advance(1000);

            Assert.AreEqual("00 01", Pn532Wires.Transfer(device, "02 00"));
        }

        [TestMethod]
        public void ChipHeldInResetIsSilentOnHsuAndStopsSending()
        {
            SimUartLine line = Pn532Wires.HsuHostLine(VirtualPn532.DefaultSerialBaudRate, out VirtualPn532 chip);

            // The ACK and response are on their way when RSTPDN goes low: they never arrive.
            Pn532Wires.Write(line, SamConfigurationFrame);
            chip.ResetPin.Write(false);
            Assert.AreEqual("", Pn532Wires.ReadAll(line, 16));
            Pn532Wires.Write(line, SamConfigurationFrame);
            Assert.AreEqual("", Pn532Wires.ReadAll(line, 16));

            chip.ResetPin.Write(true);
            Pn532Wires.Write(line, SamConfigurationFrame);

            Assert.AreEqual("00 00 FF 00 FF 00 00 00 FF 02 FE D5 15 16 00", Pn532Wires.ReadAll(line, 15));
        }
    }
}
