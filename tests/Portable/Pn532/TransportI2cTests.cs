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
            ScriptedI2cChip rig = new ScriptedI2cChip(false);
            rig.Chip.OnNextFrame(FakePn532.Ack());

            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.WriteGetFirmwareVersion());
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.ReadFrame(100000, out length));

            Assert.AreEqual("00 00 FF 02 FE D4 02 2A 00", rig.Chip.HostFrameHex(0));
            Assert.AreEqual("00 00 FF 00 FF 00", TestSupport.ToHex(rig.Buffer, 0, length));
            Assert.IsFalse(rig.Chip.Ready, "a read covering the whole frame consumes it");
        }

        [TestMethod]
        public void EveryTransactionWaitsTheBusFreeTime()
        {
            ScriptedI2cChip rig = new ScriptedI2cChip(false);
            int length;
            rig.WriteGetFirmwareVersion();
            rig.ReadFrame(30000, out length);

            Assert.IsTrue(rig.Bus.TransactionCount >= 4, "status polled several times");
            for (int i = 1; i < rig.Bus.TransactionCount; i++)
            {
                long gap = rig.Bus.TransactionStart(i) - rig.Bus.TransactionStart(i - 1);
                Assert.IsTrue(gap >= Pn532I2cTransport.BusFreeMicros, "gap " + gap.ToString() + " before transaction " + i.ToString());
            }
        }

        [TestMethod]
        public void WriteIsRetriedWhileTheChipNaks()
        {
            ScriptedI2cChip rig = new ScriptedI2cChip(false);

            rig.Bus.NakNext(2);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.WriteGetFirmwareVersion());
            Assert.AreEqual(1, rig.Chip.HostFrameCount);

            rig.Bus.NakNext(3);
            Assert.AreEqual((int)SmartcardStatus.IoDeviceError, (int)rig.WriteGetFirmwareVersion());
            Assert.AreEqual(1, rig.Chip.HostFrameCount);
        }

        [TestMethod]
        public void WakeUpToleratesNaksWhileTheChipWakes()
        {
            ScriptedI2cChip rig = new ScriptedI2cChip(false);

            rig.Bus.NakNext(4);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.Transport.WakeUp());
            rig.Bus.NakNext(1000);
            Assert.AreEqual((int)SmartcardStatus.NoSuchDevice, (int)rig.Transport.WakeUp());
        }

        [TestMethod]
        public void ReadTimesOutWithinItsBoundWhenNothingIsReady()
        {
            ScriptedI2cChip rig = new ScriptedI2cChip(false);
            int length;

            long start = rig.Clock.NowMicros;
            Assert.AreEqual((int)SmartcardStatus.IoTimeout, (int)rig.ReadFrame(50000, out length));
            long elapsed = rig.Clock.NowMicros - start;
            Assert.IsTrue(elapsed >= 50000 && elapsed < 50000 + 2 * Pn532I2cTransport.BusFreeMicros, "elapsed " + elapsed.ToString());
            Assert.AreEqual(0, length);
        }

        [TestMethod]
        public void NakedStatusReadMeansNotReadyYet()
        {
            ScriptedI2cChip rig = new ScriptedI2cChip(false);
            rig.Chip.OnNextFrame(FakePn532.Ack());
            rig.WriteGetFirmwareVersion();

            rig.Bus.NakNext(3);
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.ReadFrame(100000, out length));
            Assert.AreEqual("00 00 FF 00 FF 00", TestSupport.ToHex(rig.Buffer, 0, length));
        }

        [TestMethod]
        public void IrqPinReplacesStatusPolling()
        {
            ScriptedI2cChip rig = new ScriptedI2cChip(true);
            int length;

            Assert.AreEqual((int)SmartcardStatus.IoTimeout, (int)rig.ReadFrame(20000, out length));
            Assert.AreEqual(0, rig.Bus.ReadCount, "no bus traffic while IRQ is high");
            Assert.IsTrue(rig.Irq.ReadCount > 1, "IRQ sampled");

            rig.Chip.OnNextFrame(FakePn532.Ack());
            rig.WriteGetFirmwareVersion();
            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.ReadFrame(20000, out length));
            Assert.AreEqual(1, rig.Bus.ReadCount, "one read transaction once IRQ is low");
        }

        /// <summary>A scripted chip on a fake I2C bus behind the transport under test, with or without the IRQ line.</summary>
        private sealed class ScriptedI2cChip
        {
            /// <summary>An ACK frame is six bytes; every read here asks for exactly that.</summary>
            private const int AckLength = 6;

            public readonly FakeClock Clock = new FakeClock();
            public readonly FakePn532 Chip = new FakePn532();
            public readonly FakeI2cBus Bus;
            public readonly FakeIrqPin Irq;
            public readonly Pn532I2cTransport Transport;
            public readonly byte[] Buffer = new byte[16];
            private readonly byte[] getFirmwareVersion = FakePn532.CommandFrame(Pn532Command.GetFirmwareVersion, "");

            public ScriptedI2cChip(bool withIrq)
            {
                Bus = new FakeI2cBus(Chip, Clock);
                Irq = withIrq ? new FakeIrqPin(Chip) : null;
                Transport = new Pn532I2cTransport(Bus, Clock, Irq);
            }

            public SmartcardStatus WriteGetFirmwareVersion()
            {
                return Transport.WriteFrame(getFirmwareVersion, 0, getFirmwareVersion.Length);
            }

            public SmartcardStatus ReadFrame(long timeoutMicros, out int length)
            {
                return Transport.ReadFrame(Buffer, 0, AckLength, timeoutMicros, out length);
            }
        }
    }
}
