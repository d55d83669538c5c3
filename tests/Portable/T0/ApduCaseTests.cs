#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.T0
{
    /// <summary>ISO/IEC 7816-3 §12.1.3 command cases from the APDU length and length fields.</summary>
    [TestClass]
    public class ApduCaseTests
    {
        private static void AssertCase(string apdu, ApduCase expected, int expectedNc, int expectedNe)
        {
            byte[] bytes = TestSupport.Hex(apdu);
            int nc;
            int ne;
            Assert.AreEqual(expected, ApduClassifier.Classify(bytes, 0, bytes.Length, out nc, out ne), apdu);
            Assert.AreEqual(expectedNc, nc, "Nc of " + apdu);
            Assert.AreEqual(expectedNe, ne, "Ne of " + apdu);
        }

        [TestMethod]
        public void ShortCases()
        {
            AssertCase("00 A4 04 00", ApduCase.Case1, 0, 0);
            AssertCase("00 B0 00 00 10", ApduCase.Case2Short, 0, 16);
            AssertCase("00 B0 00 00 00", ApduCase.Case2Short, 0, 256);
            AssertCase("00 D6 00 00 02 01 02", ApduCase.Case3Short, 2, 0);
            AssertCase("00 A4 04 00 02 3F 00 00", ApduCase.Case4Short, 2, 256);
            AssertCase("00 A4 04 00 02 3F 00 12", ApduCase.Case4Short, 2, 0x12);
        }

        [TestMethod]
        public void ExtendedCases()
        {
            AssertCase("00 B0 00 00 00 01 00", ApduCase.Case2Extended, 0, 256);
            AssertCase("00 B0 00 00 00 00 00", ApduCase.Case2Extended, 0, 65536);
            AssertCase("00 D6 00 00 00 00 02 01 02", ApduCase.Case3Extended, 2, 0);
            AssertCase("00 D6 00 00 00 00 02 01 02 00 00", ApduCase.Case4Extended, 2, 65536);
            AssertCase("00 D6 00 00 00 00 02 01 02 01 02", ApduCase.Case4Extended, 2, 0x0102);
        }

        [TestMethod]
        public void LengthsMatchingNoCase_AreInvalid()
        {
            AssertCase("", ApduCase.Invalid, 0, 0);
            AssertCase("00 A4 04", ApduCase.Invalid, 0, 0);
            AssertCase("00 D6 00 00 03 01 02", ApduCase.Invalid, 0, 0);
            AssertCase("00 D6 00 00 02 01 02 03 04", ApduCase.Invalid, 0, 0);
            AssertCase("00 D6 00 00 00 01", ApduCase.Invalid, 0, 0);
            AssertCase("00 D6 00 00 00 00 00 01", ApduCase.Invalid, 0, 0);
            AssertCase("00 D6 00 00 00 00 02 01", ApduCase.Invalid, 0, 0);
        }

        [TestMethod]
        public void OffsetAndRange_AreHonoured()
        {
            byte[] bytes = TestSupport.Hex("FF FF 00 B0 00 00 04 EE");
            int nc;
            int ne;
            Assert.AreEqual(ApduCase.Case2Short, ApduClassifier.Classify(bytes, 2, 5, out nc, out ne));
            Assert.AreEqual(4, ne);
            Assert.AreEqual(ApduCase.Invalid, ApduClassifier.Classify(bytes, 6, 5, out nc, out ne), "range past the end");
            Assert.AreEqual(ApduCase.Invalid, ApduClassifier.Classify(null, 0, 4, out nc, out ne), "null buffer");
        }
    }
}
