using System;
using System.IO;
using EmbeddedSmartCard.Boards.Linux;
using EmbeddedSmartCard.Hal.Linux;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// Construction-time errors of the GPIO, SPI, I2C and PWM backends, which this machine can reach
    /// without the hardware: a missing device, or a device of the wrong kind (/dev/null refuses every
    /// ioctl). Each names the device and the errno text.
    /// </summary>
    [TestClass]
    public sealed class LinuxDeviceErrorTests
    {
        private const string NotADevice = "/dev/null";

        [TestMethod]
        public void MissingGpioChipIsNamed()
        {
            string chip = "/dev/gpiochip" + Missing();
            IOException e = Assert.ThrowsExactly<IOException>(() => new LinuxGpioOutputPin(chip, 17, false, false));
            StringAssert.Contains(e.Message, chip);
            StringAssert.Contains(e.Message, "errno 2");
        }

        [TestMethod]
        public void AChipThatRefusesTheLineRequestIsNamedWithTheLine()
        {
            IOException e = Assert.ThrowsExactly<IOException>(() => new LinuxGpioInputPin(NotADevice, 22, 1000));
            StringAssert.Contains(e.Message, "line 22 of " + NotADevice);
        }

        [TestMethod]
        public void GpioChipNamesExpandToDevicePaths()
        {
            Assert.AreEqual("/dev/gpiochip0", GpioLine.ChipPathOf("0"));
            Assert.AreEqual("/dev/gpiochip4", GpioLine.ChipPathOf("gpiochip4"));
            Assert.AreEqual("/dev/gpiochip1", GpioLine.ChipPathOf("/dev/gpiochip1"));
        }

        [TestMethod]
        public void SpiDeviceErrorsNameTheDevice()
        {
            string missing = "/dev/spidev9." + Missing();
            StringAssert.Contains(Assert.ThrowsExactly<IOException>(() => new LinuxSpiDevice(missing, 0, 1000000, true)).Message, missing);
            StringAssert.Contains(Assert.ThrowsExactly<IOException>(() => new LinuxSpiDevice(NotADevice, 0, 1000000, true)).Message, "SPI mode 0 on " + NotADevice);
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LinuxSpiDevice(NotADevice, 4, 1000000, true));
        }

        [TestMethod]
        public void I2cDeviceErrorsNameTheBusAndAddress()
        {
            Assert.AreEqual("/dev/i2c-1", LinuxI2cDevice.BusPathOf("1"));
            Assert.AreEqual("/dev/i2c-1", LinuxI2cDevice.BusPathOf("i2c-1"));
            IOException e = Assert.ThrowsExactly<IOException>(() => new LinuxI2cDevice(NotADevice, 0x24));
            StringAssert.Contains(e.Message, "0x24 on " + NotADevice);
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LinuxI2cDevice("1", 0x80));
        }

        [TestMethod]
        public void MissingPwmChipSaysHowToEnableIt()
        {
            IOException e = Assert.ThrowsExactly<IOException>(() => new LinuxPwmClock(97, 0));
            StringAssert.Contains(e.Message, "/sys/class/pwm/pwmchip97");
        }

        [TestMethod]
        public void ABoardWhoseCardDetectChipIsMissingFailsNamingIt()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            {
                string chip = "/dev/gpiochip" + Missing();
                IOException e = Assert.ThrowsExactly<IOException>(() => BoardFactory.Create("uart-card:" + pair.A + ",cd=gpio:" + chip + ":4"));
                StringAssert.Contains(e.Message, chip);
            }
        }

        private static string Missing()
        {
            return "9" + Guid.NewGuid().ToString("N").Substring(0, 4);
        }
    }
}
