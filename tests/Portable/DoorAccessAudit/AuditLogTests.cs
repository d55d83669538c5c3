#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Firmware.DoorAccess;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.DoorAccessAudit
{
    [TestClass]
    public class AuditLogTests
    {
        private const int Seed = 1;

        [TestMethod]
        public void RecordsRoundTripThroughAReopen()
        {
            SimAppendStorage storage = new SimAppendStorage(Seed);
            AuditLog log = AuditSamples.Open(storage);
            Assert.AreEqual(0, log.Count, "a new medium is an empty log");
            Assert.AreEqual(AuditSamples.Count, AuditSamples.AppendUntilFailure(log, AuditSamples.Count), "appends");
            AuditSamples.AssertHoldsSamples(log, AuditSamples.Count, "same log");

            AuditSamples.AssertHoldsSamples(AuditSamples.Open(storage), AuditSamples.Count, "reopened");
            AuditSamples.AssertHoldsSamples(AuditSamples.Open(storage), AuditSamples.Count, "reopened twice");
        }

        [TestMethod]
        public void AppendNumbersTheRecordAndIgnoresTheCallersSequence()
        {
            AuditLog log = AuditSamples.Open(new SimAppendStorage(Seed));
            AuditRecord record = AuditSamples.Make(0);
            record.Sequence = 77;
            Assert.AreEqual((int)AuditLogStatus.Ok, (int)log.Append(record), "append");
            Assert.AreEqual(1L, (long)record.Sequence, "the first record of a log is number 1");
            Assert.AreEqual(2L, (long)log.NextSequence, "next");
        }

        [TestMethod]
        public void RecordLayoutIsTheDocumentedOne()
        {
            SimAppendStorage storage = new SimAppendStorage(Seed);
            AuditLog log = AuditSamples.Open(storage);
            AuditRecord record = new AuditRecord();
            record.TimestampMicros = 0x0102030405060708;
            record.Decision = AuditRecord.Granted;
            record.Reader = "R";
            record.Reason = "ok";
            record.SetCardId(TestSupport.Hex("AB CD"), 0, 2);
            Assert.AreEqual((int)AuditLogStatus.Ok, (int)log.Append(record), "append");

            byte[] body = TestSupport.Hex("00 1C 01 00000001 0102030405060708 01 01 52 02 ABCD 02 6F6B");
            uint crc = AuditRecordChecksum.Compute(body, 0, body.Length);
            byte[] crcBytes = new byte[] { (byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc };
            byte[] stored = new byte[(int)storage.Length];
            Assert.AreEqual(stored.Length, storage.Read(0, stored, 0, stored.Length), "read");
            Assert.AreEqual(TestSupport.ToHex(body) + " " + TestSupport.ToHex(crcBytes), TestSupport.ToHex(stored), "bytes");
        }

        [TestMethod]
        public void ChecksumIsCrc32OfIeee8023()
        {
            byte[] check = TestSupport.Hex("31 32 33 34 35 36 37 38 39"); // "123456789"
            Assert.AreEqual((long)0xCBF43926, (long)AuditRecordChecksum.Compute(check, 0, check.Length), "check value");
        }

        [TestMethod]
        public void TextOutsidePrintableAsciiIsKeptAsQuestionMarks()
        {
            SimAppendStorage storage = new SimAppendStorage(Seed);
            AuditRecord record = AuditSamples.Make(0);
            record.Reader = "Tür\t1";
            Assert.AreEqual((int)AuditLogStatus.Ok, (int)AuditSamples.Open(storage).Append(record), "append");

            AuditRecord read = new AuditRecord();
            long next;
            Assert.AreEqual((int)AuditLogStatus.Ok, (int)AuditSamples.Open(storage).Read(0, read, out next), "read");
            Assert.AreEqual("T?r?1", read.Reader, "reader");
        }

        [TestMethod]
        public void OutOfRangeFieldsAreRefusedAndWriteNothing()
        {
            SimAppendStorage storage = new SimAppendStorage(Seed);
            AuditLog log = AuditSamples.Open(storage);
            AuditRecord badDecision = AuditSamples.Make(0);
            badDecision.Decision = 0;
            AuditRecord longReason = AuditSamples.Make(0);
            longReason.Reason = new string('x', AuditRecord.MaxTextLength + 1);

            Assert.AreEqual((int)AuditLogStatus.InvalidRecord, (int)log.Append(badDecision), "decision");
            Assert.AreEqual((int)AuditLogStatus.InvalidRecord, (int)log.Append(longReason), "reason");
            Assert.IsFalse(longReason.SetCardId(new byte[AuditRecord.MaxCardIdLength + 1], 0, AuditRecord.MaxCardIdLength + 1), "card id");
            Assert.AreEqual(0L, storage.Length, "nothing written");
            Assert.AreEqual((int)AuditLogStatus.Ok, (int)log.Append(AuditSamples.Make(0)), "the log stays usable");
        }

        [TestMethod]
        public void LongestFieldsFitOneRecord()
        {
            SimAppendStorage storage = new SimAppendStorage(Seed);
            AuditRecord record = AuditSamples.Make(0);
            record.Reader = new string('r', AuditRecord.MaxTextLength);
            record.Reason = new string('q', AuditRecord.MaxTextLength);
            record.SetCardId(new byte[AuditRecord.MaxCardIdLength], 0, AuditRecord.MaxCardIdLength);
            Assert.AreEqual((int)AuditLogStatus.Ok, (int)AuditSamples.Open(storage).Append(record), "append");
            Assert.AreEqual((long)AuditRecordFormat.MaxLength, storage.Length, "record length");

            AuditRecord read = new AuditRecord();
            long next;
            Assert.AreEqual((int)AuditLogStatus.Ok, (int)AuditSamples.Open(storage).Read(0, read, out next), "read");
            AuditSamples.AssertSame(record, read, "longest record");
        }

        [TestMethod]
        public void UnopenedLogRefusesAppendAndRead()
        {
            AuditLog log = new AuditLog(new SimAppendStorage(Seed));
            AuditRecord record = new AuditRecord();
            long next;
            Assert.AreEqual((int)AuditLogStatus.NotOpen, (int)log.Append(AuditSamples.Make(0)), "append");
            Assert.AreEqual((int)AuditLogStatus.NotOpen, (int)log.Read(0, record, out next), "read");
        }

        [TestMethod]
        public void RecordDamagedAfterTheOpenReadsAsCorrupt()
        {
            SimAppendStorage storage = new SimAppendStorage(Seed);
            AuditLog log = AuditSamples.Open(storage);
            log.Append(AuditSamples.Make(0));
            storage.Corrupt(5, new byte[] { 0xEE }, 0, 1);
            AuditRecord record = new AuditRecord();
            long next;
            Assert.AreEqual((int)AuditLogStatus.Corrupt, (int)log.Read(0, record, out next), "read");
            Assert.AreEqual(0L, next, "no next position");
        }

        [TestMethod]
        public void ReadOutsideTheLogIsTheEnd()
        {
            SimAppendStorage storage = new SimAppendStorage(Seed);
            AuditLog log = AuditSamples.Open(storage);
            log.Append(AuditSamples.Make(0));
            AuditRecord record = new AuditRecord();
            long next;
            Assert.AreEqual((int)AuditLogStatus.EndOfLog, (int)log.Read(-1, record, out next), "negative");
            Assert.AreEqual((int)AuditLogStatus.EndOfLog, (int)log.Read(storage.Length, record, out next), "at the end");
        }
    }
}
