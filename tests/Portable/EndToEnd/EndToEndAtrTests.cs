#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Uart;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.EndToEnd
{
    /// <summary>ATR features seen end to end: conventions, specific mode, TA1 and PPS, TC1, IFSC and EDC, a mute card.</summary>
    [TestClass]
    public class EndToEndAtrTests
    {
        private const string Case2Pattern = "80 10 00 08 08";
        private const string PatternAnswer = "00 01 02 03 04 05 06 07 90 00";

        [TestMethod]
        public void DirectConventionCardAnswersItsAtrAndCommands()
        {
            EndToEndSlot slot = EndToEndSlot.With(CardProfile.DirectT0(), null);

            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T0 | Protocols.T1));

            AssertAtrIsTheProfiles(slot);
            Assert.AreEqual(Protocols.T0, slot.Device.SelectedProtocol);
            Assert.AreEqual(PatternAnswer, slot.TransmitHex(Case2Pattern));
        }

        [TestMethod]
        public void InverseConventionCardWorks()
        {
            EndToEndSlot slot = EndToEndSlot.With(CardProfile.InverseT0(), null);

            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T0));

            AssertAtrIsTheProfiles(slot);
            Assert.IsTrue(slot.Device.Atr.InverseConvention, "TS = 3F");
            Assert.AreEqual(PatternAnswer, slot.TransmitHex(Case2Pattern));
            Assert.AreEqual("01 02 03 90 00", slot.TransmitHex("80 12 00 00 03 01 02 03 03"));
        }

        [TestMethod]
        public void PpsRaisesTheRateToTa1()
        {
            EndToEndSlot slot = EndToEndSlot.With(CardProfile.DualT0T1(), null);

            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T0));

            Assert.AreEqual(38400, slot.Line.BaudRate);
            Assert.AreEqual(38400, slot.Card.BaudRate);
            Assert.AreEqual(PatternAnswer, slot.TransmitHex(Case2Pattern));
        }

        [TestMethod]
        public void PpsStaysWithinTheLineLimit()
        {
            UartReaderOptions options = new UartReaderOptions();
            options.MaxBaudRate = 115200;
            EndToEndSlot slot = EndToEndSlot.With(CardProfile.FastT1(), options);

            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T1));

            Assert.IsTrue(slot.Line.BaudRate <= 115200, "not above the line's limit");
            Assert.AreEqual(slot.Card.BaudRate, slot.Line.BaudRate);
            Assert.AreEqual(PatternAnswer, slot.TransmitHex(Case2Pattern));
        }

        [TestMethod]
        public void PpsReachesTa1WhenTheLineAllows()
        {
            UartReaderOptions options = new UartReaderOptions();
            options.MaxBaudRate = 230400;
            EndToEndSlot slot = EndToEndSlot.With(CardProfile.FastT1(), options);

            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T1));

            Assert.AreEqual(223200, slot.Line.BaudRate);
            Assert.AreEqual(PatternAnswer, slot.TransmitHex(Case2Pattern));
        }

        [TestMethod]
        public void SpecificModeAppliesTa1WithoutPps()
        {
            CardProfile profile = CardProfile.DualT0T1();
            profile.SpecificMode = true;
            profile.SpecificProtocol = 1;
            EndToEndSlot slot = EndToEndSlot.With(profile, null);

            Assert.AreEqual(SmartcardStatus.Success, slot.Device.Power(PowerAction.ColdReset));

            Assert.AreEqual((int)ReaderState.Specific, (int)slot.Device.State);
            Assert.AreEqual(Protocols.T1, slot.Device.SelectedProtocol);
            Assert.AreEqual(38400, slot.Line.BaudRate);
            Assert.AreEqual(PatternAnswer, slot.TransmitHex(Case2Pattern));
        }

        [TestMethod]
        public void ExtraGuardTimeFromTc1IsKept()
        {
            CardProfile profile = CardProfile.DirectT0();
            profile.ExtraGuardTime = 20;
            EndToEndSlot slot = EndToEndSlot.With(profile, null);

            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T0));

            Assert.AreEqual(32, slot.Device.Timing.CharacterGuardEtu);
            Assert.AreEqual("01 02 03 90 00", slot.TransmitHex("80 12 00 00 03 01 02 03 03"));
        }

        [TestMethod]
        public void T1WithMinimumGuardTimeRunsOneStopBit()
        {
            CardProfile profile = CardProfile.FastT1();
            profile.ExtraGuardTime = 255;
            EndToEndSlot slot = EndToEndSlot.With(profile, null);

            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T1));

            Assert.AreEqual((int)EmbeddedSmartCard.Hal.UartStopBits.One, (int)slot.Line.StopBits);
            Assert.AreEqual(PatternAnswer, slot.TransmitHex(Case2Pattern));
        }

        [TestMethod]
        public void T1CardWithCrcAndIfsc254Works()
        {
            CardProfile profile = CardProfile.FastT1();
            profile.UseCrc = true;
            EndToEndSlot slot = EndToEndSlot.With(profile, null);

            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T1));

            Assert.IsTrue(slot.Device.Atr.UsesCrc, "TC3 says CRC");
            Assert.AreEqual(254, slot.Device.Atr.Ifsc);
            Assert.AreEqual(PatternAnswer, slot.TransmitHex(Case2Pattern));
        }

        [TestMethod]
        public void CardThatNeverAnswersFailsWithinTheAtrWindow()
        {
            CardProfile profile = CardProfile.DirectT0();
            profile.AtrDelayClocks = 60000;
            EndToEndSlot slot = EndToEndSlot.With(profile, null);
            long start = slot.Clock.NowMicros;

            SmartcardStatus status = slot.Device.Power(PowerAction.ColdReset);

            Assert.AreEqual(SmartcardStatus.IoTimeout, status);
            Assert.AreEqual(ScardError.UnresponsiveCard, StatusMap.ForActivation(status));
            Assert.AreEqual((int)ReaderState.Present, (int)slot.Device.State);
            Assert.IsFalse(slot.Vcc.Value, "deactivated");
            long bound = slot.Options.VccRiseMicros + (slot.Options.ResetHoldClocks + slot.Options.AtrTimeoutClocks) * 1000000L / slot.Options.ClockHz + 2000;
            Assert.IsTrue(slot.Clock.NowMicros - start <= bound, "gave up right after the ATR window");
        }

        private static void AssertAtrIsTheProfiles(EndToEndSlot slot)
        {
            byte[] expected = slot.Card.Profile.BuildAtr();
            byte[] atr = new byte[40];
            int length = slot.Device.CopyAtr(atr, 0);
            Assert.AreEqual(TestSupport.ToHex(expected), TestSupport.ToHex(atr, 0, length));
        }
    }
}
