#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    [TestClass]
    public class VirtualPn532SpiTests
    {
        private const int SpiClockHz = 5000000;

        [TestMethod]
        public void DataWriteStatusReadAndDataReadCarryACommand()
        {
            VirtualClock clock = new VirtualClock();
            VirtualPn532 chip = new VirtualPn532(clock);
            SimSpiDevice device = Attach(chip, true);

            Assert.AreEqual("00 00", Pn532Wires.Transfer(device, "02 00"));
            Pn532Wires.Transfer(device, "01 00 00 FF 03 FD D4 14 01 17 00");
            clock.Advance(1000);
            Assert.AreEqual("00 01", Pn532Wires.Transfer(device, "02 00"));
            Assert.AreEqual("00 00 00 FF 00 FF 00", Pn532Wires.Transfer(device, "03 00 00 00 00 00 00"));
            Assert.AreEqual("00 00", Pn532Wires.Transfer(device, "02 00"));
            clock.Advance(2000);

            Assert.AreEqual("00 00 00 FF 02 FE D5 15 16 00", Pn532Wires.Transfer(device, "03 00 00 00 00 00 00 00 00 00"));
        }

        [TestMethod]
        public void LaterChunksReceiveTheirFirstByteDuringDataRead()
        {
            VirtualClock clock = new VirtualClock();
            VirtualPn532 chip = Configured(clock);
            SimSpiDevice device = Attach(chip, true);
            SendAndReadAck(device, clock, "00 00 FF 02 FE D4 02 2A 00");

            Assert.AreEqual("00 00 00 FF 06", Pn532Wires.Transfer(device, "03 00 00 00 00"));
            Assert.AreEqual("FA D5 03 32 01 06 07 E8", Pn532Wires.Transfer(device, "03 00 00 00 00 00 00 00"));
            Assert.AreEqual("00", Pn532Wires.Transfer(device, "03"));
            Assert.IsFalse(chip.IsReady, "whole response read");
        }

        [TestMethod]
        public void MsbFirstControllerSeesMirroredBytes()
        {
            VirtualClock clock = new VirtualClock();
            VirtualPn532 chip = new VirtualPn532(clock);
            SimSpiDevice device = Attach(chip, false);

            // SR (02) mirrored is 40; the chip's busy status 00 reads 00.
            Assert.AreEqual("00 00", Pn532Wires.Transfer(device, "40 00"));
            Pn532Wires.Transfer(device, "80 00 00 FF C0 BF 2B 28 80 E8 00");
            clock.Advance(1000);

            // RDY 01 arrives mirrored as 80.
            Assert.AreEqual("00 80", Pn532Wires.Transfer(device, "40 00"));
        }

        [TestMethod]
        public void PoweredDownChipShiftsOutFfAndWakesOnChipSelect()
        {
            VirtualClock clock = new VirtualClock();
            VirtualPn532 chip = Configured(clock);
            SimSpiDevice device = Attach(chip, true);
            SendAndReadAck(device, clock, "00 00 FF 03 FD D4 16 20 F6 00");
            Assert.AreEqual("00 00 00 FF 03 FD D5 17 00 14 00", Pn532Wires.Transfer(device, "03 00 00 00 00 00 00 00 00 00 00"));
            Assert.IsTrue(chip.PoweredDown, "asleep");

            Assert.AreEqual("FF FF", Pn532Wires.Transfer(device, "02 00"));

            Assert.IsFalse(chip.PoweredDown, "woken by the transaction");
            Assert.AreEqual("00 00", Pn532Wires.Transfer(device, "02 00"));
        }

        /// <summary>The chip on a simulated SPI bus clocked at 5 MHz, LSB first as the PN532 expects or MSB first.</summary>
        private static SimSpiDevice Attach(VirtualPn532 chip, bool lsbFirst)
        {
            return new VirtualPn532Spi(chip).Attach(lsbFirst, SpiClockHz);
        }

        /// <summary>Data write (DW) of <paramref name="frameHex"/>, then the ACK read with data read (DR) once the chip is ready, leaving time for the answer.</summary>
        private static void SendAndReadAck(SimSpiDevice device, VirtualClock clock, string frameHex)
        {
            Pn532Wires.Transfer(device, "01 " + frameHex);
            clock.Advance(1000);
            Pn532Wires.Transfer(device, "03 00 00 00 00 00 00");
            clock.Advance(2000);
        }

        private static VirtualPn532 Configured(VirtualClock clock)
        {
            VirtualPn532 chip = new VirtualPn532(clock);
            byte[] sam = Pn532Frames.Command(Pn532Command.SamConfiguration, "01");
            chip.ReceiveFrame(sam, 0, sam.Length, clock.NowMicros);
            clock.Advance(5000);
            chip.ConsumeFrame();
            chip.ConsumeFrame();
            return chip;
        }
    }
}
