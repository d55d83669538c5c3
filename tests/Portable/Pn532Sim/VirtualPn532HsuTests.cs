#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    [TestClass]
    public class VirtualPn532HsuTests
    {
        private const string Ack = "00 00 FF 00 FF 00";
        private const string WakeUp = "55 55 00 00 00 00 00 00 00 00 00 00 00 00 00 00";
        private const string SamConfigurationNormal = "00 00 FF 03 FD D4 14 01 17 00";
        private const string GetFirmwareVersion = "00 00 FF 02 FE D4 02 2A 00";
        private const string FirmwareVersionAnswer = "00 00 FF 06 FA D5 03 32 01 06 07 E8 00";

        [TestMethod]
        public void WakeUpPreambleAndSamConfigurationAreAckedAndAnswered()
        {
            SimUartLine line = Pn532Wires.HsuHostLine(VirtualPn532.DefaultSerialBaudRate, out VirtualPn532 chip);

            Pn532Wires.Write(line, WakeUp + " " + SamConfigurationNormal);

            Assert.AreEqual(Ack + " 00 00 FF 02 FE D5 15 16 00", Pn532Wires.ReadAll(line, 16));
            Assert.IsFalse(chip.InLowVbat, "configured");
        }

        [TestMethod]
        public void ResponseArrivesAfterTheAckAtTheLineRate()
        {
            SimUartLine line = ConfiguredHostLine(out VirtualPn532 chip);

            Pn532Wires.Write(line, GetFirmwareVersion);

            Assert.AreEqual(Ack + " " + FirmwareVersionAnswer, Pn532Wires.ReadAll(line, 19));
            Assert.AreEqual(0, line.ReceiveErrorCount);
        }

        [TestMethod]
        public void HostAtAnotherBaudRateIsNotHeard()
        {
            SimUartLine line = Pn532Wires.HsuHostLine(9600, out VirtualPn532 chip);

            Pn532Wires.Write(line, WakeUp + " " + SamConfigurationNormal);

            Assert.AreEqual("", Pn532Wires.ReadAll(line, 1));
            Assert.AreEqual(0, chip.CommandCount);
        }

        [TestMethod]
        public void HostAckAbortsAWaitingInListPassiveTarget()
        {
            SimUartLine line = ConfiguredHostLine(out VirtualPn532 chip);
            Pn532Wires.Write(line, "00 00 FF 04 FC D4 4A 01 00 E1 00");
            Assert.AreEqual(Ack, Pn532Wires.ReadAll(line, 6));

            Pn532Wires.Write(line, Ack);
            chip.PlaceCard(new UltralightCard(TestSupport.Hex("04 01 02 03 04 05 06")));

            Assert.AreEqual("", Pn532Wires.ReadAll(line, 1));
        }

        [TestMethod]
        public void PoweredDownChipWakesOnTheWakeUpCharacter()
        {
            SimUartLine line = ConfiguredHostLine(out VirtualPn532 chip);
            Pn532Wires.Write(line, "00 00 FF 03 FD D4 16 10 06 00");
            Assert.AreEqual(Ack + " 00 00 FF 03 FD D5 17 00 14 00", Pn532Wires.ReadAll(line, 16));
            Assert.IsTrue(chip.PoweredDown, "asleep");

            Pn532Wires.Write(line, GetFirmwareVersion);
            Assert.AreEqual("", Pn532Wires.ReadAll(line, 1));

            Pn532Wires.Write(line, WakeUp + " " + GetFirmwareVersion);
            Assert.AreEqual(Ack + " " + FirmwareVersionAnswer, Pn532Wires.ReadAll(line, 19));
        }

        [TestMethod]
        public void SetSerialBaudRateTakesEffectOnTheHostsAck()
        {
            SimUartLine line = ConfiguredHostLine(out VirtualPn532 chip);

            // BR 06 = 460 800 bd; the answer still comes at 115 200.
            Pn532Wires.Write(line, "00 00 FF 03 FD D4 10 06 16 00");
            Assert.AreEqual(Ack + " 00 00 FF 02 FE D5 11 1A 00", Pn532Wires.ReadAll(line, 15));
            Assert.AreEqual(VirtualPn532.DefaultSerialBaudRate, chip.SerialBaudRate);
            Pn532Wires.Write(line, Ack);
            line.Drain();
            Assert.AreEqual(460800, chip.SerialBaudRate);

            line.Configure(460800, UartParity.None, UartStopBits.One);
            Pn532Wires.Write(line, GetFirmwareVersion);
            Assert.AreEqual(Ack + " " + FirmwareVersionAnswer, Pn532Wires.ReadAll(line, 19));
            Assert.AreEqual(0, line.ReceiveErrorCount);
        }

        /// <summary>A host line at the default rate to a chip already woken and configured (SAMConfiguration normal mode), its ACK and answer read.</summary>
        private static SimUartLine ConfiguredHostLine(out VirtualPn532 chip)
        {
            SimUartLine line = Pn532Wires.HsuHostLine(VirtualPn532.DefaultSerialBaudRate, out chip);
            Pn532Wires.Write(line, WakeUp + " " + SamConfigurationNormal);
            Pn532Wires.ReadAll(line, 16);
            return line;
        }
    }
}
