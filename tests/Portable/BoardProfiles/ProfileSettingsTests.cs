#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using EmbeddedSmartCard.Boards.Profiles;

namespace EmbeddedSmartCard.Tests.BoardProfiles
{
    /// <summary>
    /// The settings grammar of boards/Profiles/README.md: "&lt;profile&gt;[,key=value…]" overrides and the config-file
    /// text, and the errors a bad key, value or profile gets (each naming what is valid).
    /// </summary>
    [TestClass]
    public class ProfileSettingsTests
    {
        [TestMethod]
        public void SpecWithoutOverridesIsTheCatalogueProfile()
        {
            BoardProfile profile = ProfileSettings.ParseSpec("rpi-pn532-i2c");
            Assert.AreEqual("rpi-pn532-i2c", profile.Name);
            Assert.AreEqual(1, profile.Pn532.I2c.Bus);
            Assert.AreEqual(0x24, profile.Pn532.I2c.Address);
            Assert.AreEqual(25, profile.Pn532.Irq.Pin);
            Assert.AreEqual(BoardProfile.DefaultPollMillis, profile.PollMillis);
        }

        [TestMethod]
        public void SpecOverridesApplyLeftToRight()
        {
            BoardProfile profile = ProfileSettings.ParseSpec("rpi-pn532-i2c,i2c.bus=3,i2c.address=0x25,i2c.hz=400000,irq=none,rst=21:low,poll=100,poll=250,name=Front door,relay=12,buzzer=none,gpiochip=4");
            Assert.AreEqual(3, profile.Pn532.I2c.Bus);
            Assert.AreEqual(0x25, profile.Pn532.I2c.Address);
            Assert.AreEqual(400000, profile.Pn532.I2c.ClockHz);
            Assert.IsNull(profile.Pn532.Irq);
            Assert.AreEqual(21, profile.Pn532.Reset.Pin);
            Assert.IsTrue(profile.Pn532.Reset.ActiveLow, "rst=21:low");
            Assert.AreEqual(250, profile.PollMillis);
            Assert.AreEqual("Front door", profile.Pn532.ReaderName);
            Assert.AreEqual(12, profile.GetOutput(OutputRole.Relay).Pin);
            Assert.IsNull(profile.GetOutput(OutputRole.Buzzer));
            Assert.AreEqual(4, profile.GpioChip);
        }

        [TestMethod]
        public void ContactKeysMoveTheSocketWiring()
        {
            BoardProfile profile = ProfileSettings.ParseSpec("rpi-contact,uart=/dev/ttyS0,clock=4000000,vcc=none,detect=27,clk=none,rst=none,led.green=7:low,led.red=8");
            Assert.AreEqual("/dev/ttyS0", profile.Contact.Uart.Port);
            Assert.AreEqual(4000000, profile.Contact.ClockHz);
            Assert.IsNull(profile.Contact.Vcc);
            Assert.AreEqual(27, profile.Contact.CardDetect.Pin);
            Assert.IsFalse(profile.Contact.CardDetect.ActiveLow, "detect=27");
            Assert.IsNull(profile.Contact.Clock);
            Assert.IsNull(profile.Contact.Reset);
            Assert.IsTrue(profile.GetOutput(OutputRole.LedGreen).ActiveLow, "led.green=7:low");
            Assert.AreEqual(8, profile.GetOutput(OutputRole.LedRed).Pin);
        }

        [TestMethod]
        public void UartOfAnHsuProfileIsThePn532Port()
        {
            BoardProfile profile = ProfileSettings.ParseSpec("rpi-pn532-hsu,uart=/dev/ttyUSB0,hsu.baud=230400");
            Assert.AreEqual("/dev/ttyUSB0", profile.Pn532.Uart.Port);
            Assert.AreEqual(230400, profile.Pn532.HsuBaudRate);
        }

        [TestMethod]
        public void SpiKeysMoveTheSpiDevice()
        {
            BoardProfile profile = ProfileSettings.ParseSpec("rpi-pn532-spi,spi.bus=1,spi.cs=2,spi.hz=2000000");
            Assert.AreEqual(1, profile.Pn532.Spi.Bus);
            Assert.AreEqual(2, profile.Pn532.Spi.ChipSelect);
            Assert.AreEqual(2000000, profile.Pn532.Spi.ClockHz);
        }

        [TestMethod]
        public void EachFindIsAFreshCopy()
        {
            ProfileSettings.ParseSpec("esp32-contact,relay=2");
            Assert.AreEqual(13, ProfileCatalog.Find("esp32-contact").GetOutput(OutputRole.Relay).Pin);
        }

        [TestMethod]
        public void ConfigFileTextWithCommentsAndBlankLines()
        {
            string text = "# front door\n\nprofile = rpi-pn532-spi\n  spi.hz = 500000   # long wires\nirq=none\r\nname = Front door\n";
            BoardProfile profile = ProfileSettings.ParseConfig(text);
            Assert.AreEqual("rpi-pn532-spi", profile.Name);
            Assert.AreEqual(500000, profile.Pn532.Spi.ClockHz);
            Assert.IsNull(profile.Pn532.Irq);
            Assert.AreEqual("Front door", profile.Pn532.ReaderName);
        }

