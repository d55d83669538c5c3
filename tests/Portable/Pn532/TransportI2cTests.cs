#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532
{
    /// <summary>The I2C transport (reference §3.2 "I2C") against a scripted chip.</summary>
    [TestClass]
    public class TransportI2cTests
    {
        [TestMethod]
        public void WritesTheRawFrameAndReadsStatusThenFrame()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeI2cBus bus = new FakeI2cBus(chip, clock);
            Pn532I2cTransport transport = new Pn532I2cTransport(bus, clock, null);
            chip.OnNextFrame(FakePn532.Ack());
            byte[] frame = FakePn532.CommandFrame(Pn532Command.GetFirmwareVersion, "");

            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.WriteFrame(frame, 0, frame.Length));
            byte[] buffer = new byte[16];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.ReadFrame(buffer, 0, 6, 100000, out length));

            Assert.AreEqual("00 00 FF 02 FE D4 02 2A 00", chip.HostFrameHex(0));
            Assert.AreEqual("00 00 FF 00 FF 00", TestSupport.ToHex(buffer, 0, length));
            Assert.IsFalse(chip.Ready, "a read covering the whole frame consumes it");
        }

        [TestMethod]
        public void EveryTransactionWaitsTheBusFreeTime()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeI2cBus bus = new FakeI2cBus(chip, clock);
            Pn532I2cTransport transport = new Pn532I2cTransport(bus, clock, null);
            byte[] frame = FakePn532.CommandFrame(Pn532Command.GetFirmwareVersion, "");
            byte[] buffer = new byte[16];
            int length;
            transport.WriteFrame(frame, 0, frame.Length);
            transport.ReadFrame(buffer, 0, 6, 30000, out length);

            Assert.IsTrue(bus.TransactionCount >= 4, "status polled several times");
            for (int i = 1; i < bus.TransactionCount; i++)
            {
                long gap = bus.TransactionStart(i) - bus.TransactionStart(i - 1);
                Assert.IsTrue(gap >= Pn532I2cTransport.BusFreeMicros, "gap " + gap.ToString() + " before transaction " + i.ToString());
            }
        }

        [TestMethod]
        public void WriteIsRetriedWhileTheChipNaks()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeI2cBus bus = new FakeI2cBus(chip, clock);
            Pn532I2cTransport transport = new Pn532I2cTransport(bus, clock, null);
            byte[] frame = FakePn532.CommandFrame(Pn532Command.GetFirmwareVersion, "");

            bus.NakNext(2);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.WriteFrame(frame, 0, frame.Length));
            Assert.AreEqual(1, chip.HostFrameCount);

            bus.NakNext(3);
            Assert.AreEqual((int)SmartcardStatus.IoDeviceError, (int)transport.WriteFrame(frame, 0, frame.Length));
            Assert.AreEqual(1, chip.HostFrameCount);
        }

        [TestMethod]
        public void WakeUpToleratesNaksWhileTheChipWakes()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeI2cBus bus = new FakeI2cBus(chip, clock);
            Pn532I2cTransport transport = new Pn532I2cTransport(bus, clock, null);

            bus.NakNext(4);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.WakeUp());
            bus.NakNext(1000);
            Assert.AreEqual((int)SmartcardStatus.NoSuchDevice, (int)transport.WakeUp());
        }

        [TestMethod]
        public void ReadTimesOutWithinItsBoundWhenNothingIsReady()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeI2cBus bus = new FakeI2cBus(chip, clock);
            Pn532I2cTransport transport = new Pn532I2cTransport(bus, clock, null);
            byte[] buffer = new byte[16];
            int length;

            long start = clock.NowMicros;
            Assert.AreEqual((int)SmartcardStatus.IoTimeout, (int)transport.ReadFrame(buffer, 0, 6, 50000, out length));
            long elapsed = clock.NowMicros - start;
            Assert.IsTrue(elapsed >= 50000 && elapsed < 50000 + 2 * Pn532I2cTransport.BusFreeMicros, "elapsed " + elapsed.ToString());
            Assert.AreEqual(0, length);
        }

        [TestMethod]
        public void NakedStatusReadMeansNotReadyYet()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeI2cBus bus = new FakeI2cBus(chip, clock);
            Pn532I2cTransport transport = new Pn532I2cTransport(bus, clock, null);
            chip.OnNextFrame(FakePn532.Ack());
            byte[] frame = FakePn532.CommandFrame(Pn532Command.GetFirmwareVersion, "");
            transport.WriteFrame(frame, 0, frame.Length);

            bus.NakNext(3);
            byte[] buffer = new byte[16];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.ReadFrame(buffer, 0, 6, 100000, out length));
            Assert.AreEqual("00 00 FF 00 FF 00", TestSupport.ToHex(buffer, 0, length));
        }

        [TestMethod]
        public void IrqPinReplacesStatusPolling()
        {
            FakeClock clock = new FakeClock();
            FakePn532 chip = new FakePn532();
            FakeI2cBus bus = new FakeI2cBus(chip, clock);
            FakeIrqPin irq = new FakeIrqPin(chip);
            Pn532I2cTransport transport = new Pn532I2cTransport(bus, clock, irq);
            byte[] buffer = new byte[16];
            int length;

            Assert.AreEqual((int)SmartcardStatus.IoTimeout, (int)transport.ReadFrame(buffer, 0, 6, 20000, out length));
            Assert.AreEqual(0, bus.ReadCount, "no bus traffic while IRQ is high");
            Assert.IsTrue(irq.ReadCount > 1, "IRQ sampled");

            chip.OnNextFrame(FakePn532.Ack());
            byte[] frame = FakePn532.CommandFrame(Pn532Command.GetFirmwareVersion, "");
            transport.WriteFrame(frame, 0, frame.Length);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)transport.ReadFrame(buffer, 0, 6, 20000, out length));
            Assert.AreEqual(1, bus.ReadCount, "one read transaction once IRQ is low");
        }
    }
}
