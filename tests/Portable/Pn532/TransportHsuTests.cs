#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.Pn532
{
    /// <summary>The HSU transport (reference §3.2 "HSU") against a scripted chip on a fake UART.</summary>
    [TestClass]
    public class TransportHsuTests
    {
        [TestMethod]
        public void LineStartsAt115200EightNOne()
        {
            FakeClock clock = new FakeClock();
            FakeUartLine line = new FakeUartLine(new FakePn532(), clock);
            Pn532HsuTransport transport = new Pn532HsuTransport(line, clock);
            Assert.AreEqual(115200, line.BaudRate);
            Assert.AreEqual((int)UartParity.None, (int)line.Parity);
            Assert.AreEqual((int)UartStopBits.One, (int)line.StopBits);

            transport.SetBaudRate(921600);
            Assert.AreEqual(921600, line.BaudRate);
        }

        [TestMethod]
        public void WakeUpSendsTheLongPreamble()
        {
            FakeClock clock = new FakeClock();
            FakeUartLine line = new FakeUartLine(new FakePn532(), clock);
            Pn532HsuTransport transport = new Pn532HsuTransport(line, clock);

            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.WakeUp());
            Assert.AreEqual("55 55 00 00 00 00 00 00 00 00 00 00 00 00 00 00", line.Preamble);
            Assert.IsTrue(clock.NowMicros >= Pn532HsuTransport.WakeUpDelayMicros, "waits for the chip");
        }

        [TestMethod]
        public void ReceiveSideIsFlushedBeforeEachFrame()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeUartLine line = new FakeUartLine(chip, clock);
            Pn532HsuTransport transport = new Pn532HsuTransport(line, clock);
            line.Inject("00 00 FF 00 FF 00 D5 03");
            chip.OnNextFrame(FakePn532.Ack());
            byte[] frame = FakePn532.CommandFrame(Pn532Command.GetFirmwareVersion, "");

            transport.WriteFrame(frame, 0, frame.Length);
            Assert.AreEqual(6, line.Pending, "only the chip's fresh ACK is left");
            Assert.AreEqual("00 00 FF 02 FE D4 02 2A 00", chip.HostFrameHex(0));
        }

        [TestMethod]
        public void FramesAreReadByteExactlyPastLineNoise()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeUartLine line = new FakeUartLine(chip, clock);
            Pn532HsuTransport transport = new Pn532HsuTransport(line, clock);
            chip.OnNextFrame(FakePn532.Ack(), FakePn532.Response(Pn532Command.GetFirmwareVersion, "32 01 06 07"));
            byte[] frame = FakePn532.CommandFrame(Pn532Command.GetFirmwareVersion, "");
            transport.WriteFrame(frame, 0, frame.Length);
            byte[] buffer = new byte[Pn532Frame.MaxFrameLength];
            int length;

            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.ReadFrame(buffer, 0, 6, 100000, out length));
            Assert.AreEqual("00 00 FF 00 FF 00", TestSupport.ToHex(buffer, 0, length));
            Assert.AreEqual(13, line.Pending, "the response stays in the line");

            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.ReadFrame(buffer, 0, buffer.Length, 100000, out length));
            Assert.AreEqual("00 00 FF 06 FA D5 03 32 01 06 07 E8 00", TestSupport.ToHex(buffer, 0, length));
            Assert.AreEqual(0, line.Pending);
        }

        [TestMethod]
        public void SilentChipTimesOutWithinTheBound()
        {
            FakeClock clock = new FakeClock();
            FakeUartLine line = new FakeUartLine(new FakePn532(), clock);
            Pn532HsuTransport transport = new Pn532HsuTransport(line, clock);
            line.Inject("00 00 FF 06");
            byte[] buffer = new byte[Pn532Frame.MaxFrameLength];
            int length;

            Assert.AreEqual((int)SmartcardStatus.IoTimeout, (int)transport.ReadFrame(buffer, 0, buffer.Length, 89000, out length));
            Assert.AreEqual(89000L, clock.NowMicros);
        }
    }
}
