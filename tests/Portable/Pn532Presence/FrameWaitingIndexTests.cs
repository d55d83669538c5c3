#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Presence
{
    /// <summary>FWI of the selected target (ISO 14443-4 §5.2.5, reference iso7816-pn532.md §5.1), from the InListPassiveTarget answer.</summary>
    [TestClass]
    public class FrameWaitingIndexTests
    {
        [TestMethod]
        public void TypeAWithTaTbTcTakesTb1HighNibble()
        {
            // ATS 06 75 77 81 02 80: T0 75 announces TA(1) 77, TB(1) 81 (FWI 8, SFGI 1), TC(1) 02.
            Assert.AreEqual(8, DecodedTargets.TypeA("01 01 03 44 20 07 04 11 22 33 44 55 66 06 75 77 81 02 80").FrameWaitingIndex);
        }

        [TestMethod]
        public void TypeAWithTbOnlyTakesTheByteAfterT0()
        {
            // ATS 04 28 E0 80: T0 28 announces TB(1) E0 (FWI 14), FSCI 8.
            Assert.AreEqual(14, DecodedTargets.TypeA("01 01 00 04 20 04 01 02 03 04 04 28 E0 80").FrameWaitingIndex);
        }

        [TestMethod]
        public void TypeAWithoutTb1DefaultsToFour()
        {
            // ATS 05 58 80 02 80: T0 58 announces TA(1) 80 and TC(1) 02, no TB(1).
            Assert.AreEqual(4, DecodedTargets.TypeA("01 01 03 44 20 04 01 02 03 04 05 58 80 02 80").FrameWaitingIndex);
        }

        [TestMethod]
        public void TypeAWithBareAtsDefaultsToFour()
        {
            Assert.AreEqual(4, DecodedTargets.TypeA("01 01 03 44 20 04 01 02 03 04 02 05").FrameWaitingIndex);
        }

        [TestMethod]
        public void MifareClassicHasNone()
        {
            Assert.AreEqual(-1, DecodedTargets.TypeA("01 01 00 04 08 04 F6 8E 2A 99").FrameWaitingIndex);
        }

        [TestMethod]
        public void UltralightHasNone()
        {
            Assert.AreEqual(Pn532ReaderTarget.NoFrameWaitingIndex, DecodedTargets.TypeA("01 01 00 44 00 07 04 A1 B2 C3 D4 E5 F6").FrameWaitingIndex);
        }
    }
}
