using System;
using System.IO;
using EmbeddedSmartCard.Boards;
using EmbeddedSmartCard.Boards.Linux;
using EmbeddedSmartCard.Boards.Simulator;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>The pn532-i2c, pn532-spi, pn532-hsu and sim:pn532 board specs: every option, clear errors, missing devices.</summary>
    [TestClass]
    public sealed class LinuxBoardSpecPn532Tests
    {
        [TestMethod]
        public void I2cSpecNamesTheBusDeviceAndTheDefaultAddress()
        {
            Pn532Spec spec = Pn532Spec.Parse("pn532-i2c:1");
            Assert.AreEqual(Pn532Bus.I2c, spec.Bus);
            Assert.AreEqual("/dev/i2c-1", spec.Device);
            Assert.AreEqual(0x24, spec.Address);
            Assert.IsNull(spec.Irq);
            Assert.IsNull(spec.Reset);
            Assert.AreEqual(500000L, spec.PollPeriodMicros);
            Assert.IsNull(spec.ReaderName);
        }

        [TestMethod]
        public void I2cAddressIsHexOrDecimal()
        {
            Assert.AreEqual(0x24, Pn532Spec.Parse("pn532-i2c:1:0x24").Address);
            Assert.AreEqual(0x25, Pn532Spec.Parse("pn532-i2c:0:0X25").Address);
            Assert.AreEqual(36, Pn532Spec.Parse("pn532-i2c:3:36,irq=4,poll=200,name=Gate").Address);
            Pn532Spec spec = Pn532Spec.Parse("pn532-i2c:3:36,irq=4,poll=200,name=Gate");
            Assert.AreEqual("/dev/i2c-3", spec.Device);
            Assert.AreEqual("0", spec.Irq.Chip);
            Assert.AreEqual(4, spec.Irq.Line);
            Assert.AreEqual(200000L, spec.PollPeriodMicros);
            Assert.AreEqual("Gate", spec.ReaderName);
        }

        [TestMethod]
        public void SpiSpecNamesSpidevAndTakesIrqAndSpeed()
        {
            Pn532Spec spec = Pn532Spec.Parse("pn532-spi:0.1,irq=gpiochip4:25,speed=5000000");
            Assert.AreEqual(Pn532Bus.Spi, spec.Bus);
            Assert.AreEqual("/dev/spidev0.1", spec.Device);
            Assert.AreEqual("gpiochip4", spec.Irq.Chip);
            Assert.AreEqual(25, spec.Irq.Line);
            Assert.IsFalse(spec.Irq.ActiveLow);
            Assert.AreEqual(5000000, spec.SpeedHz);
            Assert.AreEqual(1000000, Pn532Spec.Parse("pn532-spi:0.0").SpeedHz);
        }

        [TestMethod]
        public void HsuSpecTakesTheDeviceAndARate()
        {
            Pn532Spec spec = Pn532Spec.Parse("pn532-hsu:/dev/ttyUSB0");
            Assert.AreEqual(Pn532Bus.Hsu, spec.Bus);
            Assert.IsNull(spec.Reset);
            Assert.AreEqual("/dev/ttyUSB0", spec.Device);
            Assert.AreEqual(115200, spec.BaudRate);
            Assert.AreEqual(921600, Pn532Spec.Parse("pn532-hsu:/dev/ttyAMA0,baud=921600,name=Door").BaudRate);
        }

        [TestMethod]
        public void EveryBusTakesAnRstpdnLine()
        {
            Assert.AreEqual(17, Pn532Spec.Parse("pn532-hsu:/dev/ttyAMA0,rst=17").Reset.Line);
            Assert.AreEqual("0", Pn532Spec.Parse("pn532-i2c:1,rst=17").Reset.Chip);
            GpioSpec reset = Pn532Spec.Parse("pn532-spi:0.0,rst=gpiochip4:22,irq=25").Reset;
            Assert.AreEqual("gpiochip4", reset.Chip);
            Assert.AreEqual(22, reset.Line);
            Assert.IsFalse(reset.ActiveLow, "RSTPDN is driven at its physical level");
        }

        [TestMethod]
        public void BadPn532SpecsNameTheBadPartAndListTheValidForms()
        {
            AssertRejected("pn532-i2c:", "bus or device after 'pn532-i2c:' is missing");
            AssertRejected("pn532-i2c:one", "'one'");
            AssertRejected("pn532-i2c:1:0x80", "I2C address '0x80'");
            AssertRejected("pn532-i2c:1:0x03", "I2C address '0x03'");
            AssertRejected("pn532-i2c:1:0xZZ", "I2C address '0xZZ'");
            AssertRejected("pn532-i2c:1:2:3", "'1:2:3' is not <bus>[:<address>]");
            AssertRejected("pn532-spi:0", "'0' is not <bus>.<cs>");
            AssertRejected("pn532-spi:0.x", "'x'");
            AssertRejected("pn532-spi:0.0,irq=", "'irq='");
            AssertRejected("pn532-spi:0.0,irq=a:b:c", "'irq=a:b:c'");
            AssertRejected("pn532-hsu:/dev/ttyS0,rst=:4", "'rst=:4' is not a GPIO <line> or <chip>:<line>");
            AssertRejected("pn532-spi:0.0,speed=6000000", "5 MHz");
            AssertRejected("pn532-spi:0.0,baud=9600", "'baud' belongs to pn532-hsu only");
            AssertRejected("pn532-hsu:/dev/ttyS0,irq=4", "'irq' belongs to pn532-i2c and pn532-spi only");
            AssertRejected("pn532-hsu:/dev/ttyS0,speed=1000", "'speed' belongs to pn532-spi only");
            AssertRejected("pn532-hsu:/dev/ttyS0,baud=14400", "not a PN532 HSU rate");
            AssertRejected("pn532-hsu:/dev/ttyS0,poll=0", "'poll=0' must be above 0");
            AssertRejected("pn532-hsu:/dev/ttyS0,name=", "needs a name");
            AssertRejected("pn532-hsu:/dev/ttyS0,cd=4", "unknown option 'cd'");
            AssertRejected("pn532-hsu:/dev/ttyS0,poll", "'poll' is not key=value");
            AssertRejected("pn532-nfc:1", "pn532-nfc:1");
        }

        [TestMethod]
        public void MissingDevicesAreIoErrorsNamingThem()
        {
            string suffix = Guid.NewGuid().ToString("N").Substring(0, 6);
            AssertMissing("pn532-hsu:/dev/ttyMissing" + suffix, "/dev/ttyMissing" + suffix);
            AssertMissing("pn532-i2c:997", "/dev/i2c-997");
            AssertMissing("pn532-spi:997.3", "/dev/spidev997.3");
        }

        [TestMethod]
        public void Pn532HsuBoardOverAPtyHasOneNamedReader()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (IBoard board = BoardFactory.Create("pn532-hsu:" + pair.A + ",name=Desk NFC,poll=250"))
            {
                Assert.AreEqual(1, board.ReaderCount);
                Assert.AreEqual("Desk NFC", board.GetReaderName(0));
                Assert.IsNotNull(board.GetReader(0));
                Assert.AreEqual("pn532-hsu:" + pair.A + ",name=Desk NFC,poll=250", board.Name);
            }
        }

        [TestMethod]
        public void SimPn532AddsAContactlessReaderBesideTheContactSlot()
        {
            using (IBoard board = BoardFactory.Create("sim:pn532,taps=0:mifare1k;2000:none"))
            {
                Assert.AreEqual(2, board.ReaderCount);
                Assert.AreEqual(SimulatorBoard.ReaderName, board.GetReaderName(0));
                Assert.AreEqual(SimulatorPn532.ReaderName, board.GetReaderName(1));
            }
            using (IBoard board = BoardFactory.Create("sim:pn532"))
            {
                Assert.AreEqual(2, board.ReaderCount);
            }
        }

        [TestMethod]
        public void BadSimPn532SpecsNameTheBadPart()
        {
            AssertRejected("sim:pn532,taps=", "the tap script is empty");
            AssertRejected("sim:pn532,taps=0:felica", "unknown card 'felica'");
            AssertRejected("sim:pn532,taps=1000:mifare1k;500:none", "never decrease");
            AssertRejected("sim:pn532,taps=soon:ultralight", "'soon:ultralight' is not <ms>:<card>");
            AssertRejected("sim:pn532,poll=5", "',poll=5' is not ,taps=<script>");
        }

        internal static void AssertMissing(string spec, string device)
        {
            IOException e = Assert.ThrowsExactly<IOException>(() => BoardFactory.Create(spec), spec);
            StringAssert.Contains(e.Message, device, spec);
        }

        private static void AssertRejected(string spec, string expectedPart)
        {
            ArgumentException e = Assert.ThrowsExactly<ArgumentException>(() => BoardFactory.Create(spec), spec);
            StringAssert.Contains(e.Message, expectedPart, spec);
            StringAssert.Contains(e.Message, "pn532-i2c:<bus>[:<address>]", "the valid forms are listed for " + spec);
            StringAssert.Contains(e.Message, "sim:pn532[,taps=", "the valid forms are listed for " + spec);
        }
    }
}
