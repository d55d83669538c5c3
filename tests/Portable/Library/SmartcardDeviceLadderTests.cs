#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Tests.T0;

namespace EmbeddedSmartCard.Tests.Library
{
    /// <summary>The reader state ladder (pcsc.md §2.3): Unknown, Absent, Present, Swallowed, Negotiable, Specific.</summary>
    [TestClass]
    public class SmartcardDeviceLadderTests
    {
        [TestMethod]
        public void BeforeOpen_StateIsUnknown_AndCardCallsAreRefused()
        {
            FakeReaderDriver driver = new FakeReaderDriver(null);
            driver.CardPresent = true;
            SmartcardDevice device = new SmartcardDevice(driver);
            int selected;
            Assert.AreEqual(ReaderState.Unknown, device.State);
            Assert.AreEqual(SmartcardStatus.InvalidDeviceState, device.Power(PowerAction.ColdReset));
            Assert.AreEqual(SmartcardStatus.InvalidDeviceState, device.SetProtocol(Protocols.T0, out selected));
            Assert.AreEqual(0, driver.CallCount, "no driver callback before Open");
        }

        [TestMethod]
        public void Open_ReadsPresence_AndRaisesStateChanged()
        {
            DeviceFixture withCard = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            Assert.AreEqual(ReaderState.Present, withCard.Device.State);

            FakeReaderDriver driver = new FakeReaderDriver(null);
            SmartcardDevice device = new SmartcardDevice(driver);
            ReaderState seen = ReaderState.Unknown;
            device.StateChanged += delegate (SmartcardDevice sender, ReaderState state) { seen = state; };
            Assert.AreEqual(SmartcardStatus.Success, device.Open());
            Assert.AreEqual(ReaderState.Absent, device.State);
            Assert.AreEqual(ReaderState.Absent, seen);
            Assert.AreEqual(SmartcardStatus.Success, device.Open(), "opening twice is harmless");
            Assert.AreEqual(1, driver.OpenCount);
        }

        [TestMethod]
        public void OpenFailure_LeavesUnknown()
        {
            FakeReaderDriver driver = new FakeReaderDriver(null);
            driver.OpenResult = SmartcardStatus.NoSuchDevice;
            SmartcardDevice device = new SmartcardDevice(driver);
            Assert.AreEqual(SmartcardStatus.NoSuchDevice, device.Open());
            Assert.AreEqual(ReaderState.Unknown, device.State);
            Assert.AreEqual(SmartcardStatus.NoSuchDevice, device.LastError);
        }

        [TestMethod]
        public void InsertAndRemove_MoveBetweenAbsentAndPresent()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            f.Driver.Remove();
            Assert.AreEqual(ReaderState.Absent, f.Device.State);
            f.Driver.Insert();
            Assert.AreEqual(ReaderState.Present, f.Device.State);
            f.Driver.Insert();
            Assert.AreEqual("Absent,Present", f.TakeEvents(), "a repeated insertion changes nothing");
        }

