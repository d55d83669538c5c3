#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.AtrParsing
{
    /// <summary>Historical bytes, TCK and every structural error the parser reports instead of throwing.</summary>
    [TestClass]
    public class AtrStructureTests
    {
        [TestMethod]
        public void HistoricalBytesAreLocated()
        {
            Atr atr = AtrSamples.Parse(AtrSamples.Sam);
            Assert.AreEqual(15, atr.HistoricalDeclared);
            Assert.AreEqual(15, atr.HistoricalLength);
            Assert.AreEqual(12, atr.HistoricalOffset);
            Assert.AreEqual((int)'M', (int)atr.Bytes[atr.HistoricalOffset]);
            Assert.AreEqual((int)'M', (int)atr.Bytes[atr.HistoricalOffset + 14]);
            Atr minimal = AtrSamples.Parse(AtrSamples.MinimalT0);
            Assert.AreEqual(2, minimal.HistoricalOffset);
            Assert.AreEqual(2, minimal.HistoricalLength);
        }

        [TestMethod]
        public void ValidTck()
        {
            Atr atr = AtrSamples.Parse(AtrSamples.Vicc);
            Assert.IsTrue(atr.TckRequired, "T=1 offered");
            Assert.IsTrue(atr.TckPresent, "TCK sent");
            Assert.IsTrue(atr.TckValid, "XOR is 00");
            Assert.AreEqual(0, atr.Errors.Length);
        }

        [TestMethod]
        public void NoTckForT0Only()
        {
            Atr atr = AtrSamples.Parse(AtrSamples.MinimalT0);
            Assert.IsFalse(atr.TckRequired, "T=0 only");
            Assert.IsFalse(atr.TckPresent, "no TCK");
            Assert.IsFalse(atr.TckValid, "nothing to check");
        }

        [TestMethod]
        public void BadTckIsStructural()
        {
            Atr atr = AtrSamples.Parse("3B 95 13 81 01 80 73 FF 01 00 0C");
            Assert.IsTrue(atr.TckPresent, "TCK sent");
            Assert.IsFalse(atr.TckValid, "XOR is not 00");
            Assert.AreEqual(1, atr.Errors.Length);
            Assert.AreEqual((int)AtrErrorCode.BadTck, (int)atr.Errors[0].Code);
            Assert.AreEqual(10, atr.Errors[0].Position);
            Assert.IsFalse(atr.IsStructurallyValid, "bad TCK");
            Assert.IsTrue(atr.IsUsable, "parameters are still readable");
            Assert.IsTrue(atr.Errors[0].Message.IndexOf("0B") >= 0, atr.Errors[0].Message);
        }

        [TestMethod]
        public void MissingTck()
        {
            Atr atr = AtrSamples.Parse("3B 95 13 81 01 80 73 FF 01 00");
            Assert.IsTrue(AtrSamples.HasError(atr, AtrErrorCode.MissingTck), AtrSamples.Describe(atr));
            Assert.IsFalse(atr.TckPresent, "no TCK");
            Assert.IsTrue(atr.IsUsable, "parameters are complete");
        }

        [TestMethod]
        public void ExtraBytesAfterAT0OnlyAtr()
        {
            Atr atr = AtrSamples.Parse("3B 02 14 50 11");
            Assert.AreEqual(1, atr.Errors.Length, AtrSamples.Describe(atr));
            Assert.AreEqual((int)AtrErrorCode.ExtraBytes, (int)atr.Errors[0].Code);
            Assert.AreEqual(4, atr.Errors[0].Position);
        }

        [TestMethod]
        public void TruncatedInterfaceBytesMakeTheAtrUnusable()
        {
            Atr atr = AtrSamples.Parse("3B 95 13 81");
            Assert.IsTrue(AtrSamples.HasError(atr, AtrErrorCode.TruncatedInterfaceBytes), AtrSamples.Describe(atr));
            Assert.AreEqual(4, atr.Errors[0].Position);
            Assert.IsFalse(atr.IsUsable, "TD2 missing");
            Assert.AreEqual(0x13, atr.Ta1);
        }

        [TestMethod]
        public void TruncatedHistoricalBytes()
        {
            Atr atr = AtrSamples.Parse("3B 05 01 02");
            Assert.IsTrue(AtrSamples.HasError(atr, AtrErrorCode.TruncatedHistoricalBytes), AtrSamples.Describe(atr));
            Assert.AreEqual(5, atr.HistoricalDeclared);
            Assert.AreEqual(2, atr.HistoricalLength);
            Assert.IsTrue(atr.IsUsable, "interface bytes complete");
        }

        [TestMethod]
        public void BadTs()
        {
            Atr atr = AtrSamples.Parse("3A 00");
            Assert.AreEqual((int)AtrErrorCode.BadTs, (int)atr.Errors[0].Code);
            Assert.AreEqual((int)AtrConvention.Unknown, (int)atr.Convention);
            Assert.IsFalse(atr.IsUsable, "bad TS");
            Assert.IsTrue(atr.Errors[0].Message.IndexOf("3A") >= 0, atr.Errors[0].Message);
        }

        [TestMethod]
        public void EmptyAndOneByte()
        {
            Assert.AreEqual((int)AtrErrorCode.TooShort, (int)AtrSamples.Parse("").Errors[0].Code);
            Atr onlyTs = AtrSamples.Parse("3B");
            Assert.AreEqual((int)AtrErrorCode.TooShort, (int)onlyTs.Errors[0].Code);
            Assert.IsFalse(onlyTs.IsUsable, "T0 missing");
        }

        [TestMethod]
        public void BadArgumentsNeverThrow()
        {
            Assert.AreEqual((int)AtrErrorCode.NoData, (int)Atr.Parse(null, 0, 3).Errors[0].Code);
            byte[] bytes = TestSupport.Hex("3B 00");
            Assert.AreEqual((int)AtrErrorCode.NoData, (int)Atr.Parse(bytes, 1, 2).Errors[0].Code);
            Assert.AreEqual((int)AtrErrorCode.NoData, (int)Atr.Parse(bytes, -1, 1).Errors[0].Code);
            Assert.AreEqual((int)AtrErrorCode.NoData, (int)Atr.Parse(bytes, 0, -1).Errors[0].Code);
            Atr none = Atr.Parse(null, 0, 0);
            Assert.AreEqual(0, none.Length);
            Assert.AreEqual(372, none.Fi);
            Assert.AreEqual(32, none.Ifsc);
            Assert.IsFalse(none.IsUsable, "no bytes");
        }

        [TestMethod]
        public void LongerThan33()
        {
            Atr atr = AtrSamples.Parse("3B 0F 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F 20");
            Assert.AreEqual(34, atr.Length);
            Assert.IsTrue(AtrSamples.HasError(atr, AtrErrorCode.TooLong), AtrSamples.Describe(atr));
            Assert.IsTrue(AtrSamples.HasError(atr, AtrErrorCode.ExtraBytes), AtrSamples.Describe(atr));
            Assert.IsFalse(atr.IsUsable, "too long");
        }

        [TestMethod]
        public void EndlessTdChainStopsAtTheLimit()
        {
            byte[] bytes = new byte[200];
            bytes[0] = 0x3B;
            for (int i = 1; i < bytes.Length; i++)
            {
                bytes[i] = 0x81;
            }

            Atr atr = Atr.Parse(bytes, 0, bytes.Length);
            Assert.IsTrue(AtrSamples.HasError(atr, AtrErrorCode.TooLong), AtrSamples.Describe(atr));
            Assert.IsFalse(atr.IsUsable, "garbage");
        }

        [TestMethod]
        public void GarbageIsReportedNotThrown()
        {
            byte[] bytes = new byte[64];
            for (int seed = 0; seed < 256; seed++)
            {
                for (int i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = (byte)(seed * 31 + i * 17 + (i * i) % 7);
                }

                bytes[0] = (byte)(seed % 2 == 0 ? 0x3B : 0x3F);
                for (int length = 0; length <= 40; length += 3)
                {
                    Atr atr = Atr.Parse(bytes, 0, length);
                    Assert.IsNotNull(atr.Errors);
                }
            }
        }

        [TestMethod]
        public void ErrorsAreEmptyForAWellFormedAtr()
        {
            Atr atr = AtrSamples.Parse(AtrSamples.InverseT0T1);
            Assert.AreEqual(0, atr.Errors.Length);
            Assert.IsTrue(atr.IsStructurallyValid, "well formed");
            Assert.IsTrue(atr.IsUsable, "usable");
        }
    }
}
