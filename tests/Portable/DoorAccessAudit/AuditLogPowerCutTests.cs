#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Firmware.DoorAccess;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.DoorAccessAudit
{
    /// <summary>
    /// A power cut at every byte a sequence of appends writes: after the power comes back the log holds
    /// exactly the records whose Append returned Ok, reads nothing corrupt, and appends on from there.
    /// </summary>
    [TestClass]
    public class AuditLogPowerCutTests
    {
        private const int GarbageSeed = 6;

        [TestMethod]
        public void PowerCutAtEveryByteKeepsExactlyTheReturnedRecords_TornPrefix()
        {
            CutAtEveryByte(SimTornWrite.Prefix);
        }

        [TestMethod]
        public void PowerCutAtEveryByteKeepsExactlyTheReturnedRecords_TornGarbage()
        {
            CutAtEveryByte(SimTornWrite.Garbage);
        }

        [TestMethod]
        public void PowerCutAtEveryByteKeepsExactlyTheReturnedRecords_TornErased()
        {
            CutAtEveryByte(SimTornWrite.Erased);
        }

        [TestMethod]
        public void PowerCutAfterTheLastByteOfARecordKeepsIt()
        {
            SimAppendStorage storage = new SimAppendStorage(GarbageSeed);
            AuditLog log = AuditSamples.Open(storage);
            Assert.AreEqual((int)AuditLogStatus.Ok, (int)log.Append(AuditSamples.Make(0)), "first append");
            storage.CutPowerAfter(0, SimTornWrite.Prefix);
            Assert.AreEqual((int)AuditLogStatus.StorageFailure, (int)log.Append(AuditSamples.Make(1)), "append without power");
            Assert.AreEqual((int)AuditLogStatus.NotOpen, (int)log.Append(AuditSamples.Make(1)), "a failed append closes the log");

            storage.PowerCycle();
            AuditLog reopened = AuditSamples.Open(storage);
            AuditSamples.AssertHoldsSamples(reopened, 1, "after the cut");
            Assert.AreEqual(0L, reopened.DiscardedBytes, "nothing of the refused record reached the medium");
        }

        [TestMethod]
        public void OpenWithoutPowerFailsAndCutsNothing()
        {
            SimAppendStorage storage = new SimAppendStorage(GarbageSeed);
            AuditLog log = AuditSamples.Open(storage);
            AuditSamples.AppendUntilFailure(log, AuditSamples.Count);
            long length = storage.Length;
            storage.CutPowerAfter(0, SimTornWrite.Prefix);
            Assert.AreEqual((int)AuditLogStatus.StorageFailure, (int)log.Append(AuditSamples.Make(0)), "the write that meets the cut");
            Assert.AreEqual((int)AuditLogStatus.StorageFailure, (int)new AuditLog(storage).Open(), "open while the medium is off");

            storage.PowerCycle();
            Assert.AreEqual(length, storage.Length, "a failed read must not cut records");
            AuditSamples.AssertHoldsSamples(AuditSamples.Open(storage), AuditSamples.Count, "after power came back");
        }

        private static void CutAtEveryByte(SimTornWrite tornWrite)
        {
            long[] recordEnds = SampleRecordEnds();
            for (int cut = 0; cut <= recordEnds[AuditSamples.Count - 1]; cut++)
            {
                string context = tornWrite + " cut after " + cut + " bytes";
                SimAppendStorage storage = new SimAppendStorage(GarbageSeed + cut);
                AuditLog log = AuditSamples.Open(storage);
                storage.CutPowerAfter(cut, tornWrite);
                int returned = AuditSamples.AppendUntilFailure(log, AuditSamples.Count);
                Assert.AreEqual(RecordsEndingBy(recordEnds, cut), returned, context + ": appends that returned Ok");

                storage.PowerCycle();
                AuditLog reopened = AuditSamples.Open(storage);
                AuditSamples.AssertHoldsSamples(reopened, returned, context);
                AssertReopensClean(storage, returned, context);
                AssertAppendsOn(storage, reopened, returned, context);
            }
        }

        /// <summary>A second open finds nothing more to cut and the same records.</summary>
        private static void AssertReopensClean(SimAppendStorage storage, int returned, string context)
        {
            AuditLog again = AuditSamples.Open(storage);
            Assert.AreEqual(0L, again.DiscardedBytes, context + ": second open cuts nothing");
            AuditSamples.AssertHoldsSamples(again, returned, context + ", opened twice");
        }

        /// <summary>After the cut the log takes the lost records again, numbered on from the kept ones.</summary>
        private static void AssertAppendsOn(SimAppendStorage storage, AuditLog reopened, int returned, string context)
        {
            for (int i = returned; i < AuditSamples.Count; i++)
            {
                Assert.AreEqual((int)AuditLogStatus.Ok, (int)reopened.Append(AuditSamples.Make(i)), context + ": append again " + i);
            }
            AuditSamples.AssertHoldsSamples(AuditSamples.Open(storage), AuditSamples.Count, context + ", appended on");
        }

        /// <summary>Where each sample record ends on the medium when nothing cuts the power.</summary>
        private static long[] SampleRecordEnds()
        {
            SimAppendStorage storage = new SimAppendStorage(GarbageSeed);
            AuditLog log = AuditSamples.Open(storage);
            long[] ends = new long[AuditSamples.Count];
            for (int i = 0; i < AuditSamples.Count; i++)
            {
                Assert.AreEqual((int)AuditLogStatus.Ok, (int)log.Append(AuditSamples.Make(i)), "append without a cut");
                ends[i] = storage.MediumWrites;
            }
            return ends;
        }

        /// <summary>A record is whole on the medium when the cut falls at or after its last byte.</summary>
        private static int RecordsEndingBy(long[] recordEnds, int cut)
        {
            int whole = 0;
            while (whole < recordEnds.Length && recordEnds[whole] <= cut)
            {
                whole++;
            }
            return whole;
        }
    }
}
