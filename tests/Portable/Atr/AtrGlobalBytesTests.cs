#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.AtrParsing
{
    [TestClass]
    public class AtrGlobalBytesTests
    {
        [TestMethod]
        public void MinimalAtrHasEveryDefault()
        {
            Atr atr = AtrSamples.Parse(AtrSamples.MinimalT0);
            Assert.IsTrue(atr.IsValid, AtrSamples.Describe(atr));
            Assert.AreEqual((int)AtrConvention.Direct, (int)atr.Convention);
            Assert.IsFalse(atr.InverseConvention, "3B is direct");
            Assert.IsFalse(atr.Ta1Present, "no TA1");
            Assert.AreEqual(0x11, atr.Ta1);
            Assert.AreEqual(372, atr.Fi);
            Assert.AreEqual(1, atr.Di);
            Assert.AreEqual(5000000, atr.FMaxHz);
            Assert.AreEqual(0, atr.N);
            Assert.AreEqual(10, atr.WI);
            Assert.AreEqual(32, atr.Ifsc);
            Assert.AreEqual(13, atr.Cwi);
            Assert.AreEqual(4, atr.Bwi);
            Assert.IsFalse(atr.UsesCrc, "LRC by default");
            Assert.AreEqual(Protocols.T0, atr.OfferedProtocols);
            Assert.AreEqual(0, atr.DefaultProtocolType);
            Assert.AreEqual(Protocols.T0, atr.DefaultProtocol);
            Assert.IsFalse(atr.SpecificMode, "no TA2");
            Assert.AreEqual(0, atr.ClockStop);
            Assert.AreEqual(1, atr.Classes);
            Assert.AreEqual(0, atr.GroupCount);
        }

        [TestMethod]
        public void InverseConventionIsTs3F()
        {
            Atr atr = AtrSamples.Parse(AtrSamples.InverseT0T1);
            Assert.IsTrue(atr.IsValid, AtrSamples.Describe(atr));
            Assert.AreEqual((int)AtrConvention.Inverse, (int)atr.Convention);
            Assert.IsTrue(atr.InverseConvention, "3F is inverse");
        }

        [TestMethod]
        public void Ta1GivesFiDiAndFMax()
        {
            Atr atr = AtrSamples.Parse("3B 11 96 87");
            Assert.IsTrue(atr.Ta1Present, "TA1 present");
            Assert.AreEqual(0x96, atr.Ta1);
            Assert.AreEqual(9, atr.FiIndex);
            Assert.AreEqual(6, atr.DiIndex);
            Assert.AreEqual(512, atr.Fi);
            Assert.AreEqual(32, atr.Di);
            Assert.AreEqual(5000000, atr.FMaxHz);
        }

        [TestMethod]
        public void Ta1TableCorners()
        {
            Assert.AreEqual(12, AtrSamples.Parse(AtrSamples.InverseT0T1).Di);
            Assert.AreEqual(372, AtrSamples.Parse("3B 10 01").Fi);
            Assert.AreEqual(4000000, AtrSamples.Parse("3B 10 01").FMaxHz);
            Assert.AreEqual(2048, AtrSamples.Parse("3B 10 D9").Fi);
            Assert.AreEqual(20, AtrSamples.Parse("3B 10 D9").Di);
            Assert.AreEqual(20000000, AtrSamples.Parse("3B 10 D9").FMaxHz);
            Assert.AreEqual(7500000, AtrSamples.Parse("3B 10 A7").FMaxHz);
            Assert.AreEqual(64, AtrSamples.Parse("3B 10 A7").Di);
        }

        [TestMethod]
        public void ReservedFiAndDiAreReportedButNotStructural()
        {
            Atr atr = AtrSamples.Parse("3B 10 7A");
            Assert.IsTrue(AtrSamples.HasError(atr, AtrErrorCode.RfuFi), AtrSamples.Describe(atr));
            Assert.IsTrue(AtrSamples.HasError(atr, AtrErrorCode.RfuDi), AtrSamples.Describe(atr));
            Assert.AreEqual(0, atr.Fi);
            Assert.AreEqual(0, atr.Di);
            Assert.AreEqual(0, atr.FMaxHz);
            Assert.IsTrue(atr.IsStructurallyValid, "the shape is right");
            Assert.IsFalse(atr.IsValid, "reserved values are findings");
            Assert.IsTrue(AtrSamples.HasError(AtrSamples.Parse("3B 10 10"), AtrErrorCode.RfuDi), "DI = 0 is reserved");
        }

        [TestMethod]
        public void Tc1GivesN()
        {
            Assert.AreEqual(255, AtrSamples.Parse("3B 40 FF").N);
            Assert.AreEqual(2, AtrSamples.Parse("3B 40 02").N);
        }

        [TestMethod]
        public void Tc2GivesWi()
        {
            Atr atr = AtrSamples.Parse("3B 80 40 14");
            Assert.IsTrue(atr.IsValid, AtrSamples.Describe(atr));
            Assert.AreEqual(20, atr.WI);
            Assert.AreEqual(0x14, atr.TC(2));
            Assert.IsFalse(atr.TckRequired, "only T=0: no TCK");
        }

        [TestMethod]
        public void ReservedWiKeepsTheDefault()
        {
            Atr atr = AtrSamples.Parse("3B 80 40 00");
            Assert.IsTrue(AtrSamples.HasError(atr, AtrErrorCode.RfuWi), AtrSamples.Describe(atr));
            Assert.AreEqual(3, atr.Errors[0].Position);
            Assert.AreEqual(10, atr.WI);
        }

        [TestMethod]
        public void Tb1AndTb2AreKeptRawOnly()
        {
            Atr atr = AtrSamples.Parse("3B A0 00 20 25");
            Assert.IsTrue(atr.IsValid, AtrSamples.Describe(atr));
            Assert.AreEqual(0x00, atr.TB(1));
            Assert.AreEqual(0x20, atr.TD(1));
            Assert.AreEqual(0x25, atr.TB(2));
            Assert.AreEqual(0, atr.N);
            Assert.AreEqual(13, atr.Cwi);
        }

        [TestMethod]
        public void EveryRawInterfaceByteIsAvailable()
        {
            Atr atr = AtrSamples.Parse(AtrSamples.Sam);
            Assert.IsTrue(atr.IsValid, AtrSamples.Describe(atr));
            Assert.AreEqual(4, atr.GroupCount);
            Assert.AreEqual(0x18, atr.TA(1));
            Assert.AreEqual(-1, atr.TB(1));
            Assert.AreEqual(0xFF, atr.TC(1));
            Assert.AreEqual(0x81, atr.TD(1));
            Assert.AreEqual(-1, atr.TA(2));
            Assert.AreEqual(0xF1, atr.TD(2));
            Assert.AreEqual(0xFE, atr.TA(3));
            Assert.AreEqual(0x43, atr.TB(3));
            Assert.AreEqual(0x00, atr.TC(3));
            Assert.AreEqual(0x3F, atr.TD(3));
            Assert.AreEqual(0x03, atr.TA(4));
            Assert.AreEqual(0x83, atr.TB(4));
            Assert.AreEqual(-1, atr.TD(4));
            Assert.AreEqual(-1, atr.TA(0));
            Assert.AreEqual(-1, atr.TA(99));
        }

        [TestMethod]
        public void DefaultProtocolIsTheFirstTd()
        {
            Atr vicc = AtrSamples.Parse(AtrSamples.Vicc);
            Assert.AreEqual(1, vicc.DefaultProtocolType);
            Assert.AreEqual(Protocols.T1, vicc.DefaultProtocol);
            Assert.AreEqual(Protocols.T1, vicc.OfferedProtocols);
            Assert.AreEqual(0x02, vicc.OfferedTypes);

            Atr both = AtrSamples.Parse(AtrSamples.InverseT0T1);
            Assert.AreEqual(Protocols.T0, both.DefaultProtocol);
            Assert.AreEqual(Protocols.T0 | Protocols.T1, both.OfferedProtocols);
        }

        [TestMethod]
        public void ParsesFromAnOffsetAndCopiesTheBytes()
        {
            byte[] buffer = TestSupport.Hex("00 00 3B 95 13 81 01 80 73 FF 01 00 0B EE");
            Atr atr = Atr.Parse(buffer, 2, 11);
            Assert.IsTrue(atr.IsValid, AtrSamples.Describe(atr));
            buffer[2] = 0;
            Assert.AreEqual(11, atr.Length);
            TestSupport.AreEqualBytes(TestSupport.Hex(AtrSamples.Vicc), atr.Bytes, 0, atr.Length);
        }
    }
}
