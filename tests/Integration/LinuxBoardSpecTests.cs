using System;
using System.IO;
using EmbeddedSmartCard.Boards;
using EmbeddedSmartCard.Boards.Linux;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>The board spec grammar of boards/Linux: every option, and clear errors for bad specs.</summary>
    [TestClass]
    public sealed class LinuxBoardSpecTests
    {
        [TestMethod]
        public void ParsesEveryOption()
        {
            UartCardSpec spec = UartCardSpec.Parse(
                "uart-card:/dev/ttyAMA0,clock=4000000,rst=gpio:0:17,vcc=gpio:gpiochip0:27:active-low,cd=gpio:/dev/gpiochip0:22:active-low,clk=pwm:0:1,echo=1,maxbaud=57600,name=Door");
            Assert.AreEqual("/dev/ttyAMA0", spec.Device);
            Assert.AreEqual(4000000, spec.ClockHz);
            Assert.AreEqual(ResetWiring.Gpio, spec.Reset);
            Assert.AreEqual("0", spec.ResetGpio.Chip);
            Assert.AreEqual(17, spec.ResetGpio.Line);
            Assert.IsFalse(spec.ResetGpio.ActiveLow);
            Assert.AreEqual("gpiochip0", spec.Vcc.Chip);
            Assert.AreEqual(27, spec.Vcc.Line);
            Assert.IsTrue(spec.Vcc.ActiveLow);
            Assert.AreEqual("/dev/gpiochip0", spec.CardDetect.Chip);
            Assert.IsTrue(spec.CardDetect.ActiveLow);
            Assert.AreEqual(0, spec.PwmChip);
            Assert.AreEqual(1, spec.PwmChannel);
            Assert.IsTrue(spec.Echo);
            Assert.AreEqual(57600, spec.MaxBaudRate);
            Assert.AreEqual("Door", spec.ReaderName);
        }

        [TestMethod]
        public void DefaultsAreAnInBandResetNoEchoAndTheStandardClock()
        {
            UartCardSpec spec = UartCardSpec.Parse("uart-card:/tmp/ptyA");
            Assert.AreEqual("/tmp/ptyA", spec.Device);
            Assert.AreEqual(ResetWiring.InBand, spec.Reset);
            Assert.AreEqual(3571200, spec.ClockHz);
            Assert.IsNull(spec.Vcc);
            Assert.IsNull(spec.CardDetect);
            Assert.AreEqual(-1, spec.PwmChip);
            Assert.IsFalse(spec.Echo);
            Assert.IsNull(spec.ReaderName);
        }

        [TestMethod]
        public void RtsResetForms()
        {
            Assert.AreEqual(ResetWiring.Rts, UartCardSpec.Parse("uart-card:/dev/ttyUSB0,rst=rts").Reset);
            Assert.AreEqual(ResetWiring.RtsInverted, UartCardSpec.Parse("uart-card:/dev/ttyUSB0,rst=rts-inverted").Reset);
            Assert.AreEqual(ResetWiring.InBand, UartCardSpec.Parse("uart-card:/dev/ttyUSB0,rst=rts,rst=none").Reset);
        }

        [TestMethod]
        public void BadSpecsNameTheBadPartAndListTheValidForms()
        {
            AssertRejected("bogus", "bogus");
            AssertRejected("", "''");
            AssertRejected("uart-card:", "serial device is missing");
            AssertRejected("uart-card:/dev/ttyS0,speed=9600", "unknown option 'speed'");
            AssertRejected("uart-card:/dev/ttyS0,echo", "'echo' is not key=value");
            AssertRejected("uart-card:/dev/ttyS0,echo=yes", "'echo=yes' must be 0 or 1");
            AssertRejected("uart-card:/dev/ttyS0,clock=fast", "'fast'");
            AssertRejected("uart-card:/dev/ttyS0,clock=0", "'clock=0' must be above 0");
            AssertRejected("uart-card:/dev/ttyS0,rst=gpio:0", "'rst=gpio:0'");
            AssertRejected("uart-card:/dev/ttyS0,rst=gpio:0:17:active-high", "'rst=gpio:0:17:active-high'");
            AssertRejected("uart-card:/dev/ttyS0,cd=pin:4", "'cd=pin:4'");
            AssertRejected("uart-card:/dev/ttyS0,clk=pwm:0", "'clk=pwm:0'");
            AssertRejected("uart-card:/dev/ttyS0,maxbaud=-5", "'-5'");
            AssertRejected("uart-card:/dev/ttyS0,name=", "needs a name");
        }

        [TestMethod]
        public void AMissingSerialDeviceIsAnIoErrorNamingIt()
        {
            string missing = "/dev/ttyMissing" + Guid.NewGuid().ToString("N").Substring(0, 6);
            IOException e = Assert.ThrowsExactly<IOException>(() => BoardFactory.Create("uart-card:" + missing + ",rst=none"));
            StringAssert.Contains(e.Message, missing);
        }

        [TestMethod]
        public void UartCardBoardOverAPtyHasOneNamedReader()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (IBoard board = BoardFactory.Create("uart-card:" + pair.A + ",rst=none,name=Pty reader"))
            {
                Assert.AreEqual(1, board.ReaderCount);
                Assert.AreEqual("Pty reader", board.GetReaderName(0));
                Assert.IsNotNull(board.GetReader(0));
                Assert.AreEqual("uart-card:" + pair.A + ",rst=none,name=Pty reader", board.Name);
            }
        }

        private static void AssertRejected(string spec, string expectedPart)
        {
            ArgumentException e = Assert.ThrowsExactly<ArgumentException>(() => BoardFactory.Create(spec), spec);
            StringAssert.Contains(e.Message, expectedPart, spec);
            StringAssert.Contains(e.Message, "uart-card:<device>", "the valid forms are listed for " + spec);
        }
    }
}
