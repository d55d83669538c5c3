#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Uart;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Uart
{
    /// <summary>The card-detect switch: debounced presence, immediate deactivation and NoMedia on removal.</summary>
    [TestClass]
    public class UartCardDetectTests
    {
        private const int PullAfterMicros = 100000;

        [TestMethod]
        public void CardPulledDuringReceiveGivesNoMediaAndDeactivates()
        {
            UartRig rig = UartRig.Open(null);
            Assert.AreEqual(SmartcardStatus.Success, rig.ColdReset());
            long pulledAt = rig.Clock.NowMicros + PullAfterMicros;
            rig.Clock.Schedule(pulledAt, Pull, rig);
            byte[] reply = new byte[2];
            int received;
            rig.Log = "";

            Assert.AreEqual(SmartcardStatus.NoMedia, rig.Reader.Receive(reply, 0, 2, 1600000, 1600000, out received));

            long noticedWithin = rig.Clock.NowMicros - pulledAt;
            Assert.IsTrue(noticedWithin <= rig.Options.CardDetectDebounceMicros + 10000, "noticed right after the debounced edge");
            Assert.AreEqual("RST0 CLK0 VCC0", rig.Log);
            Assert.AreEqual(1, rig.PresenceEvents);
            Assert.IsFalse(rig.LastPresence, "removal reported");
            Assert.IsFalse(rig.Reader.IsCardPresent(), "absent");
        }

        [TestMethod]
        public void SendAfterRemovalGivesNoMedia()
        {
            UartRig rig = UartRig.Open(null);
            rig.ColdReset();
            rig.CardDetect.Set(false);
            rig.Clock.Advance(rig.Options.CardDetectDebounceMicros);

            Assert.AreEqual(SmartcardStatus.NoMedia, rig.Reader.Send(TestSupport.Hex("00"), 0, 1));
            int length;
            Assert.AreEqual(SmartcardStatus.NoMedia, rig.Reader.Power(PowerAction.ColdReset, rig.AtrBuffer, 0, out length));
        }

        [TestMethod]
        public void InsertionIsReportedAndTheNextCardWorks()
        {
            UartRig rig = UartRig.Open(null);
            rig.CardDetect.Set(false);
            rig.Clock.Advance(rig.Options.CardDetectDebounceMicros);

            rig.CardDetect.Set(true);
            rig.Clock.Advance(rig.Options.CardDetectDebounceMicros);

            Assert.AreEqual(2, rig.PresenceEvents);
            Assert.IsTrue(rig.LastPresence, "insertion reported");
            Assert.AreEqual(SmartcardStatus.Success, rig.ColdReset());
        }

        [TestMethod]
        public void BounceShorterThanTheDebounceTimeIsIgnored()
        {
            UartRig rig = UartRig.Open(null);
            rig.ColdReset();

            rig.CardDetect.Set(false);
            rig.Clock.Advance(rig.Options.CardDetectDebounceMicros / 2);
            rig.CardDetect.Set(true);
            rig.Clock.Advance(rig.Options.CardDetectDebounceMicros * 2);

            Assert.AreEqual(0, rig.PresenceEvents);
            Assert.IsTrue(rig.Reader.IsCardPresent(), "still present");
            Assert.IsTrue(rig.Vcc.Value, "still powered");
        }

        [TestMethod]
        public void ActiveLowSwitchIsHonoured()
        {
            UartReaderOptions options = new UartReaderOptions();
            options.CardDetectActiveHigh = false;
            UartRig rig = UartRig.Open(options);

            Assert.IsFalse(rig.Reader.IsCardPresent(), "a high level means no card");
        }

        [TestMethod]
        public void WithoutASwitchTheCardIsAssumedPresent()
        {
            UartRig rig = new UartRig(null, true, false);
            rig.Reader.Open();

            Assert.IsTrue(rig.Reader.IsCardPresent(), "assumed present");
        }

        private static void Pull(VirtualTimer timer, long dueMicros)
        {
            ((UartRig)timer.State).CardDetect.Set(false);
        }
    }
}