        [TestMethod]
        public void ColdReset_ParsesTheAtr_AppliesDefaults_AndIsNegotiable()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            Assert.AreEqual(SmartcardStatus.Success, f.Device.Power(PowerAction.ColdReset));
            Assert.AreEqual(ReaderState.Negotiable, f.Device.State);
            Assert.AreEqual("Negotiable", f.TakeEvents());
            Assert.AreEqual(2, f.Device.AtrLength);
            Assert.IsNotNull(f.Device.Atr);
            byte[] atr = new byte[40];
            Assert.AreEqual(2, f.Device.CopyAtr(atr, 3));
            TestSupport.AreEqualBytes(TestSupport.Hex("3B 00"), atr, 3, 2);
            Assert.AreEqual(1, f.Card.ApplyTimingCount, "ATR defaults applied to the channel");
            Assert.AreEqual(372, f.Card.LastAppliedTiming.F);
            Assert.AreEqual(Protocols.Undefined, f.Device.SelectedProtocol);
        }

        [TestMethod]
        public void SetProtocol_T0WithoutPps_IsSpecific_AndTransmitRunsT0()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            f.Device.Power(PowerAction.ColdReset);
            int selected;
            Assert.AreEqual(SmartcardStatus.Success, f.Device.SetProtocol(Protocols.T0 | Protocols.T1, out selected));
            Assert.AreEqual(Protocols.T0, selected);
            Assert.AreEqual(ReaderState.Specific, f.Device.State);
            Assert.AreEqual(Protocols.T0, f.Device.SelectedProtocol);
            Assert.AreEqual("Negotiable,Specific", f.TakeEvents());

            f.Card.Expect("00 B0 00 00 02").Reply("B0 12 34 90 00");
            byte[] command = TestSupport.Hex("00 B0 00 00 02");
            byte[] response = new byte[10];
            int length;
            Assert.AreEqual(SmartcardStatus.Success, f.Device.Transmit(Protocols.T0, command, 0, command.Length, response, 0, 10, out length));
            Assert.AreEqual("12 34 90 00", TestSupport.ToHex(response, 0, length));
            Assert.IsNull(f.Card.Failure, f.Card.Failure);
        }

        [TestMethod]
        public void SetProtocol_WithPps_AppliesTheNegotiatedSpeed()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrFastT0);
            f.Device.Power(PowerAction.ColdReset);
            f.Card.Expect("FF 10 13 FC").Reply("FF 10 13 FC");
            int selected;
            Assert.AreEqual(SmartcardStatus.Success, f.Device.SetProtocol(Protocols.T0, out selected));
            Assert.IsNull(f.Card.Failure, f.Card.Failure);
            Assert.AreEqual(ReaderState.Specific, f.Device.State);
            Assert.AreEqual(4, f.Device.Timing.D, "Di = 4 after PPS");
            Assert.AreEqual(4, f.Card.LastAppliedTiming.D);
        }

        [TestMethod]
        public void SetProtocol_PpsFailure_DeactivatesTheCard()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrFastT0);
            f.Device.Power(PowerAction.ColdReset);
            f.TakeEvents();
            f.Card.Expect("FF 10 13 FC");
            int selected;
            SmartcardStatus status = f.Device.SetProtocol(Protocols.T0, out selected);
            Assert.IsTrue(status == SmartcardStatus.IoTimeout || status == SmartcardStatus.DeviceProtocolError, "PPS failure reported");
            Assert.AreEqual(ReaderState.Present, f.Device.State);
            Assert.AreEqual(1, f.Driver.PowerDownCount, "deactivated");
            Assert.IsNull(f.Device.Atr);
            Assert.AreEqual("Present", f.TakeEvents());
        }

        [TestMethod]
        public void SetProtocol_ProtocolTheCardDoesNotOffer_IsNotSupported_AndStaysNegotiable()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            f.Device.Power(PowerAction.ColdReset);
            int selected;
            Assert.AreEqual(SmartcardStatus.NotSupported, f.Device.SetProtocol(Protocols.T1, out selected));
            Assert.AreEqual(ReaderState.Negotiable, f.Device.State);
            Assert.AreEqual(0, f.Driver.PowerDownCount);
            Assert.AreEqual(0, f.Card.SentCount);
        }

        [TestMethod]
        public void SetProtocol_StateAndMaskChecks()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            int selected;
            Assert.AreEqual(SmartcardStatus.InvalidDeviceState, f.Device.SetProtocol(Protocols.T0, out selected), "Present: not powered");
            f.Device.Power(PowerAction.ColdReset);
            Assert.AreEqual(SmartcardStatus.InvalidParameter, f.Device.SetProtocol(0, out selected), "empty mask");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, f.Device.SetProtocol(Protocols.Default, out selected), "Default bit alone");
            Assert.AreEqual(SmartcardStatus.Success, f.Device.SetProtocol(Protocols.T0, out selected));
            Assert.AreEqual(SmartcardStatus.Success, f.Device.SetProtocol(Protocols.T0 | Protocols.T1, out selected), "already Specific with a requested protocol");
            Assert.AreEqual(Protocols.T0, selected);
            Assert.AreEqual(SmartcardStatus.NotSupported, f.Device.SetProtocol(Protocols.T1, out selected), "another protocol needs a reset");
            Assert.AreEqual(ReaderState.Specific, f.Device.State);
            f.Driver.Remove();
            Assert.AreEqual(SmartcardStatus.NoMedia, f.Device.SetProtocol(Protocols.T0, out selected));
        }

        [TestMethod]
        public void SpecificModeAtr_GoesStraightToSpecific()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrSpecificT0);
            Assert.AreEqual(SmartcardStatus.Success, f.Device.Power(PowerAction.ColdReset));
            Assert.AreEqual(ReaderState.Specific, f.Device.State);
            Assert.AreEqual(Protocols.T0, f.Device.SelectedProtocol);
            Assert.AreEqual("Negotiable,Specific", f.TakeEvents());
            Assert.AreEqual(0, f.Card.SentCount, "no PPS in specific mode");
        }

        [TestMethod]
        public void SetProtocolT1_StartsT1WithTheReadersIfsd()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT1);
            f.Device.Power(PowerAction.ColdReset);
            // S(IFS request) with IFSD = 254, LRC = C1 ⊕ 01 ⊕ FE; the card answers S(IFS response).
            f.Card.Expect("00 C1 01 FE 3E").Reply("00 E1 01 FE 1E");
            int selected;
            Assert.AreEqual(SmartcardStatus.Success, f.Device.SetProtocol(Protocols.T0 | Protocols.T1, out selected));
            Assert.IsNull(f.Card.Failure, f.Card.Failure);
            Assert.AreEqual(Protocols.T1, selected);
            Assert.AreEqual(ReaderState.Specific, f.Device.State);
        }

        [TestMethod]
        public void T1StartFailure_DeactivatesTheCard()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT1);
            f.Device.Power(PowerAction.ColdReset);
            f.TakeEvents();
            // The card never answers S(IFS request).
            int selected;
            SmartcardStatus status = f.Device.SetProtocol(Protocols.T1, out selected);
            Assert.IsTrue(status != SmartcardStatus.Success, "T=1 start failed");
            Assert.AreEqual(ReaderState.Present, f.Device.State);
            Assert.AreEqual(1, f.Driver.PowerDownCount);
            Assert.AreEqual("Present", f.TakeEvents());
        }

        [TestMethod]
        public void T1ProtocolError_DeactivatesTheCard()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT1);
            f.Device.Power(PowerAction.ColdReset);
            f.Card.Expect("00 C1 01 FE 3E").Reply("00 E1 01 FE 1E");
            int selected;
            f.Device.SetProtocol(Protocols.T1, out selected);
            f.TakeEvents();
            // From here the card never answers: T=1 retransmits, resynchronises, then gives up.
            byte[] command = TestSupport.Hex("00 A4 00 00");
            byte[] response = new byte[10];
            int length;
            SmartcardStatus status = f.Device.Transmit(Protocols.T1, command, 0, command.Length, response, 0, 10, out length);
            Assert.AreEqual(SmartcardStatus.DeviceProtocolError, status);
            Assert.AreEqual(ReaderState.Present, f.Device.State, "needs a new reset");
            Assert.AreEqual(1, f.Driver.PowerDownCount);
            Assert.AreEqual("Present", f.TakeEvents());
        }

        [TestMethod]
        public void Transmit_StateAndProtocolChecks()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            byte[] command = TestSupport.Hex("00 A4 00 00");
            byte[] response = new byte[10];
            int length;
            Assert.AreEqual(SmartcardStatus.InvalidDeviceState, f.Device.Transmit(Protocols.T0, command, 0, 4, response, 0, 10, out length), "Present");
            f.Device.Power(PowerAction.ColdReset);
            Assert.AreEqual(SmartcardStatus.InvalidDeviceState, f.Device.Transmit(Protocols.T0, command, 0, 4, response, 0, 10, out length), "Negotiable");
            int selected;
            f.Device.SetProtocol(Protocols.T0, out selected);
            Assert.AreEqual(SmartcardStatus.InvalidDeviceState, f.Device.Transmit(Protocols.T1, command, 0, 4, response, 0, 10, out length), "protocol mismatch");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, f.Device.Transmit(Protocols.T0, command, 0, 3, response, 0, 10, out length), "too short");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, f.Device.Transmit(Protocols.T0, command, 2, 4, response, 0, 10, out length), "range");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, f.Device.Transmit(Protocols.T0, null, 0, 4, response, 0, 10, out length), "null");
            byte[] badLc = TestSupport.Hex("00 D6 00 00 05 01 02");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, f.Device.Transmit(Protocols.T0, badLc, 0, badLc.Length, response, 0, 10, out length), "Lc mismatch");
            Assert.AreEqual(0, f.Card.SentCount, "nothing reached the card");
            f.Driver.Remove();
            Assert.AreEqual(SmartcardStatus.NoMedia, f.Device.Transmit(Protocols.T0, command, 0, 4, response, 0, 10, out length), "Absent");
        }

        [TestMethod]
        public void RemovalWhilePowered_IsAbsentAtOnce_AndClearsTheCard()
        {
            DeviceFixture f = DeviceFixture.SpecificT0();
            f.Driver.Remove();
            Assert.AreEqual(ReaderState.Absent, f.Device.State);
            Assert.AreEqual("Absent", f.TakeEvents());
            Assert.IsNull(f.Device.Atr);
            Assert.AreEqual(0, f.Device.AtrLength);
            Assert.AreEqual(Protocols.Undefined, f.Device.SelectedProtocol);
            f.Driver.Insert();
            Assert.AreEqual(ReaderState.Present, f.Device.State, "a new card starts unpowered");
        }

        [TestMethod]
        public void RemovalDuringPower_WinsOverTheAtr()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            f.Driver.PullDuringNextCall = true;
            Assert.AreEqual(SmartcardStatus.NoMedia, f.Device.Power(PowerAction.ColdReset));
            Assert.AreEqual(ReaderState.Absent, f.Device.State);
            Assert.IsNull(f.Device.Atr);
        }

        [TestMethod]
        public void RemovalDuringTransmit_IsNoMedia_AndAbsent()
        {
            DeviceFixture f = DeviceFixture.SpecificApdu();
            f.Driver.PullDuringNextCall = true;
            byte[] command = TestSupport.Hex("00 A4 00 00");
            byte[] response = new byte[10];
            int length;
            Assert.AreEqual(SmartcardStatus.NoMedia, f.Device.Transmit(Protocols.T1, command, 0, 4, response, 0, 10, out length));
            Assert.AreEqual(ReaderState.Absent, f.Device.State);
            Assert.AreEqual("Absent", f.TakeEvents());
        }

        [TestMethod]
        public void GarbageAtrs_AreUnrecognizedMedia_AndDeactivated()
        {
            string[] garbage = new string[] { "12 34 56", "3B", "3B F0 11", "3B 8F", "3B 80 10 10" };
            for (int i = 0; i < garbage.Length; i++)
            {
                DeviceFixture f = DeviceFixture.CharacterReader(garbage[i]);
                Assert.AreEqual(SmartcardStatus.UnrecognizedMedia, f.Device.Power(PowerAction.ColdReset), garbage[i]);
                Assert.AreEqual(ReaderState.Present, f.Device.State, garbage[i]);
                Assert.AreEqual(1, f.Driver.PowerDownCount, "deactivated after " + garbage[i]);
                Assert.IsNull(f.Device.Atr, garbage[i]);
            }
        }

        [TestMethod]
        public void AtrLengthsOutsideTheBuffer_AreUnrecognizedMedia()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            f.Driver.ReportedAtrLength = 0;
            Assert.AreEqual(SmartcardStatus.UnrecognizedMedia, f.Device.Power(PowerAction.ColdReset));
            f.Driver.ReportedAtrLength = 34;
            Assert.AreEqual(SmartcardStatus.UnrecognizedMedia, f.Device.Power(PowerAction.ColdReset));
            Assert.AreEqual(ReaderState.Present, f.Device.State);
        }

        [TestMethod]
        public void BadTck_IsTolerated()
        {
            DeviceFixture f = DeviceFixture.CharacterReader("3B 80 01 00");
            Assert.AreEqual(SmartcardStatus.Success, f.Device.Power(PowerAction.ColdReset));
            Assert.AreEqual(ReaderState.Negotiable, f.Device.State);
        }

        [TestMethod]
        public void MuteCard_ReportsTheDriverStatus_AndStaysPresent()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            f.Driver.PowerResult = SmartcardStatus.IoTimeout;
            Assert.AreEqual(SmartcardStatus.IoTimeout, f.Device.Power(PowerAction.ColdReset));
            Assert.AreEqual(ReaderState.Present, f.Device.State);
        }

        [TestMethod]
        public void PowerDown_ReturnsToPresent_OrSwallowed()
        {
            DeviceFixture f = DeviceFixture.SpecificT0();
            Assert.AreEqual(SmartcardStatus.Success, f.Device.Power(PowerAction.PowerDown));
            Assert.AreEqual(ReaderState.Present, f.Device.State);
            Assert.AreEqual("Present", f.TakeEvents());

            f.Driver.MechanicalResult = SmartcardStatus.Success;
            int returned;
            Assert.AreEqual(SmartcardStatus.Success, f.Device.DeviceControl(Ioctl.Swallow, null, 0, 0, null, 0, 0, out returned));
            Assert.AreEqual(ReaderState.Swallowed, f.Device.State);
            f.Device.Power(PowerAction.ColdReset);
            Assert.AreEqual(ReaderState.Negotiable, f.Device.State);
            f.Device.Power(PowerAction.PowerDown);
            Assert.AreEqual(ReaderState.Swallowed, f.Device.State);
            f.Driver.Remove();
            f.Driver.Insert();
            Assert.AreEqual(ReaderState.Present, f.Device.State, "a new card is not swallowed");
        }

        [TestMethod]
        public void WarmReset_RepeatsTheLadderFromTheNewAtr()
        {
            DeviceFixture f = DeviceFixture.SpecificT0();
            Assert.AreEqual(SmartcardStatus.Success, f.Device.Power(PowerAction.WarmReset));
            Assert.AreEqual(1, f.Driver.WarmResetCount);
            Assert.AreEqual(ReaderState.Negotiable, f.Device.State);
            Assert.AreEqual(Protocols.Undefined, f.Device.SelectedProtocol);
            Assert.AreEqual("Present,Negotiable", f.TakeEvents());
        }

        [TestMethod]
        public void InvalidPowerAction_IsInvalidDeviceRequest()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            Assert.AreEqual(SmartcardStatus.InvalidDeviceRequest, f.Device.Power((PowerAction)3));
            f.Driver.Remove();
            Assert.AreEqual(SmartcardStatus.NoMedia, f.Device.Power(PowerAction.ColdReset));
        }

        [TestMethod]
        public void ApduLevelReader_ChoosesT1Nominally_AndTransmitsThroughTheDriver()
        {
            DeviceFixture f = DeviceFixture.ApduReader(DeviceFixture.AtrT0AndT1);
            Assert.AreEqual(SmartcardStatus.Success, f.Device.Power(PowerAction.ColdReset));
            int selected;
            Assert.AreEqual(SmartcardStatus.Success, f.Device.SetProtocol(Protocols.T0 | Protocols.T1, out selected));
            Assert.AreEqual(Protocols.T1, selected);
            f.Driver.ApduResponse = TestSupport.Hex("01 02 90 00");
            byte[] command = TestSupport.Hex("FF CA 00 00 00");
            byte[] response = new byte[10];
            int length;
            Assert.AreEqual(SmartcardStatus.Success, f.Device.Transmit(Protocols.T1, command, 0, command.Length, response, 0, 10, out length));
            Assert.AreEqual("01 02 90 00", TestSupport.ToHex(response, 0, length));
            Assert.AreEqual("FF CA 00 00 00", f.Driver.LastCommand);
        }

        [TestMethod]
        public void Close_ReturnsToUnknown_AndCloseTheDriver()
        {
            DeviceFixture f = DeviceFixture.SpecificT0();
            f.Device.Close();
            Assert.AreEqual(ReaderState.Unknown, f.Device.State);
            Assert.AreEqual(1, f.Driver.CloseCount);
            Assert.AreEqual("Unknown", f.TakeEvents());
            f.Driver.Remove();
            Assert.AreEqual("", f.TakeEvents(), "presence no longer followed");
            f.Device.Close();
            Assert.AreEqual(1, f.Driver.CloseCount, "closing twice is harmless");
        }
    }
}