        [TestMethod]
        public void ConfigFileIsTheBoardValueEndingInConf()
        {
            Assert.IsTrue(ProfileSettings.IsConfigFile("/etc/scard/door.conf"), "door.conf");
            Assert.IsFalse(ProfileSettings.IsConfigFile("rpi-contact,uart=/dev/ttyS0"), "a spec");
        }

        [TestMethod]
        public void UnknownProfileListsTheProfiles()
        {
            string error = SpecError("rpi-pn532-usb");
            Assert.IsTrue(error.IndexOf("'rpi-pn532-usb'") >= 0, error);
            Assert.IsTrue(error.IndexOf(ProfileCatalog.Names) >= 0, error);
            Assert.IsNull(ProfileCatalog.Find("rpi-pn532-usb"));
        }

        [TestMethod]
        public void NullTextIsAnErrorNotACrash()
        {
            AssertErrorMentions(SpecError(null), "unknown board profile ''", ProfileCatalog.Names);
            AssertErrorMentions(ConfigError(null), "no 'profile = <name>' line", ProfileCatalog.Names);
            string error = "accepted";
            try
            {
                ProfileSettings.Apply(ProfileCatalog.Find("rpi-contact"), "uart", null);
            }
            catch (ArgumentException e)
            {
                error = e.Message;
            }

            AssertErrorMentions(error, "a key and a value", ProfileSettings.Keys);
        }

        [TestMethod]
        public void UnknownKeyListsTheValidKeys()
        {
            string error = SpecError("rpi-contact,reset=17");
            Assert.IsTrue(error.IndexOf("'reset'") >= 0, error);
            Assert.IsTrue(error.IndexOf(ProfileSettings.Keys) >= 0, error);
        }

        [TestMethod]
        public void BadValuesNameTheKeyAndTheExpectedForm()
        {
            AssertErrorMentions(SpecError("rpi-contact,rst=GPIO17"), "rst=GPIO17", "GPIO number");
            AssertErrorMentions(SpecError("rpi-contact,rst=17:high"), "rst=17:high", "none");
            AssertErrorMentions(SpecError("rpi-contact,clock=fast"), "clock=fast", "number");
            AssertErrorMentions(SpecError("rpi-pn532-i2c,i2c.address=0x"), "i2c.address=0x", "hexadecimal");
            AssertErrorMentions(SpecError("rpi-pn532-i2c,poll=-5"), "poll=-5", "number");
            AssertErrorMentions(SpecError("rpi-pn532-i2c,poll=99999999999"), "poll=99999999999", "number");
            AssertErrorMentions(SpecError("rpi-contact,uart="), "uart=", "non-empty");
            AssertErrorMentions(SpecError("rpi-contact,relay"), "'relay'", "key=value");
        }

        [TestMethod]
        public void KeysTheProfileHasNothingForAreRefused()
        {
            AssertErrorMentions(SpecError("rpi-contact,irq=4"), "irq", "has no PN532");
            AssertErrorMentions(SpecError("rpi-pn532-i2c,vcc=4"), "vcc", "has no contact socket");
            AssertErrorMentions(SpecError("rpi-pn532-spi,i2c.bus=0"), "i2c.bus", "not on I2C");
            AssertErrorMentions(SpecError("rpi-pn532-i2c,uart=/dev/ttyS0"), "uart", "no UART reader");
            AssertErrorMentions(SpecError("esp32-pn532-i2c,hsu.baud=9600"), "hsu.baud", "not on HSU");
        }

        [TestMethod]
        public void ConfigErrorsNameTheLine()
        {
            AssertErrorMentions(ConfigError("profile = esp32-pn532-spi\n# ok\nspi.hz = lots\n"), "config line 3", "spi.hz=lots");
            AssertErrorMentions(ConfigError("spi.hz = 1000\nprofile = esp32-pn532-spi\n"), "config line 1", "the first setting must be 'profile");
            AssertErrorMentions(ConfigError("# nothing\n\n"), "no 'profile = <name>' line", ProfileCatalog.Names);
            AssertErrorMentions(ConfigError("profile = esp32-pn532-spi\ncolour blue\n"), "config line 2", "expected key=value");
        }

        private static void AssertErrorMentions(string error, string first, string second)
        {
            Assert.IsTrue(error.IndexOf(first) >= 0, "'" + first + "' in: " + error);
            Assert.IsTrue(error.IndexOf(second) >= 0, "'" + second + "' in: " + error);
        }

        private delegate BoardProfile Parser(string text);

        private static string SpecError(string spec)
        {
            return ErrorOf(ProfileSettings.ParseSpec, spec);
        }

        private static string ConfigError(string text)
        {
            return ErrorOf(ProfileSettings.ParseConfig, text);
        }

        /// <summary>The ArgumentException message <paramref name="parse"/> gives for <paramref name="text"/>, or "accepted".</summary>
        private static string ErrorOf(Parser parse, string text)
        {
            try
            {
                parse(text);
                return "accepted";
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }
    }
}
