#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using EmbeddedSmartCard.Boards.Profiles;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.BoardProfiles
{
    /// <summary>ProfileBoard.Build's all-or-nothing opening, its reader indexes, and what SimulatorHardware opens where.</summary>
    [TestClass]
    public class ProfileBoardBuildTests
    {
        /// <summary>TS and at most 32 more characters (ISO 7816-3 §8.2.1).</summary>
        private const int MaxAtrLength = 33;

        /// <summary>A door output moved onto the card's RST GPIO: the second open of GPIO 23 fails and everything opened is released.</summary>
        [TestMethod]
        public void AGpioWiredTwiceFailsTheBuildAndReleasesTheHardware()
        {
            BoardProfile profile = ProfileSettings.ParseSpec("rpi-contact,relay=23");
            SimulatorHardware hardware = SimulatorHardware.For(profile);
            string error = "built";
            try
            {
                ProfileBoard.Build(profile, hardware).Dispose();
            }
            catch (InvalidOperationException e)
            {
                error = e.Message;
            }

            Assert.IsTrue(error.IndexOf("gpio 23") >= 0, error);
            Assert.IsNull(hardware.GetOpenedPin(23), "the hardware was released");
            Assert.IsNull(hardware.GetOpenedPin(24), "VCC released too");
        }

        /// <summary>A wiring that disagrees with the simulated hardware: card detect on the GPIO the socket's RST output is on.</summary>
        [TestMethod]
        public void AnInputOnAnOutputsGpioIsRefused()
        {
            SimulatorHardware hardware = SimulatorHardware.For(ProfileCatalog.Find("rpi-contact"));
            string error = "built";
            try
            {
                ProfileBoard.Build(ProfileSettings.ParseSpec("rpi-contact,rst=none,detect=23"), hardware).Dispose();
            }
            catch (InvalidOperationException e)
            {
                error = e.Message;
            }

            Assert.IsTrue(error.IndexOf("gpio 23 is a SimOutputPin") >= 0, error);
            Assert.IsTrue(error.IndexOf("SimInputPin") >= 0, error);
        }

        /// <summary>An I2C address with no PN532 behind it: the board builds (opening a bus is not talking on it), the reader's Open fails with a status.</summary>
        [TestMethod]
        public void APn532AtAnotherAddressDoesNotOpen()
        {
            BoardProfile profile = ProfileSettings.ParseSpec("rpi-pn532-i2c,i2c.address=0x30,poll=0");
            using (ProfileBoard board = ProfileBoard.Build(profile, SimulatorHardware.For(profile)))
            {
                Assert.IsFalse(board.GetReader(0).Open() == SmartcardStatus.Success, "Open on an unacknowledged address");
            }
        }

        [TestMethod]
        public void ReaderIndexOutOfRangeNamesTheBoard()
        {
            BoardProfile profile = ProfileSettings.ParseSpec("esp32-contact");
            using (ProfileBoard board = ProfileBoard.Build(profile, SimulatorHardware.For(profile)))
            {
                Assert.AreEqual("esp32-contact", board.Name);
                Assert.AreSame(profile, board.Profile);
                Assert.IsNotNull(board.GetReaderName(0));
                string error = "no error";
                try
                {
                    board.GetReader(1);
                }
                catch (ArgumentOutOfRangeException e)
                {
                    error = e.Message;
                }

                Assert.IsTrue(error.IndexOf("esp32-contact has 1 reader") >= 0, error);
            }
        }

        [TestMethod]
        public void AnUnwiredOutputIsNull()
        {
            BoardProfile profile = ProfileSettings.ParseSpec("rpi-pn532-hsu,buzzer=none,poll=0");
            using (ProfileBoard board = ProfileBoard.Build(profile, SimulatorHardware.For(profile)))
            {
                Assert.IsNull(board.GetOutput(OutputRole.Buzzer));
                Assert.IsNotNull(board.GetOutput(OutputRole.Relay));
                Assert.IsNull(board.GetOutput("siren"));
            }
        }

        /// <summary>The name setting reaches the reader the manager lists.</summary>
        [TestMethod]
        public void NameSettingNamesTheReader()
        {
            BoardProfile profile = ProfileSettings.ParseSpec("rpi-contact,name=Door 1");
            using (ProfileBoard board = ProfileBoard.Build(profile, SimulatorHardware.For(profile)))
            {
                Assert.AreEqual("Door 1", board.GetReaderName(0));
            }
        }

        /// <summary>The contact reader's parts are the socket's: RST, VCC and CLK follow the reader at activation.</summary>
        [TestMethod]
        public void ContactReaderDrivesTheSocketParts()
        {
            BoardProfile profile = ProfileSettings.ParseSpec("rpi-contact");
            SimulatorHardware hardware = SimulatorHardware.For(profile);
            using (ProfileBoard board = ProfileBoard.Build(profile, hardware))
            {
                hardware.Socket.Insert(new SimulatedCard(CardProfile.DualT0T1()));
                IReaderDriver reader = board.GetReader(0);
                Assert.AreEqual(SmartcardStatus.Success, reader.Open());
                byte[] atr = new byte[MaxAtrLength];
                int atrLength;
                Assert.AreEqual(SmartcardStatus.Success, reader.Power(PowerAction.ColdReset, atr, 0, out atrLength));
                Assert.IsTrue(hardware.Socket.Vcc.Value, "VCC on");
                Assert.IsTrue(hardware.Socket.Reset.Value, "RST released");
                Assert.AreEqual(profile.Contact.ClockHz, hardware.Socket.ClockOutput.FrequencyHz);
                Assert.AreSame(hardware.Socket.Vcc, hardware.GetOpenedPin(24));
            }
        }

        /// <summary>A port nothing was put on opens as a bare line whose reads time out: the reader finds no card.</summary>
        [TestMethod]
        public void ABareUartHasNoCard()
        {
            SimulatorHardware hardware = new SimulatorHardware();
            UartWiring wiring = new UartWiring();
            wiring.Port = "COM9";
            byte[] buffer = new byte[1];
            Assert.AreEqual(0, hardware.OpenUart(wiring).Read(buffer, 0, 1, 1000));
            Assert.AreEqual(1000L, hardware.VirtualClock.NowMicros);
            hardware.Dispose();
        }
    }
}
