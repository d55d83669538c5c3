#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.T1
{
    [TestClass]
    public class T1BlockTests
    {
        [TestMethod]
        public void Write_LaysOutPrologueInfAndLrc()
        {
            byte[] block = new byte[T1Block.MaxLength];
            byte[] inf = TestSupport.Hex("00 A4 04 00");
            int length = T1Block.Write(block, 0x00, T1Pcb.ForIBlock(1, true), inf, 0, inf.Length, false);
            Assert.AreEqual(8, length);
            TestSupport.AreEqualBytes(TestSupport.Hex("00 60 04 00 A4 04 00 C4"), block, 0, length);
        }

        [TestMethod]
        public void Pcb_ValuesAreTheStandardOnes()
        {
            Assert.AreEqual(0x00, (int)T1Pcb.ForIBlock(0, false));
            Assert.AreEqual(0x40, (int)T1Pcb.ForIBlock(1, false));
            Assert.AreEqual(0x20, (int)T1Pcb.ForIBlock(0, true));
            Assert.AreEqual(0x80, (int)T1Pcb.ForRBlock(0, T1Pcb.ErrorFree));
            Assert.AreEqual(0x91, (int)T1Pcb.ForRBlock(1, T1Pcb.EdcError));
            Assert.AreEqual(0x82, (int)T1Pcb.ForRBlock(0, T1Pcb.OtherError));
        }

        [TestMethod]
        public void Pcb_ClassifiesAndRefusesUndefinedValues()
        {
            Assert.IsTrue(T1Pcb.IsIBlock(0x60) && T1Pcb.HasMoreData(0x60) && T1Pcb.Sequence(0x60) == 1, "I(1, M)");
            Assert.IsTrue(T1Pcb.IsRBlock(0x92) && T1Pcb.Sequence(0x92) == 1 && T1Pcb.RBlockError(0x92) == 2, "R(1, other)");
            Assert.IsTrue(T1Pcb.IsSBlock(0xE1), "S(IFS response)");
            Assert.IsFalse(T1Pcb.IsDefined(0x01), "I-block with a reserved bit");
            Assert.IsFalse(T1Pcb.IsDefined(0x83), "R-block error code 3");
            Assert.IsFalse(T1Pcb.IsDefined(0xA0), "R-block with b6 set");
            Assert.IsFalse(T1Pcb.IsDefined(0xE4), "S(VPP error), obsolete");
            Assert.IsTrue(T1Pcb.IsDefined(0xC3), "S(WTX request)");
        }

        [TestMethod]
        public void Check_AcceptsAValidBlock()
        {
            byte[] block = new T1TestBlocks(true).I(0, false, "90 00");
            Assert.AreEqual(0, (int)T1Block.Check(block, block.Length, true, 0x00));
        }

        [TestMethod]
        public void Check_ReportsEdcErrors()
        {
            byte[] block = T1TestBlocks.Corrupt(new T1TestBlocks(false).I(0, false, "90 00"));
            Assert.AreEqual((int)T1Pcb.EdcError, (int)T1Block.Check(block, block.Length, false, 0x00));
        }

        [TestMethod]
        public void Check_ReportsOtherErrors()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            AssertOtherError(blocks.Block(0x00, new byte[255], 0, 255), "LEN FF");
            AssertOtherError(blocks.Block(0x84, null, 0, 0), "undefined PCB");
            AssertOtherError(blocks.S(0xC1, "00"), "S(IFS request) with IFS 0");
            AssertOtherError(blocks.S(0xC1, "FF"), "S(IFS request) with IFS FF");
            AssertOtherError(blocks.S(0xC3, ""), "S(WTX request) without INF");
            AssertOtherError(blocks.S(0xC2, "01"), "S(ABORT request) with INF");
            AssertOtherError(blocks.Block(0x80, new byte[1], 0, 1), "R-block with INF");

            byte[] wrongNad = TestSupport.Hex("21 00 00 21");
            AssertOtherError(wrongNad, "NAD 21");
            byte[] shortBlock = blocks.I(0, false, "90 00");
            Assert.AreEqual((int)T1Pcb.OtherError, (int)T1Block.Check(shortBlock, shortBlock.Length - 1, false, 0x00), "length disagrees with LEN");
        }

        private static void AssertOtherError(byte[] block, string what)
        {
            Assert.AreEqual((int)T1Pcb.OtherError, (int)T1Block.Check(block, block.Length, false, 0x00), what);
        }
    }
}
