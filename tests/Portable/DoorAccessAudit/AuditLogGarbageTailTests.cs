#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using EmbeddedSmartCard.Firmware.DoorAccess;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.DoorAccessAudit
{
    /// <summary>Whatever follows the last whole record (random bytes, erased flash, a damaged record)
    /// is cut at open, and every record before it stays.</summary>
    [TestClass]
    public class AuditLogGarbageTailTests
    {
        private const int Tails = 200;
        private const int MaxTailLength = 2 * AuditRecordFormat.MaxLength;

        [TestMethod]
        public void RandomTailsAreCutAndEveryRecordKept()
        {
            Random random = new Random(20261121);
            for (int t = 0; t < Tails; t++)
            {
                byte[] tail = new byte[1 + random.Next(MaxTailLength)];
                random.NextBytes(tail);
                AssertTailCut(tail, "random tail " + t + " of " + tail.Length + " bytes");
            }
        }

        [TestMethod]
        public void ErasedFlashTailIsCut()
        {
            byte[] erased = new byte[64];
            for (int i = 0; i < erased.Length; i++)
            {
                erased[i] = 0xFF;
            }
            AssertTailCut(erased, "erased");
        }

        [TestMethod]
        public void ZeroTailIsCut()
        {
            AssertTailCut(new byte[64], "zeros");
        }

        [TestMethod]
        public void ARecordWithAFlippedBitIsCut()
        {
            SimAppendStorage storage = WithSamples(AuditSamples.Count);
            long lastStart = LastRecordStart(storage);
            for (long at = lastStart; at < storage.Length; at++)
            {
                SimAppendStorage damaged = WithSamples(AuditSamples.Count);
                byte[] one = new byte[1];
                damaged.Read(at, one, 0, 1);
                one[0] ^= 0x10;
                damaged.Corrupt(at, one, 0, 1);

                AuditLog log = AuditSamples.Open(damaged);
                AuditSamples.AssertHoldsSamples(log, AuditSamples.Count - 1, "bit flipped at " + at);
                Assert.AreEqual(lastStart, damaged.Length, "cut at the damaged record");
            }
        }

        [TestMethod]
        public void AWellFormedRecordOutOfSequenceIsCut()
        {
            SimAppendStorage storage = WithSamples(2);
            SimAppendStorage other = WithSamples(1);
            byte[] stray = new byte[(int)other.Length];
            other.Read(0, stray, 0, stray.Length);
            long length = storage.Length;
            storage.Append(stray, 0, stray.Length);
            storage.Flush();

            AuditSamples.AssertHoldsSamples(AuditSamples.Open(storage), 2, "record 1 after record 2");
            Assert.AreEqual(length, storage.Length, "cut");
        }

        private static void AssertTailCut(byte[] tail, string context)
        {
            SimAppendStorage storage = WithSamples(AuditSamples.Count);
            long length = storage.Length;
            storage.Append(tail, 0, tail.Length);
            storage.Flush();

            AuditLog log = AuditSamples.Open(storage);
            AuditSamples.AssertHoldsSamples(log, AuditSamples.Count, context);
            Assert.AreEqual((long)tail.Length, log.DiscardedBytes, context + ": discarded");
            Assert.AreEqual(length, storage.Length, context + ": medium cut");
            Assert.AreEqual(0L, AuditSamples.Open(storage).DiscardedBytes, context + ": second open");
        }

        private static SimAppendStorage WithSamples(int count)
        {
            SimAppendStorage storage = new SimAppendStorage(0);
            Assert.AreEqual(count, AuditSamples.AppendUntilFailure(AuditSamples.Open(storage), count), "samples");
            return storage;
        }

        private static long LastRecordStart(SimAppendStorage storage)
        {
            AuditLog log = AuditSamples.Open(storage);
            AuditRecord record = new AuditRecord();
            long position = 0;
            long next;
            long last = 0;
            while (log.Read(position, record, out next) == AuditLogStatus.Ok)
            {
                last = position;
                position = next;
            }
            return last;
        }
    }
}
