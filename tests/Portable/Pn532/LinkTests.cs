#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532
{
    /// <summary>The command exchange (reference §3.1): ACK, complete response, NACK once, ACK-abort to resynchronise.</summary>
    [TestClass]
    public class LinkTests
    {
        private const long ResponseTimeout = 350000;

        [TestMethod]
        public void CommandIsAcknowledgedAndAnswered()
        {
            Pn532Link link = NewLink(out FakePn532 chip);
            ScriptFirmwareVersion(chip);

            byte[] response = new byte[8];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)GetFirmwareVersion(link, response, out length));
            Assert.AreEqual("32 01 06 07", TestSupport.ToHex(response, 0, length));
            Assert.AreEqual(1, chip.HostFrameCount);
            Assert.AreEqual("00 00 FF 02 FE D4 02 2A 00", chip.HostFrameHex(0));
        }

        [TestMethod]
        public void ParametersGoIntoTheCommandFrame()
        {
            Pn532Link link = NewLink(out FakePn532 chip);
            chip.OnNextFrame(FakePn532.Ack(), FakePn532.Response(Pn532Command.SamConfiguration, ""));
            byte[] parameters = TestSupport.Hex("AA 01 14 01");
            int length;

            Assert.AreEqual((int)SmartcardStatus.Success, (int)link.Transceive(Pn532Command.SamConfiguration, parameters, 1, 3, new byte[4], 0, 4, ResponseTimeout, out length));
            Assert.AreEqual(0, length);
            Assert.AreEqual("00 00 FF 05 FB D4 14 01 14 01 02 00", chip.HostFrameHex(0));
        }

        [TestMethod]
        public void DamagedResponseIsNackedOnceAndTheRepeatAccepted()
        {
            Pn532Link link = NewLink(out FakePn532 chip);
            byte[] good = FakePn532.Response(Pn532Command.GetFirmwareVersion, "32 01 06 07");
            chip.OnNextFrame(FakePn532.Ack(), FakePn532.Damage(good, 8));
            chip.OnNextFrame(good);

            byte[] response = new byte[8];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)GetFirmwareVersion(link, response, out length));
            Assert.AreEqual("32 01 06 07", TestSupport.ToHex(response, 0, length));
            Assert.AreEqual(2, chip.HostFrameCount);
            Assert.AreEqual("00 00 FF FF 00 00", chip.HostFrameHex(1));
        }

        [TestMethod]
        public void DamagedTwiceAbortsAndResynchronises()
        {
            Pn532Link link = NewLink(out FakePn532 chip);
            byte[] good = FakePn532.Response(Pn532Command.GetFirmwareVersion, "32 01 06 07");
            chip.OnNextFrame(FakePn532.Ack(), FakePn532.Damage(good, 4));
            chip.OnNextFrame(FakePn532.Damage(good, 9));
            chip.OnNextFrame();

            int length;
            Assert.AreEqual((int)SmartcardStatus.DeviceProtocolError, (int)GetFirmwareVersion(link, new byte[8], out length));
            Assert.AreEqual(3, chip.HostFrameCount);
            Assert.AreEqual("00 00 FF FF 00 00", chip.HostFrameHex(1));
            Assert.AreEqual("00 00 FF 00 FF 00", chip.HostFrameHex(2));

            chip.OnNextFrame(FakePn532.Ack(), good);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)GetFirmwareVersion(link, new byte[8], out length));
        }

        [TestMethod]
        public void MissingAckIsATimeout()
        {
            FakePn532 chip = new FakePn532();
            FakeClock clock = new FakeClock();
            Pn532Link link = new Pn532Link(new FakeTransport(chip, clock));
            int length;

            Assert.AreEqual((int)SmartcardStatus.IoTimeout, (int)GetFirmwareVersion(link, new byte[8], out length));
            Assert.AreEqual(Pn532Link.DefaultAckTimeoutMicros, clock.NowMicros);
            link.AckTimeoutMicros = 20000;
            Assert.AreEqual((int)SmartcardStatus.IoTimeout, (int)GetFirmwareVersion(link, new byte[8], out length));
            Assert.AreEqual(Pn532Link.DefaultAckTimeoutMicros + 20000, clock.NowMicros);
        }

        [TestMethod]
        public void BusFailureIsReportedAsSuch()
        {
            FakePn532 chip = new FakePn532();
            FakeTransport transport = new FakeTransport(chip, new FakeClock());
            Pn532Link link = new Pn532Link(transport);
            transport.ReadFailure = SmartcardStatus.IoDeviceError;
            int length;

            Assert.AreEqual((int)SmartcardStatus.IoDeviceError, (int)GetFirmwareVersion(link, new byte[8], out length));
        }

        [TestMethod]
        public void SomethingElseThanAnAckAbortsTheCommand()
        {
            Pn532Link link = NewLink(out FakePn532 chip);
            chip.OnNextFrame(FakePn532.Nack());
            chip.OnNextFrame();
            int length;

            Assert.AreEqual((int)SmartcardStatus.DeviceProtocolError, (int)GetFirmwareVersion(link, new byte[8], out length));
            Assert.AreEqual("00 00 FF 00 FF 00", chip.HostFrameHex(1));
        }

        [TestMethod]
        public void MissingResponseTimesOutAndAborts()
        {
            FakePn532 chip = new FakePn532();
            FakeClock clock = new FakeClock();
            Pn532Link link = new Pn532Link(new FakeTransport(chip, clock));
            chip.OnNextFrame(FakePn532.Ack());
            chip.OnNextFrame();
            int length;

            Assert.AreEqual((int)SmartcardStatus.IoTimeout, (int)link.Transceive(Pn532Command.InListPassiveTarget, TestSupport.Hex("01 00"), 0, 2, new byte[64], 0, 64, ResponseTimeout, out length));
            Assert.AreEqual(ResponseTimeout, clock.NowMicros);
            Assert.AreEqual(2, chip.HostFrameCount);
            Assert.AreEqual("00 00 FF 00 FF 00", chip.HostFrameHex(1));
        }

        [TestMethod]
        public void AnswerToAnotherCommandIsAProtocolError()
        {
            Pn532Link link = NewLink(out FakePn532 chip);
            chip.OnNextFrame(FakePn532.Ack(), FakePn532.Response(Pn532Command.GetGeneralStatus, "00 00 00"));
            chip.OnNextFrame();
            int length;

            Assert.AreEqual((int)SmartcardStatus.DeviceProtocolError, (int)GetFirmwareVersion(link, new byte[8], out length));
            Assert.AreEqual("00 00 FF 00 FF 00", chip.HostFrameHex(1));
        }

        [TestMethod]
        public void SyntaxErrorFrameIsAnInvalidParameter()
        {
            Pn532Link link = NewLink(out FakePn532 chip);
            chip.OnNextFrame(FakePn532.Ack(), TestSupport.Hex("00 00 FF 01 FF 7F 81 00"));
            int length;

            Assert.AreEqual((int)SmartcardStatus.InvalidParameter, (int)link.Transceive(Pn532Command.InDataExchange, TestSupport.Hex("01"), 0, 1, new byte[8], 0, 8, ResponseTimeout, out length));
            Assert.AreEqual(1, chip.HostFrameCount);
        }

        [TestMethod]
        public void ResponseLongerThanTheCallersBufferIsRefused()
        {
            Pn532Link link = NewLink(out FakePn532 chip);
            ScriptFirmwareVersion(chip);
            chip.OnNextFrame();
            int length;

            Assert.AreEqual((int)SmartcardStatus.BufferTooSmall, (int)GetFirmwareVersion(link, new byte[3], out length));
            Assert.AreEqual(0, length);
        }

        [TestMethod]
        public void OversizedOrInconsistentRequestsSendNothing()
        {
            Pn532Link link = NewLink(out FakePn532 chip);
            int length;

            Assert.AreEqual((int)SmartcardStatus.InvalidParameter, (int)link.Transceive(Pn532Command.InDataExchange, new byte[300], 0, 264, new byte[8], 0, 8, ResponseTimeout, out length));
            Assert.AreEqual((int)SmartcardStatus.InvalidParameter, (int)link.Transceive(Pn532Command.InDataExchange, new byte[4], 2, 4, new byte[8], 0, 8, ResponseTimeout, out length));
            Assert.AreEqual((int)SmartcardStatus.InvalidParameter, (int)link.Transceive(Pn532Command.InDataExchange, null, 0, 0, null, 0, 8, ResponseTimeout, out length));
            Assert.AreEqual(0, chip.HostFrameCount);
        }

        [TestMethod]
        public void LargestCommandTravelsInAnExtendedFrame()
        {
            Pn532Link link = NewLink(out FakePn532 chip);
            byte[] parameters = new byte[263];
            parameters[0] = 0x01;
            byte[] answer = new byte[258];
            answer[0] = 0x00;
            answer[257] = 0x90;
            chip.OnNextFrame(FakePn532.Ack(), FakePn532.Response(Pn532Command.InDataExchange, answer));
            byte[] response = new byte[300];
            int length;

            Assert.AreEqual((int)SmartcardStatus.Success, (int)link.Transceive(Pn532Command.InDataExchange, parameters, 0, parameters.Length, response, 0, response.Length, ResponseTimeout, out length));
            Assert.AreEqual(258, length);
            Assert.AreEqual(0x90, (int)response[257]);
            Assert.AreEqual("00 00 FF FF FF 01 09 F6 D4 40 01", TestSupport.ToHex(chip.HostFrame(0), 0, 11));
        }

        [TestMethod]
        public void AbortSendsAnAck()
        {
            Pn532Link link = NewLink(out FakePn532 chip);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)link.Abort());
            Assert.AreEqual("00 00 FF 00 FF 00", chip.HostFrameHex(0));
        }

        [TestMethod]
        public void FirmwareVersionOverI2c()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            AssertFirmwareVersion(chip, new Pn532Link(new Pn532I2cTransport(new FakeI2cBus(chip, clock), clock, null)));
        }

        [TestMethod]
        public void FirmwareVersionOverSpi()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            AssertFirmwareVersion(chip, new Pn532Link(new Pn532SpiTransport(new FakeSpiBus(chip, clock, false), clock, null, null)));
        }

        [TestMethod]
        public void FirmwareVersionOverHsu()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            Pn532Link link = new Pn532Link(new Pn532HsuTransport(new FakeUartLine(chip, clock), clock));
            Assert.AreEqual((int)SmartcardStatus.Success, (int)link.WakeUp());
            AssertFirmwareVersion(chip, link);
        }

        [TestMethod]
        public void DamagedResponseIsRepeatedOverEachBus()
        {
            FakeClock clock = new FakeClock();
            FakePn532 i2c = new FakePn532();
            FakePn532 spi = new FakePn532();
            FakePn532 hsu = new FakePn532();
            AssertNackRecovery(i2c, new Pn532Link(new Pn532I2cTransport(new FakeI2cBus(i2c, clock), clock, null)));
            AssertNackRecovery(spi, new Pn532Link(new Pn532SpiTransport(new FakeSpiBus(spi, clock, true), clock, null, null)));
            AssertNackRecovery(hsu, new Pn532Link(new Pn532HsuTransport(new FakeUartLine(hsu, clock), clock)));
        }

        /// <summary>A link over the scripted transport to a new scripted <paramref name="chip"/>.</summary>
        private static Pn532Link NewLink(out FakePn532 chip)
        {
            chip = new FakePn532();
            return new Pn532Link(new FakeTransport(chip, new FakeClock()));
        }

        private static void ScriptFirmwareVersion(FakePn532 chip)
        {
            chip.OnNextFrame(FakePn532.Ack(), FakePn532.Response(Pn532Command.GetFirmwareVersion, "32 01 06 07"));
        }

        private static SmartcardStatus GetFirmwareVersion(Pn532Link link, byte[] response, out int length)
        {
            return link.Transceive(Pn532Command.GetFirmwareVersion, null, 0, 0, response, 0, response.Length, ResponseTimeout, out length);
        }

        private static void AssertFirmwareVersion(FakePn532 chip, Pn532Link link)
        {
            ScriptFirmwareVersion(chip);
            byte[] response = new byte[8];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)GetFirmwareVersion(link, response, out length));
            Assert.AreEqual("32 01 06 07", TestSupport.ToHex(response, 0, length));
            Assert.AreEqual("00 00 FF 02 FE D4 02 2A 00", chip.HostFrameHex(0));
            Assert.IsFalse(chip.Ready, "everything read");
        }

        private static void AssertNackRecovery(FakePn532 chip, Pn532Link link)
        {
            byte[] good = FakePn532.Response(Pn532Command.GetGeneralStatus, "00 00 00");
            chip.OnNextFrame(FakePn532.Ack(), FakePn532.Damage(good, 7));
            chip.OnNextFrame(good);
            byte[] response = new byte[8];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)link.Transceive(Pn532Command.GetGeneralStatus, null, 0, 0, response, 0, response.Length, ResponseTimeout, out length));
            Assert.AreEqual("00 00 00", TestSupport.ToHex(response, 0, length));
            Assert.AreEqual("00 00 FF FF 00 00", chip.HostFrameHex(1));
        }
    }
}
