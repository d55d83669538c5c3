#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.DoorAccessAudit
{
    /// <summary>The simulated medium's power-cut model, which the audit log tests rely on.</summary>
    [TestClass]
    public class SimAppendStorageTests
    {
        private const int Seed = 3;

        [TestMethod]
        public void UnflushedBytesAreReadableButLostAtAPowerCycle()
        {
            SimAppendStorage storage = new SimAppendStorage(Seed);
            Assert.IsTrue(storage.Append(TestSupport.Hex("01 02 03"), 0, 3), "append");
            Assert.IsTrue(storage.Flush(), "flush");
            Assert.IsTrue(storage.Append(TestSupport.Hex("04 05"), 0, 2), "append unflushed");
            Assert.AreEqual("01 02 03 04 05", ReadAll(storage), "before the cycle");

            storage.PowerCycle();
            Assert.AreEqual("01 02 03", ReadAll(storage), "after the cycle");
        }

        [TestMethod]
        public void CutKeepsOnlyThePrefixOfTheInterruptedWrite()
        {
            SimAppendStorage storage = Cut(SimTornWrite.Prefix);
            Assert.AreEqual("01 02", ReadAll(storage), "medium");
        }

        [TestMethod]
        public void CutWithErasedLeavesFfAfterThePrefix()
        {
            SimAppendStorage storage = Cut(SimTornWrite.Erased);
            Assert.AreEqual("01 02 FF FF", ReadAll(storage), "medium");
        }

        [TestMethod]
        public void CutWithGarbageKeepsThePrefixAndTheWriteLength()
        {
            SimAppendStorage storage = Cut(SimTornWrite.Garbage);
            Assert.AreEqual(4L, storage.Length, "length");
            Assert.AreEqual("01 02", ReadAll(storage).Substring(0, 5), "prefix");
        }

        [TestMethod]
        public void EveryCallFailsWhileThePowerIsOff()
        {
            SimAppendStorage storage = new SimAppendStorage(Seed);
            storage.CutPowerAfter(1, SimTornWrite.Prefix);
            storage.Append(TestSupport.Hex("01"), 0, 1);
            Assert.IsTrue(storage.Flush(), "the write that uses up the budget completes");
            Assert.IsFalse(storage.IsPowered, "then the power is gone");

            byte[] buffer = new byte[1];
            Assert.AreEqual(-1, storage.Read(0, buffer, 0, 1), "read");
            Assert.IsFalse(storage.Append(buffer, 0, 1), "append");
            Assert.IsFalse(storage.Flush(), "flush");
            Assert.IsFalse(storage.Truncate(0), "truncate");

            storage.PowerCycle();
            Assert.AreEqual("01", ReadAll(storage), "after the cycle");
        }

        [TestMethod]
        public void TruncateCutsTheMediumAndRefusesToGrowIt()
        {
            SimAppendStorage storage = new SimAppendStorage(Seed);
            storage.Append(TestSupport.Hex("01 02 03 04"), 0, 4);
            storage.Flush();
            Assert.IsFalse(storage.Truncate(5), "longer than the medium");
            Assert.IsTrue(storage.Truncate(1), "cut");
            storage.PowerCycle();
            Assert.AreEqual("01", ReadAll(storage), "durable cut");
        }

        /// <summary>01 02 03 04 appended and flushed with the power cut after two bytes.</summary>
        private static SimAppendStorage Cut(SimTornWrite tornWrite)
        {
            SimAppendStorage storage = new SimAppendStorage(Seed);
            storage.CutPowerAfter(2, tornWrite);
            Assert.IsTrue(storage.Append(TestSupport.Hex("01 02 03 04"), 0, 4), "append");
            Assert.IsFalse(storage.Flush(), "the flush the cut interrupts");
            storage.PowerCycle();
            return storage;
        }

        private static string ReadAll(SimAppendStorage storage)
        {
            byte[] buffer = new byte[(int)storage.Length];
            Assert.AreEqual(buffer.Length, storage.Read(0, buffer, 0, buffer.Length), "read");
            return TestSupport.ToHex(buffer);
        }
    }
}
