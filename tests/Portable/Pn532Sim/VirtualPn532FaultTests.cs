#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    [TestClass]
    public class VirtualPn532FaultTests
    {
        [TestMethod]
        public void DamagedResponseIsIntactWhenTheHostNacks()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Chip.DamageNextResponse();

            Assert.AreEqual("Damaged", rig.Exchange(Pn532Command.GetFirmwareVersion, ""));
            rig.Write(TestSupport.Hex("00 00 FF FF 00 00"));

            Assert.AreEqual("D5 03 32 01 06 07", rig.ReadWhenReady(Pn532Frame.MaxFrameLength));
        }

        [TestMethod]
        public void DriverLinkRecoversFromADamagedResponse()
        {
            VirtualClock clock = new VirtualClock();
            VirtualPn532 chip = new VirtualPn532(clock);
            Pn532Link link = new Pn532Link(new Pn532I2cTransport(new VirtualPn532I2c(chip).Attach(400000), clock, null));
            byte[] response = new byte[16];
            int length;
            link.Transceive(Pn532Command.SamConfiguration, new byte[] { 0x01 }, 0, 1, response, 0, response.Length, 100000, out length);
            chip.DamageNextResponse();

            SmartcardStatus status = link.Transceive(Pn532Command.GetFirmwareVersion, new byte[0], 0, 0, response, 0, response.Length, 100000, out length);

            Assert.AreEqual((int)SmartcardStatus.Success, (int)status);
            Assert.AreEqual("32 01 06 07", TestSupport.ToHex(response, 0, length));
        }

        [TestMethod]
        public void DriverLinkRidesOutClockStretching()
        {
            VirtualClock clock = new VirtualClock();
            VirtualPn532 chip = new VirtualPn532(clock);
            SimI2cDevice device = new VirtualPn532I2c(chip).Attach(400000);
            Pn532Link link = new Pn532Link(new Pn532I2cTransport(device, clock, null));
            byte[] response = new byte[16];
            int length;
            device.StretchNext(6, 3000);
            long start = clock.NowMicros;

            SmartcardStatus status = link.Transceive(Pn532Command.SamConfiguration, new byte[] { 0x01 }, 0, 1, response, 0, response.Length, 100000, out length);

            Assert.AreEqual((int)SmartcardStatus.Success, (int)status);
            Assert.IsTrue(clock.NowMicros - start >= 6 * 3000, "every stretched transaction waited for");
            status = link.Transceive(Pn532Command.GetFirmwareVersion, new byte[0], 0, 0, response, 0, response.Length, 100000, out length);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)status);
            Assert.AreEqual("32 01 06 07", TestSupport.ToHex(response, 0, length));
        }

        [TestMethod]
        public void HungChipAnswersNothingUntilPowerCycled()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Chip.Hang();

            Assert.AreEqual("no ACK", rig.Exchange(Pn532Command.GetFirmwareVersion, ""));

            rig.Chip.PowerCycle();
            Assert.IsTrue(rig.Chip.InLowVbat, "back to the power-on state");
            rig.Exchange(Pn532Command.SamConfiguration, "01");
            Assert.AreEqual("D5 03 32 01 06 07", rig.Exchange(Pn532Command.GetFirmwareVersion, ""));
        }

        [TestMethod]
        public void IrqGoesLowWhileAFrameIsReady()
        {
            VirtualClock clock = new VirtualClock();
            VirtualPn532 chip = new VirtualPn532(clock);
            SimInputPin irq = new SimInputPin(clock, true);
            chip.Irq = irq;
            byte[] sam = Pn532Frames.Command(Pn532Command.SamConfiguration, "01");

            chip.ReceiveFrame(sam, 0, sam.Length, clock.NowMicros);
            Assert.IsTrue(irq.Read(), "high until the ACK is ready");
            clock.Advance(VirtualPn532.AckDelayMicros);
            Assert.IsFalse(irq.Read(), "low with the ACK ready");
            chip.ConsumeFrame();
            Assert.IsTrue(irq.Read(), "high once the ACK is read");
            clock.Advance(VirtualPn532.CommandMicros);
            Assert.IsFalse(irq.Read(), "low with the response ready");
            chip.ConsumeFrame();
            Assert.IsTrue(irq.Read(), "high once the response is read");
        }

        [TestMethod]
        public void SpiTransportWaitsOnTheIrqPin()
        {
            VirtualClock clock = new VirtualClock();
            VirtualPn532 chip = new VirtualPn532(clock);
            SimInputPin irq = new SimInputPin(clock, true);
            chip.Irq = irq;
            SimSpiDevice device = new VirtualPn532Spi(chip).Attach(true, 5000000);
            Pn532Link link = new Pn532Link(new Pn532SpiTransport(device, clock, irq, null));
            byte[] response = new byte[16];
            int length;

            link.Transceive(Pn532Command.SamConfiguration, new byte[] { 0x01 }, 0, 1, response, 0, response.Length, 100000, out length);
            SmartcardStatus status = link.Transceive(Pn532Command.GetFirmwareVersion, new byte[0], 0, 0, response, 0, response.Length, 100000, out length);

            Assert.AreEqual((int)SmartcardStatus.Success, (int)status);
            Assert.AreEqual("32 01 06 07", TestSupport.ToHex(response, 0, length));
        }
    }
}
