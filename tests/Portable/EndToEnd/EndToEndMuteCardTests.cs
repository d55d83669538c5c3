#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.EndToEnd
{
    /// <summary>A card that stops answering mid-session fails the APDU within its waiting-time bound, never hangs.</summary>
    [TestClass]
    public class EndToEndMuteCardTests
    {
        /// <summary>Retries (3) plus resynchronisations (3) after the first block, each awaiting one BWT (ISO 7816-3 §11.6.3).</summary>
        private const int MaxT1Attempts = 8;

        /// <summary>Slack for the command characters themselves (a 5-byte header and turnaround at 9600 bd).</summary>
        private const int T0CommandCharacters = 10;

        [TestMethod]
        public void MuteT0CardTimesOutAfterOneWaitingTime()
        {
            EndToEndSlot slot = EndToEndSlot.With(CardProfile.DirectT0(), null);
            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T0));
            slot.Card.Faults.Arm(CardFaultScope.SentCharacter, 0, CardFaultKind.Mute);
            long start = slot.Clock.NowMicros;

            SmartcardStatus status = slot.Transmit(TestSupport.Hex("80 10 00 02 02"));

            Assert.AreEqual(SmartcardStatus.IoTimeout, status);
            Assert.AreEqual(ScardError.NotTransacted, StatusMap.ForIo(status));
            long bound = slot.Device.Timing.WaitingTimeMicros + slot.Device.Timing.EtuToMicros(12 * T0CommandCharacters);
            Assert.IsTrue(slot.Clock.NowMicros - start <= bound, "within WT");
        }

        [TestMethod]
        public void MuteT1CardFailsWithinItsRetriesOfBwtAndIsDeactivated()
        {
            EndToEndSlot slot = EndToEndT1Tests.T1Slot(32, false);
            slot.Card.Faults.Arm(CardFaultScope.SentCharacter, 0, CardFaultKind.Mute);
            long bound = MaxT1Attempts * (long)slot.Device.Timing.BlockWaitingTimeMicros;
            long start = slot.Clock.NowMicros;

            SmartcardStatus status = slot.Transmit(TestSupport.Hex("80 10 00 02 02"));

            Assert.AreEqual(SmartcardStatus.DeviceProtocolError, status);
            Assert.IsTrue(slot.Clock.NowMicros - start <= bound, "bounded by the retries");
            Assert.AreEqual((int)ReaderState.Present, (int)slot.Device.State);
            Assert.IsFalse(slot.Vcc.Value, "deactivated");
            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T1));
            Assert.AreEqual("00 01 90 00", slot.TransmitHex("80 10 00 02 02"));
        }
    }
}
