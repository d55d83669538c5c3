#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532
{
    /// <summary>The SPI transport (reference §3.2 "SPI") against a scripted chip, with LSB-first and MSB-only controllers.</summary>
    [TestClass]
    public class TransportSpiTests
    {
        [TestMethod]
        public void MsbOnlyControllerGetsBitsReversedInSoftware()
        {
            ExchangeFirmwareVersion(false);
        }

        [TestMethod]
        public void LsbFirstControllerSendsBytesAsTheyAre()
        {
            ExchangeFirmwareVersion(true);
        }

        [TestMethod]
        public void ResponseIsReadInChunksUpToItsLastByte()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeSpiBus bus = new FakeSpiBus(chip, clock, false);
            Pn532SpiTransport transport = new Pn532SpiTransport(bus, clock, null, null);
            chip.OnNextFrame(FakePn532.Response(Pn532Command.GetFirmwareVersion, "32 01 06 07"), FakePn532.Ack());
            byte[] frame = FakePn532.CommandFrame(Pn532Command.GetFirmwareVersion, "");
            transport.WriteFrame(frame, 0, frame.Length);

            byte[] buffer = new byte[Pn532Frame.MaxFrameLength];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.ReadFrame(buffer, 0, buffer.Length, 100000, out length));
            Assert.AreEqual("00 00 FF 06 FA D5 03 32 01 06 07 E8 00", TestSupport.ToHex(buffer, 0, length));
            Assert.AreEqual(2, bus.CountOperations(Pn532SpiTransport.DataRead), "header chunk, then the rest");
            Assert.IsTrue(chip.Ready, "the next frame is untouched");
            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.ReadFrame(buffer, 0, buffer.Length, 100000, out length));
            Assert.AreEqual("00 00 FF 00 FF 00", TestSupport.ToHex(buffer, 0, length));
        }

        [TestMethod]
        public void ExtendedFrameTakesThreeChunks()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeSpiBus bus = new FakeSpiBus(chip, clock, true);
            Pn532SpiTransport transport = new Pn532SpiTransport(bus, clock, null, null);
            byte[] data = new byte[260];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)(255 - i);
            }

            byte[] response = FakePn532.Response(Pn532Command.InDataExchange, data);
            chip.OnNextFrame(response);
            byte[] command = FakePn532.CommandFrame(Pn532Command.InDataExchange, "01 00 B0 00 00 00");
            transport.WriteFrame(command, 0, command.Length);
            byte[] buffer = new byte[Pn532Frame.MaxFrameLength];
            int length;

            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.ReadFrame(buffer, 0, buffer.Length, 100000, out length));
            Assert.AreEqual(response.Length, length);
            TestSupport.AreEqualBytes(response, buffer, 0, length);
            Assert.AreEqual(3, bus.CountOperations(Pn532SpiTransport.DataRead));
        }

        [TestMethod]
        public void FrameLongerThanTheCapacityIsRefused()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeSpiBus bus = new FakeSpiBus(chip, clock, true);
            Pn532SpiTransport transport = new Pn532SpiTransport(bus, clock, null, null);
            chip.OnNextFrame(FakePn532.Response(Pn532Command.GetFirmwareVersion, "32 01 06 07"));
            byte[] command = FakePn532.CommandFrame(Pn532Command.GetFirmwareVersion, "");
            transport.WriteFrame(command, 0, command.Length);
            byte[] buffer = new byte[Pn532Frame.MaxFrameLength];
            int length;

            Assert.AreEqual((int)SmartcardStatus.BufferTooSmall, (int)transport.ReadFrame(buffer, 0, 10, 100000, out length));
        }

        [TestMethod]
        public void StatusIsPolledUntilTheDeadline()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeSpiBus bus = new FakeSpiBus(chip, clock, false);
            Pn532SpiTransport transport = new Pn532SpiTransport(bus, clock, null, null);
            byte[] buffer = new byte[16];
            int length;

            Assert.AreEqual((int)SmartcardStatus.IoTimeout, (int)transport.ReadFrame(buffer, 0, 6, 20000, out length));
            Assert.IsTrue(clock.NowMicros >= 20000 && clock.NowMicros < 20000 + Pn532SpiTransport.StatusPollMicros + 100, "bounded");
            Assert.IsTrue(bus.CountOperations(Pn532SpiTransport.StatusRead) > 10, "SR polled");
            Assert.AreEqual(0, bus.CountOperations(Pn532SpiTransport.DataRead));
        }

        [TestMethod]
        public void OwnChipSelectIsHeldLowForItsSetUpTime()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeSpiBus bus = new FakeSpiBus(chip, clock, true);
            FakeOutputPin chipSelect = new FakeOutputPin(clock);
            FakeIrqPin irq = new FakeIrqPin(chip);
            Pn532SpiTransport transport = new Pn532SpiTransport(bus, clock, irq, chipSelect);
            Assert.IsTrue(chipSelect.Value, "idle high");
            chip.OnNextFrame(FakePn532.Ack());
            byte[] frame = FakePn532.CommandFrame(Pn532Command.GetFirmwareVersion, "");
            transport.WriteFrame(frame, 0, frame.Length);
            byte[] buffer = new byte[16];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.ReadFrame(buffer, 0, 6, 100000, out length));

            Assert.AreEqual(0, bus.CountOperations(Pn532SpiTransport.StatusRead), "IRQ instead of SR");
            Assert.AreEqual(2, bus.TransferCount);
            for (int t = 0; t < bus.TransferCount; t++)
            {
                int low = 1 + 2 * t;
                Assert.IsFalse(chipSelect.Level(low), "low before transfer " + t.ToString());
                Assert.IsTrue(bus.TransferStart(t) - chipSelect.Time(low) >= Pn532SpiTransport.ChipSelectSetupMicros, "set-up time");
                Assert.IsTrue(chipSelect.Level(low + 1), "high after transfer " + t.ToString());
            }
        }

        [TestMethod]
        public void WakeUpHoldsChipSelectLow()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeSpiBus bus = new FakeSpiBus(chip, clock, true);
            FakeOutputPin chipSelect = new FakeOutputPin(clock);
            Pn532SpiTransport transport = new Pn532SpiTransport(bus, clock, null, chipSelect);

            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.WakeUp());
            Assert.AreEqual(3, chipSelect.WriteCount);
            Assert.IsTrue(chipSelect.Time(2) - chipSelect.Time(1) >= Pn532SpiTransport.WakeUpHoldMicros, "held low");
        }

        private static void ExchangeFirmwareVersion(bool lsbFirst)
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeSpiBus bus = new FakeSpiBus(chip, clock, lsbFirst);
            Pn532SpiTransport transport = new Pn532SpiTransport(bus, clock, null, null);
            chip.OnNextFrame(FakePn532.Ack());
            byte[] frame = FakePn532.CommandFrame(Pn532Command.GetFirmwareVersion, "");

            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.WriteFrame(frame, 0, frame.Length));
            Assert.AreEqual(lsbFirst ? 0x01 : 0x80, (int)bus.LastWireByte, "DW on the wire");
            byte[] buffer = new byte[16];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.ReadFrame(buffer, 0, 6, 100000, out length));

            Assert.AreEqual("00 00 FF 02 FE D4 02 2A 00", chip.HostFrameHex(0));
            Assert.AreEqual("00 00 FF 00 FF 00", TestSupport.ToHex(buffer, 0, length));
            Assert.AreEqual(Pn532SpiTransport.DataWrite, bus.Operation(0));
            Assert.AreEqual(Pn532SpiTransport.StatusRead, bus.Operation(1));
            Assert.AreEqual(Pn532SpiTransport.DataRead, bus.Operation(bus.TransferCount - 1));
            Assert.IsFalse(chip.Ready, "ACK read completely");
        }
    }
}
