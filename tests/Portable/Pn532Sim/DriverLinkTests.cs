#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    /// <summary>The virtual PN532 driven by the driver's own link and transports, on each bus.</summary>
    [TestClass]
    public class DriverLinkTests
    {
        private const long ResponseTimeoutMicros = 100000;

        [TestMethod]
        public void I2cTransportRunsCommandsAgainstTheChip()
        {
            VirtualClock clock = new VirtualClock();
            VirtualPn532 chip = new VirtualPn532(clock);
            SimI2cDevice device = new VirtualPn532I2c(chip).Attach(400000);

            AssertSession(new Pn532Link(new Pn532I2cTransport(device, clock, null)), chip);
        }

        [TestMethod]
        public void SpiTransportWithAnMsbFirstControllerRunsCommandsAgainstTheChip()
        {
            VirtualClock clock = new VirtualClock();
            VirtualPn532 chip = new VirtualPn532(clock);
            SimSpiDevice device = new VirtualPn532Spi(chip).Attach(false, 5000000);

            AssertSession(new Pn532Link(new Pn532SpiTransport(device, clock, null, null)), chip);
        }

        [TestMethod]
        public void HsuTransportRunsCommandsAgainstTheChip()
        {
            VirtualClock clock = new VirtualClock();
            VirtualPn532 chip = new VirtualPn532(clock);
            SimUartLine line = new SimUartLine(clock, false);
            new VirtualPn532Hsu(chip, line);

            AssertSession(new Pn532Link(new Pn532HsuTransport(line, clock)), chip);
        }

        [TestMethod]
        public void HsuTransportChangesTheBaudRateWithTheChip()
        {
            VirtualClock clock = new VirtualClock();
            VirtualPn532 chip = new VirtualPn532(clock);
            SimUartLine line = new SimUartLine(clock, false);
            new VirtualPn532Hsu(chip, line);
            Pn532HsuTransport transport = new Pn532HsuTransport(line, clock);
            Pn532Link link = new Pn532Link(transport);
            byte[] response = new byte[16];
            int length;
            link.WakeUp();
            Transceive(link, Pn532Command.SamConfiguration, "01", response, out length);

            Assert.AreEqual((int)SmartcardStatus.Success, (int)Pn532SerialBaudRate.Change(link, transport, 921600));

            Assert.AreEqual(921600, chip.SerialBaudRate);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Transceive(link, Pn532Command.GetFirmwareVersion, "", response, out length));
            Assert.AreEqual("32 01 06 07", TestSupport.ToHex(response, 0, length));
        }

        /// <summary>Wake-up, SAMConfiguration, GetFirmwareVersion, InListPassiveTarget, and an InDataExchange with a full 262-byte DataIn.</summary>
        private static void AssertSession(Pn532Link link, VirtualPn532 chip)
        {
            byte[] response = new byte[300];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)link.WakeUp());
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Transceive(link, Pn532Command.SamConfiguration, "01", response, out length));
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Transceive(link, Pn532Command.GetFirmwareVersion, "", response, out length));
            Assert.AreEqual("32 01 06 07", TestSupport.ToHex(response, 0, length));

            chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex("08 01 02 03"), CardProfile.DirectT0()));
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Transceive(link, Pn532Command.InListPassiveTarget, "01 00", response, out length));
            Assert.AreEqual("01 01 00 04 20 04 08 01 02 03 0A 78 80 80 02 80 31 80 65 B0", TestSupport.ToHex(response, 0, length));

            Assert.AreEqual((int)SmartcardStatus.Success, (int)Transceive(link, Pn532Command.InDataExchange, "01 80 10 01 F4 00 00 00", response, out length));
            Assert.AreEqual(1 + VirtualPn532.MaxDataIn, length);
            Assert.AreEqual(0x40, (int)response[0]);
        }

        private static SmartcardStatus Transceive(Pn532Link link, byte command, string parametersHex, byte[] response, out int length)
        {
            byte[] parameters = TestSupport.Hex(parametersHex);
            return link.Transceive(command, parameters, 0, parameters.Length, response, 0, response.Length, ResponseTimeoutMicros, out length);
        }
    }
}
