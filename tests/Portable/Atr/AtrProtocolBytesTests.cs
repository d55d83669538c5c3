#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.AtrParsing
{
    /// <summary>Bytes that depend on the T of the preceding TD: T=1 parameters, T=15 class and clock stop, TA2 specific mode.</summary>
    [TestClass]
    public class AtrProtocolBytesTests
    {
        [TestMethod]
        public void FirstT1BytesGiveIfscCwiBwiAndEdc()
        {
            Atr atr = AtrSamples.Parse(AtrSamples.T1Parameters);
            Assert.IsTrue(atr.IsValid, AtrSamples.Describe(atr));
            Assert.AreEqual(254, atr.Ifsc);
            Assert.AreEqual(5, atr.Cwi);
            Assert.AreEqual(4, atr.Bwi);
            Assert.IsTrue(atr.UsesCrc, "TC3 b1 = 1 selects CRC");
            Assert.AreEqual(0x20, atr.TA(4));
            Assert.AreEqual(0x12, atr.TB(4));
        }

        [TestMethod]
        public void LrcWhenTc3B1IsZero()
        {
            Atr atr = AtrSamples.Parse(AtrSamples.Sam);
            Assert.IsFalse(atr.UsesCrc, "TC3 = 00");
            Assert.AreEqual(254, atr.Ifsc);
            Assert.AreEqual(3, atr.Cwi);
            Assert.AreEqual(4, atr.Bwi);
            Assert.AreEqual(255, atr.N);
        }

        [TestMethod]
        public void T1BytesOnlyCountAfterATdAnnouncingT1()
        {
            // TD1 = 80 announces T=0: TA3 after TD2 = 1F is the T=15 byte, not an IFSC.
            Atr atr = AtrSamples.Parse("3B 80 80 1F C3 DC");
            Assert.IsTrue(atr.IsValid, AtrSamples.Describe(atr));
            Assert.AreEqual(32, atr.Ifsc);
        }

        [TestMethod]
        public void InvalidIfscIsReportedAndTheDefaultKept()
        {
            Atr atr = AtrSamples.Parse("3B 80 81 71 00 45 01 34");
            Assert.IsTrue(AtrSamples.HasError(atr, AtrErrorCode.RfuIfsc), AtrSamples.Describe(atr));
            Assert.AreEqual(4, atr.Errors[0].Position);
            Assert.AreEqual(32, atr.Ifsc);
            Assert.IsTrue(atr.IsStructurallyValid, "a reserved value is not a structural error");
        }

        [TestMethod]
        public void FirstTaAfterT15GivesClockStopAndClass()
        {
            Atr atr = AtrSamples.Parse("3B 80 80 9F C3 1F 01 42");
            Assert.IsTrue(atr.IsValid, AtrSamples.Describe(atr));
            Assert.IsTrue(atr.GlobalTa15Present, "TA3 after T=15");
            Assert.AreEqual(3, atr.ClockStop);
            Assert.AreEqual(0x03, atr.Classes);
            Assert.AreEqual(Protocols.T0 | Protocols.T15, atr.OfferedProtocols);
            Assert.AreEqual(Protocols.T0, atr.DefaultProtocol);
            Assert.IsTrue(atr.TckRequired, "T=15 requires TCK");
        }

        [TestMethod]
        public void SamAtrHasClassesAAndBWithoutClockStop()
        {
            Atr atr = AtrSamples.Parse(AtrSamples.Sam);
            Assert.AreEqual(0, atr.ClockStop);
            Assert.AreEqual(0x03, atr.Classes);
        }

        [TestMethod]
        public void Ta2MeansSpecificMode()
        {
            Atr atr = AtrSamples.Parse(AtrSamples.SpecificT1);
            Assert.IsTrue(atr.IsValid, AtrSamples.Describe(atr));
            Assert.IsTrue(atr.SpecificMode, "TA2 present");
            Assert.AreEqual(1, atr.SpecificProtocolType);
            Assert.IsFalse(atr.SpecificModeImplicit, "b5 = 0: Fi/Di from TA1");
            Assert.IsTrue(atr.SpecificModeChangeable, "b8 = 0");
        }

        [TestMethod]
        public void Ta2ImplicitAndUnchangeable()
        {
            Atr atr = AtrSamples.Parse(AtrSamples.SpecificImplicit);
            Assert.IsTrue(atr.SpecificMode, "TA2 present");
            Assert.IsTrue(atr.SpecificModeImplicit, "b5 = 1");
            Assert.IsFalse(atr.SpecificModeChangeable, "b8 = 1");
        }

        [TestMethod]
        public void NegotiableModeHasNoSpecificProtocol()
        {
            Atr atr = AtrSamples.Parse(AtrSamples.Vicc);
            Assert.IsFalse(atr.SpecificMode, "no TA2");
            Assert.AreEqual(-1, atr.SpecificProtocolType);
            Assert.IsFalse(atr.SpecificModeImplicit, "negotiable");
        }
    }
}
