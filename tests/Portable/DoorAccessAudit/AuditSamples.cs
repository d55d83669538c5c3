#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Firmware.DoorAccess;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.DoorAccessAudit
{
    /// <summary>Records of different shapes and lengths, and the checks the audit tests share.</summary>
    public static class AuditSamples
    {
        public const int Count = 4;

        /// <summary>Sample <paramref name="index"/> (0 … <see cref="Count"/>-1), numbered as the log numbers it.</summary>
        public static AuditRecord Make(int index)
        {
            AuditRecord record = new AuditRecord();
            record.Sequence = (uint)(index + 1);
            record.TimestampMicros = 1000000L * index + 123457;
            switch (index)
            {
                case 0:
                    Fill(record, AuditRecord.Granted, "Front door 0", "04 A2 1B 7C 33 5E 80", "allow-list");
                    break;
                case 1:
                    Fill(record, AuditRecord.Denied, "Front door 0", "", "no card id");
                    break;
                case 2:
                    Fill(record, AuditRecord.Denied, "PN532 back gate", "01 02 03 04", "revoked");
                    break;
                default:
                    Fill(record, AuditRecord.Granted, "", "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A", "");
                    break;
            }
            return record;
        }

        /// <summary>Appends samples 0 … <paramref name="count"/>-1 until one fails; returns how many returned Ok.</summary>
        public static int AppendUntilFailure(AuditLog log, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (log.Append(Make(i)) != AuditLogStatus.Ok)
                {
                    return i;
                }
            }
            return count;
        }

        /// <summary>A log over <paramref name="storage"/>, opened.</summary>
        public static AuditLog Open(SimAppendStorage storage)
        {
            AuditLog log = new AuditLog(storage);
            Assert.AreEqual((int)AuditLogStatus.Ok, (int)log.Open(), "open");
            return log;
        }

        /// <summary>Reads the whole log and checks it holds exactly samples 0 … <paramref name="count"/>-1.</summary>
        public static void AssertHoldsSamples(AuditLog log, int count, string context)
        {
            Assert.AreEqual(count, log.Count, context + ": count");
            Assert.AreEqual(count + 1, (int)log.NextSequence, context + ": next sequence");
            AuditRecord read = new AuditRecord();
            long position = 0;
            for (int i = 0; i < count; i++)
            {
                long next;
                Assert.AreEqual((int)AuditLogStatus.Ok, (int)log.Read(position, read, out next), context + ": read " + i);
                AssertSame(Make(i), read, context + ": record " + i);
                position = next;
            }
            long end;
            Assert.AreEqual((int)AuditLogStatus.EndOfLog, (int)log.Read(position, read, out end), context + ": end");
        }

        public static void AssertSame(AuditRecord expected, AuditRecord actual, string context)
        {
            Assert.AreEqual((long)expected.Sequence, (long)actual.Sequence, context + ": sequence");
            Assert.AreEqual(expected.TimestampMicros, actual.TimestampMicros, context + ": timestamp");
            Assert.AreEqual(expected.Decision, actual.Decision, context + ": decision");
            Assert.AreEqual(expected.Reader, actual.Reader, context + ": reader");
            Assert.AreEqual(expected.Reason, actual.Reason, context + ": reason");
            Assert.AreEqual(CardIdHex(expected), CardIdHex(actual), context + ": card id");
        }

        public static string CardIdHex(AuditRecord record)
        {
            byte[] id = new byte[AuditRecord.MaxCardIdLength];
            int length = record.CopyCardId(id, 0);
            return TestSupport.ToHex(id, 0, length);
        }

        private static void Fill(AuditRecord record, int decision, string reader, string cardIdHex, string reason)
        {
            byte[] id = TestSupport.Hex(cardIdHex);
            record.Decision = decision;
            record.Reader = reader;
            record.Reason = reason;
            record.SetCardId(id, 0, id.Length);
        }
    }
}
