using System;
using System.IO;
using EmbeddedSmartCard.Boards;
using EmbeddedSmartCard.Boards.Linux;
using EmbeddedSmartCard.Boards.Profiles;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// Board profiles through BoardFactory on Linux: "--board &lt;profile&gt;[,key=value…]" and "--board &lt;file&gt;.conf"
    /// parse end to end into LinuxHardware, the device each profile names is the one opened (a missing one is an
    /// IOException naming it), bad keys and values list the valid forms, and a profile whose parts exist builds
    /// a working reader (the PN532 over HSU on a pseudo-terminal, served by `scard simulate pn532`).
    /// </summary>
    [TestClass]
    public sealed class LinuxBoardProfileTests
    {
        /// <summary>Unwires every GPIO of a Raspberry Pi PN532 profile, so that only its bus device is opened.</summary>
        private const string NoGpio = ",rst=none,relay=none,led.green=none,led.red=none,buzzer=none";

        /// <summary>Unwires every GPIO line of rpi-contact (RST, VCC, card detect, door outputs); CLK stays on PWM0.</summary>
        private const string ContactWithoutGpio = NoGpio + ",vcc=none,detect=none";

        /// <summary>Bound for a scard process on a loaded two-core machine; a passing test never waits it out.</summary>
        private const int ExitTimeoutMillis = 120000;

        [TestMethod]
        public void EachRaspberryPiProfileOpensTheDeviceItNames()
        {
            LinuxBoardSpecPn532Tests.AssertMissing("rpi-pn532-i2c,i2c.bus=991" + NoGpio + ",irq=none", "/dev/i2c-991");
            LinuxBoardSpecPn532Tests.AssertMissing("rpi-pn532-spi,spi.bus=992,spi.cs=1" + NoGpio + ",irq=none", "/dev/spidev992.1");
            string tty = MissingTty();
            LinuxBoardSpecPn532Tests.AssertMissing("rpi-pn532-hsu,uart=" + tty + NoGpio, tty);
            LinuxBoardSpecPn532Tests.AssertMissing("rpi-contact,uart=" + tty, tty);
        }

        [TestMethod]
        public void GpioLinesAreOpenedOnTheProfilesGpioChip()
        {
            // The UART opens first (a pty here), then RSTPDN on the chip gpiochip= names.
            using (PtyPair pair = LinuxUartTests.StartPair())
            {
                LinuxBoardSpecPn532Tests.AssertMissing("rpi-pn532-hsu,uart=" + pair.A + ",gpiochip=97", "/dev/gpiochip97");
            }
        }

        [TestMethod]
        public void ContactProfileTakesItsClockFromPwm0OnGpio18()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            {
                LinuxBoardSpecPn532Tests.AssertMissing("rpi-contact,uart=" + pair.A + ContactWithoutGpio, "/sys/class/pwm/pwmchip0");
                ArgumentException e = Assert.ThrowsExactly<ArgumentException>(() => BoardFactory.Create("rpi-contact,uart=" + pair.A + ContactWithoutGpio + ",clk=17"));
                StringAssert.Contains(e.Message, "GPIO17 cannot carry a PWM clock");
                StringAssert.Contains(e.Message, RaspberryPiPwm.Pins);
            }
        }

        [TestMethod]
        public void PwmChannelsFollowTheBcmAlternateFunctions()
        {
            Assert.AreEqual(0, RaspberryPiPwm.ChannelOf(12));
            Assert.AreEqual(0, RaspberryPiPwm.ChannelOf(18));
            Assert.AreEqual(1, RaspberryPiPwm.ChannelOf(13));
            Assert.AreEqual(1, RaspberryPiPwm.ChannelOf(19));
        }

        [TestMethod]
        public void ContactProfileWithAnOscillatorOverAPtyHasOneNamedReader()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (IBoard board = BoardFactory.Create("rpi-contact,uart=" + pair.A + ContactWithoutGpio + ",clk=none,clock=4000000"))
            {
                Assert.AreEqual(1, board.ReaderCount);
                Assert.AreEqual("ISO 7816 UART Reader", board.GetReaderName(0));
                Assert.AreEqual(4000000, ((ProfileBoard)board).Profile.Contact.ClockHz);
            }
        }

        [TestMethod]
        public void UnknownKeysAndBadValuesListTheValidKeysAndForms()
        {
            ArgumentException unknown = AssertRejected("rpi-pn532-i2c,colour=blue", "unknown setting 'colour'");
            StringAssert.Contains(unknown.Message, ProfileSettings.Keys);
            AssertRejected("rpi-pn532-i2c,poll=soon", "poll=soon");
            AssertRejected("rpi-pn532-i2c,relay=GPIO5", "relay=GPIO5");
            AssertRejected("rpi-pn532-i2c,spi.hz=1000000", "is not on SPI");
            AssertRejected("rpi-contact,irq=25", "has no PN532");
            AssertRejected("rpi-pn532-spi,detect=22", "has no contact socket");
            AssertRejected("rpi-pn532-i2c,poll", "expected key=value");
        }

        [TestMethod]
        public void NanoFrameworkProfilesAreRefusedOnLinux()
        {
            AssertRejected("esp32-pn532-spi", "profile esp32-pn532-spi is for nanoframework");
            AssertRejected("stm32f769i-disco-contact,poll=100", "profile stm32f769i-disco-contact is for nanoframework");
        }

        [TestMethod]
        public void UnknownBoardSpecsListTheProfiles()
        {
            AssertRejected("rpi-pn532-usb", "unknown board spec 'rpi-pn532-usb'");
        }

        [TestMethod]
        public void ConfigFileAppliesItsSettingsToItsProfile()
        {
            string path = WriteConfig("# the door's reader\nprofile = rpi-pn532-i2c\n\ni2c.bus = 993   # moved to an extra bus\nirq = none\nrst = none\n"
                + "relay = none\nled.green = none\nled.red = none\nbuzzer = none\n");
            try
            {
                LinuxBoardSpecPn532Tests.AssertMissing(path, "/dev/i2c-993");
            }
            finally
            {
                File.Delete(path);
            }
        }

        [TestMethod]
        public void BadConfigFilesNameTheFileAndTheLine()
        {
            string path = WriteConfig("profile = rpi-contact\nclock = fast\n");
            try
            {
                ArgumentException e = Assert.ThrowsExactly<ArgumentException>(() => BoardFactory.Create(path));
                StringAssert.Contains(e.Message, path);
                StringAssert.Contains(e.Message, "config line 2");
                StringAssert.Contains(e.Message, "clock=fast");
            }
            finally
            {
                File.Delete(path);
            }
        }

        [TestMethod]
        public void AMissingConfigFileIsAnIoErrorNamingIt()
        {
            string path = Path.Combine(Path.GetTempPath(), "no-such-board-" + Suffix() + ".conf");
            IOException e = Assert.ThrowsExactly<FileNotFoundException>(() => BoardFactory.Create(path));
            StringAssert.Contains(e.Message, path);
        }

        [TestMethod]
        public void Pn532HsuProfileOverAPtyHasOneNamedReaderAndNoDoorOutputs()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (IBoard board = BoardFactory.Create("rpi-pn532-hsu,uart=" + pair.A + NoGpio + ",name=Door NFC,poll=250"))
            {
                ProfileBoard profileBoard = (ProfileBoard)board;
                Assert.AreEqual("rpi-pn532-hsu", board.Name);
                Assert.AreEqual(1, board.ReaderCount);
                Assert.AreEqual("Door NFC", board.GetReaderName(0));
                Assert.AreEqual(250, profileBoard.Profile.PollMillis);
                Assert.IsNull(profileBoard.GetOutput(OutputRole.Relay), "relay=none unwires the strike");
            }
        }

        [TestMethod]
        public void ScardListReadsTheCardThroughAProfileSpec()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (PtyToolProcess simulator = Pn532PtyTests.StartSimulator(pair.B, "iso14443-4"))
            {
                string output = Pn532PtyTests.RunToEnd(simulator, "list", "--board", "rpi-pn532-hsu,uart=" + pair.A + NoGpio + ",name=Door NFC");
                AssertListsTheIsoCard(output);
            }
        }

        [TestMethod]
        public void ScardListReadsTheCardThroughAConfigFile()
        {
            using (PtyPair pair = LinuxUartTests.StartPair())
            using (PtyToolProcess simulator = Pn532PtyTests.StartSimulator(pair.B, "iso14443-4"))
            {
                string path = WriteConfig("profile = rpi-pn532-hsu\nuart = " + pair.A + "\n" + NoGpio.Substring(1).Replace(",", "\n") + "\nname = Door NFC\n");
                try
                {
                    AssertListsTheIsoCard(Pn532PtyTests.RunToEnd(simulator, "list", "--board", path));
                }
                finally
                {
                    File.Delete(path);
                }
            }
        }

        [TestMethod]
        public void ScardExitsOneNamingAMissingDeviceAndTwoOnABadSetting()
        {
            StringAssert.Contains(RunScardList(1, "rpi-pn532-i2c,i2c.bus=994" + NoGpio), "/dev/i2c-994");
            StringAssert.Contains(RunScardList(2, "rpi-pn532-i2c,colour=blue"), "valid keys: " + ProfileSettings.Keys);
        }

        /// <summary>Runs `scard list --board <paramref name="board"/>`, asserts its exit code, returns its standard error.</summary>
        private static string RunScardList(int expectedExit, string board)
        {
            using (PtyToolProcess tool = PtyToolProcess.StartScard("list", "--board", board))
            {
                Assert.IsTrue(tool.WaitForExit(ExitTimeoutMillis), "scard list --board " + board + " did not finish");
                Assert.AreEqual(expectedExit, tool.ExitCode, board + ": " + tool.Error);
                return tool.Error;
            }
        }

        private static void AssertListsTheIsoCard(string output)
        {
            StringAssert.Contains(output, "Door NFC 00 00");
            StringAssert.Contains(output, "card: present");
            // PC/SC Part 3 pseudo-ATR from the simulated card's ATS historical bytes 80 31 80 65 B0, TCK E0.
            StringAssert.Contains(output, "ATR:  3B 85 80 01 80 31 80 65 B0 E0");
        }

        private static string WriteConfig(string text)
        {
            string path = Path.Combine(Path.GetTempPath(), "board-" + Suffix() + ".conf");
            File.WriteAllText(path, text);
            return path;
        }

        private static string MissingTty()
        {
            return "/dev/ttyMissing" + Suffix();
        }

        private static string Suffix()
        {
            return Guid.NewGuid().ToString("N").Substring(0, 6);
        }

        private static ArgumentException AssertRejected(string spec, string expectedPart)
        {
            ArgumentException e = Assert.ThrowsExactly<ArgumentException>(() => BoardFactory.Create(spec), spec);
            StringAssert.Contains(e.Message, expectedPart, spec);
            StringAssert.Contains(e.Message, "<profile>[,<key>=<value>…]", "the profile forms are listed for " + spec);
            StringAssert.Contains(e.Message, "rpi-pn532-i2c", "the profile names are listed for " + spec);
            return e;
        }
    }
}
