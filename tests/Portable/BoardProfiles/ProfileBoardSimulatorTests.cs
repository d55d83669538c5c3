#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Profiles;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.BoardProfiles
{
    /// <summary>
    /// Every catalogue profile, built over SimulatorHardware with a card on its reader: the reader opens, the
    /// card's ATR (contact) or PC/SC part 3 pseudo-ATR (PN532) comes through SCardManager, an APDU gets its
    /// answer, and each of the four door outputs exists and drives its simulated pin.
    /// </summary>
    [TestClass]
    public class ProfileBoardSimulatorTests
    {
        private const string IsoUid = "08 12 34 56";

        /// <summary>Pseudo-ATR of the ISO 14443-4 card with the DirectT0 profile's historical bytes (PC/SC part 3 §3.1.3.2.3.1).</summary>
        private const string IsoPseudoAtr = "3B 85 80 01 80 31 80 65 B0 E0";

        /// <summary>GET DATA, UID (PC/SC part 3 §3.2.2.1.3).</summary>
        private const string GetUid = "FF CA 00 00 00";

        private const string SelectMf = "00 A4 00 0C 02 3F 00";
        private const string Success = "90 00";

        private static readonly string[] TestedProfiles =
        {
            "rpi-pn532-i2c", "rpi-pn532-spi", "rpi-pn532-hsu", "rpi-contact",
            "esp32-pn532-spi", "esp32-pn532-i2c", "esp32-contact", "stm32f769i-disco-contact",
        };

        [TestMethod]
        public void RpiPn532I2c()
        {
            AssertPn532Board("rpi-pn532-i2c");
        }

        [TestMethod]
        public void RpiPn532Spi()
        {
            AssertPn532Board("rpi-pn532-spi");
        }

        [TestMethod]
        public void RpiPn532Hsu()
        {
            AssertPn532Board("rpi-pn532-hsu");
        }

        [TestMethod]
        public void RpiContact()
        {
            AssertContactBoard("rpi-contact");
        }

        [TestMethod]
        public void Esp32Pn532Spi()
        {
            AssertPn532Board("esp32-pn532-spi");
        }

        [TestMethod]
        public void Esp32Pn532I2c()
        {
            AssertPn532Board("esp32-pn532-i2c");
        }

        [TestMethod]
        public void Esp32Contact()
        {
            AssertContactBoard("esp32-contact");
        }

        [TestMethod]
        public void Stm32f769iDiscoContact()
        {
            AssertContactBoard("stm32f769i-disco-contact");
        }

        /// <summary>The eight methods above cover the whole catalogue: a profile added without a test fails here.</summary>
        [TestMethod]
        public void TheTestsAboveCoverEveryProfile()
        {
            string[] names = ProfileCatalog.Names.Split(',');
            Assert.AreEqual(TestedProfiles.Length, names.Length, "profiles in the catalogue");
            for (int i = 0; i < names.Length; i++)
            {
                Assert.AreEqual(TestedProfiles[i], names[i].Trim(), "profile " + i.ToString());
            }
        }

        /// <summary>Without P70_IRQ the transport polls the chip's status byte instead: the board still works.</summary>
        [TestMethod]
        public void Pn532WithoutIrqPollsTheStatus()
        {
            AssertPn532Board("rpi-pn532-i2c,irq=none");
            AssertPn532Board("esp32-pn532-spi,irq=none");
        }

        private static void AssertPn532Board(string spec)
        {
            using (ProfileRig rig = new ProfileRig(spec))
            {
                rig.Hardware.Pn532.PlaceCard(new Iso14443_4Card(TestSupport.Hex(IsoUid), CardProfile.DirectT0()));
                Assert.AreEqual(1, rig.Board.ReaderCount, spec + ": readers");
                Assert.AreEqual(IsoPseudoAtr, rig.AtrOf(0), spec + ": pseudo-ATR");
                Assert.AreEqual(IsoUid + " " + Success, rig.SendT1(0, GetUid), spec + ": UID");
                AssertDoorOutputs(rig);
            }
        }

        private static void AssertContactBoard(string spec)
        {
            using (ProfileRig rig = new ProfileRig(spec))
            {
                SimulatedCard card = new SimulatedCard(CardProfile.DualT0T1());
                rig.Hardware.Socket.Insert(card);
                Assert.AreEqual(1, rig.Board.ReaderCount, spec + ": readers");
                Assert.AreEqual(TestSupport.ToHex(card.Profile.BuildAtr()), rig.AtrOf(0), spec + ": ATR");
                Assert.AreEqual(Success, rig.SendT1(0, SelectMf), spec + ": SELECT MF");
                AssertDoorOutputs(rig);
            }
        }

        /// <summary>Each role's output is the simulated pin on the profile's GPIO, starts inactive and follows writes.</summary>
        private static void AssertDoorOutputs(ProfileRig rig)
        {
            for (int i = 0; i < OutputRole.All.Length; i++)
            {
                string role = OutputRole.All[i];
                SimOutputPin pin = rig.Board.GetOutput(role) as SimOutputPin;
                Assert.IsNotNull(pin, rig.Profile.Name + ": " + role);
                Assert.AreSame(pin, rig.Hardware.GetOpenedPin(rig.Profile.GetOutput(role).Pin), rig.Profile.Name + ": " + role + " on its GPIO");
                Assert.IsFalse(pin.Value, rig.Profile.Name + ": " + role + " starts inactive");
                pin.Write(true);
                Assert.IsTrue(pin.Value, rig.Profile.Name + ": " + role + " on");
                pin.Write(false);
                Assert.IsFalse(pin.Value, rig.Profile.Name + ": " + role + " off");
            }
        }
    }
}
