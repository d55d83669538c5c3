#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Presence
{
    /// <summary>Which presence probe each kind of powered card gets (reference §5.3, §6.2).</summary>
    [TestClass]
    public class PresenceProbeTests
    {
        [TestMethod]
        public void Iso14443_4TypeAIsDiagnosed()
        {
            Pn532PresenceProbe probe = new Pn532PresenceProbe();
            Assert.AreEqual(Pn532PresenceProbe.Diagnose, probe.Choose(DecodedTargets.TypeA("01 01 03 44 20 04 01 02 03 04 05 78 80 70 02"), -1));
        }

        [TestMethod]
        public void TypeBIsDiagnosed()
        {
            Pn532ReaderTarget target = DecodedTargets.TypeB("01 01 50 1B 2C 3D 4E 00 12 34 01 00 81 81 01 10");
            Assert.AreEqual(Pn532PresenceProbe.Diagnose, new Pn532PresenceProbe().Choose(target, -1));
        }

        [TestMethod]
        public void UltralightReadsPageZero()
        {
            Pn532PresenceProbe probe = new Pn532PresenceProbe();
            Assert.AreEqual(Pn532PresenceProbe.Read, probe.Choose(DecodedTargets.TypeA("01 01 00 44 00 07 04 A1 B2 C3 D4 E5 F6"), -1));
            Assert.AreEqual(0, probe.Block);
            Assert.AreEqual("30 00", TestSupport.ToHex(probe.ReadCommand(probe.Block), 0, Pn532PresenceProbe.ReadCommandLength));
        }

        [TestMethod]
        public void ClassicWithoutSessionIsReselected()
        {
            Assert.AreEqual(Pn532PresenceProbe.Reselect, new Pn532PresenceProbe().Choose(DecodedTargets.TypeA("01 01 00 04 08 04 F6 8E 2A 99"), -1));
        }

        [TestMethod]
        public void ClassicInSessionReadsTheTrailer()
        {
            Pn532PresenceProbe probe = new Pn532PresenceProbe();
            Assert.AreEqual(Pn532PresenceProbe.Read, probe.Choose(DecodedTargets.TypeA("01 01 00 04 08 04 F6 8E 2A 99"), 7));
            Assert.AreEqual(7, probe.Block);
            Assert.AreEqual("30 07", TestSupport.ToHex(probe.ReadCommand(probe.Block), 0, 2));
        }

        [TestMethod]
        public void DiagnoseWaitsTheFrameWaitingTimeAndTheMargin()
        {
            // FWT(8) = 4096 · 2^8 / 13.56 MHz = 77 328.6 µs, rounded up.
            Assert.AreEqual(77329L + Pn532PresenceProbe.DiagnoseMarginMicros, Pn532PresenceProbe.DiagnoseTimeoutMicros(8));
        }
    }
}
