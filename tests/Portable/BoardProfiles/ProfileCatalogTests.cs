#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Profiles;

namespace EmbeddedSmartCard.Tests.BoardProfiles
{
    /// <summary>What every catalogue profile promises: its name, a title, a platform, one reader, the four door outputs on distinct GPIOs.</summary>
    [TestClass]
    public class ProfileCatalogTests
    {
        /// <summary>Four door outputs and six reader signals at most.</summary>
        private const int MaxSignals = 10;

        [TestMethod]
        public void EveryProfileIsComplete()
        {
            string[] names = ProfileCatalog.Names.Split(',');
            for (int i = 0; i < names.Length; i++)
            {
                string name = names[i].Trim();
                BoardProfile profile = ProfileCatalog.Find(name);
                Assert.IsNotNull(profile, name);
                Assert.AreEqual(name, profile.Name);
                Assert.IsTrue(profile.Title.Length > 0, name + ": title");
                Assert.IsTrue(profile.Platform == BoardProfile.LinuxPlatform || profile.Platform == BoardProfile.NanoFrameworkPlatform, name + ": platform " + profile.Platform);
                Assert.IsTrue((profile.Contact == null) != (profile.Pn532 == null), name + ": one reader");
                for (int r = 0; r < OutputRole.All.Length; r++)
                {
                    Assert.IsNotNull(profile.GetOutput(OutputRole.All[r]), name + ": " + OutputRole.All[r]);
                }
            }
        }

        /// <summary>No GPIO carries two signals in any profile (a pin shared by two signals could not be opened twice).</summary>
        [TestMethod]
        public void NoProfileWiresAGpioTwice()
        {
            string[] names = ProfileCatalog.Names.Split(',');
            for (int i = 0; i < names.Length; i++)
            {
                int[] pins = ProfilePins(ProfileCatalog.Find(names[i].Trim()));
                for (int a = 0; a < pins.Length; a++)
                {
                    for (int b = a + 1; b < pins.Length; b++)
                    {
                        Assert.IsTrue(pins[a] < 0 || pins[a] != pins[b], names[i] + ": GPIO " + pins[a].ToString() + " wired twice");
                    }
                }
            }
        }

        [TestMethod]
        public void PlatformsFollowTheBoards()
        {
            Assert.AreEqual(BoardProfile.LinuxPlatform, ProfileCatalog.Find("rpi-contact").Platform);
            Assert.AreEqual(BoardProfile.NanoFrameworkPlatform, ProfileCatalog.Find("esp32-pn532-spi").Platform);
            Assert.AreEqual(BoardProfile.NanoFrameworkPlatform, ProfileCatalog.Find("stm32f769i-disco-contact").Platform);
        }

        /// <summary>The ESP32 and STM32 contact sockets name the TX/RX pins the UART is routed to; STM32 pins are port*16+n.</summary>
        [TestMethod]
        public void MicrocontrollerUartsNameTheirPins()
        {
            BoardProfile esp32 = ProfileCatalog.Find("esp32-contact");
            Assert.AreEqual("COM3", esp32.Contact.Uart.Port);
            Assert.AreEqual(17, esp32.Contact.Uart.TxPin);
            Assert.AreEqual(16, esp32.Contact.Uart.RxPin);
            BoardProfile stm32 = ProfileCatalog.Find("stm32f769i-disco-contact");
            Assert.AreEqual("COM6", stm32.Contact.Uart.Port);
            Assert.AreEqual(2 * 16 + 6, stm32.Contact.Uart.TxPin);
            Assert.AreEqual(9 * 16 + 5, stm32.GetOutput(OutputRole.LedGreen).Pin);
        }

        /// <summary>Every GPIO a profile wires (bus pins routed by software included); -1 for an unwired signal.</summary>
        private static int[] ProfilePins(BoardProfile profile)
        {
            int[] pins = new int[MaxSignals];
            for (int i = 0; i < pins.Length; i++)
            {
                pins[i] = -1;
            }

            int count = 0;
            for (int r = 0; r < OutputRole.All.Length; r++)
            {
                pins[count++] = PinOf(profile.GetOutput(OutputRole.All[r]));
            }

            if (profile.Contact != null)
            {
                pins[count++] = PinOf(profile.Contact.Reset);
                pins[count++] = PinOf(profile.Contact.Vcc);
                pins[count++] = PinOf(profile.Contact.CardDetect);
                pins[count++] = PinOf(profile.Contact.Clock);
                pins[count++] = profile.Contact.Uart.TxPin;
                pins[count++] = profile.Contact.Uart.RxPin;
            }

            if (profile.Pn532 != null)
            {
                pins[count++] = PinOf(profile.Pn532.Reset);
                pins[count++] = PinOf(profile.Pn532.Irq);
                pins[count++] = profile.Pn532.Spi.MosiPin;
                pins[count++] = profile.Pn532.Spi.MisoPin;
                pins[count++] = profile.Pn532.Spi.SckPin;
                pins[count++] = profile.Pn532.Spi.CsPin;
            }

            return pins;
        }

        private static int PinOf(PinWiring pin)
        {
            return pin == null ? -1 : pin.Pin;
        }
    }
}
