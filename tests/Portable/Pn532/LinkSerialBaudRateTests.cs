#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532
{
    /// <summary>SetSerialBaudRate over HSU (reference §3.2): command, response, host ACK, then the switch.</summary>
    [TestClass]
    public class LinkSerialBaudRateTests
    {
        [TestMethod]
        public void EveryRateOfTheTableHasItsCode()
        {
            Assert.AreEqual(0x00, Pn532SerialBaudRate.Code(9600));
            Assert.AreEqual(0x04, Pn532SerialBaudRate.Code(115200));
            Assert.AreEqual(0x07, Pn532SerialBaudRate.Code(921600));
            Assert.AreEqual(0x08, Pn532SerialBaudRate.Code(1288000));
            Assert.AreEqual(-1, Pn532SerialBaudRate.Code(14400));
        }

        [TestMethod]
        public void HostSwitchesAfterAcknowledgingTheResponse()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeUartLine line = new FakeUartLine(chip, clock);
            Pn532HsuTransport transport = new Pn532HsuTransport(line, clock);
            Pn532Link link = new Pn532Link(transport);
            chip.OnNextFrame(FakePn532.Ack(), FakePn532.Response(Pn532Command.SetSerialBaudRate, ""));
            chip.OnNextFrame();

            Assert.AreEqual((int)SmartcardStatus.Success, (int)Pn532SerialBaudRate.Change(link, transport, 460800));
            Assert.AreEqual("00 00 FF 03 FD D4 10 06 16 00", chip.HostFrameHex(0));
            Assert.AreEqual("00 00 FF 00 FF 00", chip.HostFrameHex(1));
            Assert.AreEqual(460800, line.BaudRate);
        }

        [TestMethod]
        public void FailedCommandOrUnknownRateKeepsTheOldRate()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeUartLine line = new FakeUartLine(chip, clock);
            Pn532HsuTransport transport = new Pn532HsuTransport(line, clock);
            Pn532Link link = new Pn532Link(transport);

            Assert.AreEqual((int)SmartcardStatus.InvalidParameter, (int)Pn532SerialBaudRate.Change(link, transport, 14400));
            Assert.AreEqual(0, chip.HostFrameCount);
            Assert.AreEqual((int)SmartcardStatus.IoTimeout, (int)Pn532SerialBaudRate.Change(link, transport, 921600));
            Assert.AreEqual(Pn532HsuTransport.DefaultBaudRate, line.BaudRate);
        }
    }
}
