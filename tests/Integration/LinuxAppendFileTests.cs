using System;
using System.IO;
using EmbeddedSmartCard.Firmware.DoorAccess;
using EmbeddedSmartCard.Hal.Linux;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// The audit log over a real file in a temporary directory: records survive closing the file,
    /// a torn tail written behind the log's back is cut at the next open, and a path that cannot be
    /// opened is an IOException naming it.
    /// </summary>
    [TestClass]
    public sealed class LinuxAppendFileTests
    {
        private const int Records = 5;
        private const int TornLength = 17;

        [TestMethod]
        public void RecordsSurviveClosingAndReopeningTheFile()
        {
            string directory = NewDirectory();
            try
            {
                string path = Path.Combine(directory, "audit.log");
                using (LinuxAppendFile file = new LinuxAppendFile(path))
                {
                    AuditLog log = OpenLog(file);
                    for (int i = 0; i < Records; i++)
                    {
                        Assert.AreEqual(AuditLogStatus.Ok, log.Append(Decision(i)), "append " + i);
                    }
                }
                using (LinuxAppendFile file = new LinuxAppendFile(path))
                {
                    AssertHoldsDecisions(OpenLog(file), Records);
                }
            }
            finally
            {
                Directory.Delete(directory, true);
            }
        }

        [TestMethod]
        public void TornTailInTheFileIsCutAtOpen()
        {
            string directory = NewDirectory();
            try
            {
                string path = Path.Combine(directory, "audit.log");
                using (LinuxAppendFile file = new LinuxAppendFile(path))
                {
                    AuditLog log = OpenLog(file);
                    for (int i = 0; i < Records; i++)
                    {
                        log.Append(Decision(i));
                    }
                }
                long whole = new FileInfo(path).Length;
                byte[] written = File.ReadAllBytes(path);
                using (FileStream torn = new FileStream(path, FileMode.Append))
                {
                    torn.Write(written, 0, TornLength); // the first bytes of a record, as a power cut leaves them
                }

                using (LinuxAppendFile file = new LinuxAppendFile(path))
                {
                    AuditLog log = OpenLog(file);
                    Assert.AreEqual((long)TornLength, log.DiscardedBytes, "discarded");
                    AssertHoldsDecisions(log, Records);
                    Assert.AreEqual(AuditLogStatus.Ok, log.Append(Decision(Records)), "append after the cut");
                }
                Assert.AreEqual(whole + (whole / Records), new FileInfo(path).Length, "file cut, then one record more");
            }
            finally
            {
                Directory.Delete(directory, true);
            }
        }

        [TestMethod]
        public void MissingDirectoryIsAnIOExceptionNamingThePath()
        {
            string path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "audit.log");
            try
            {
                using (new LinuxAppendFile(path))
                {
                }
                Assert.Fail("opened a file in a missing directory");
            }
            catch (IOException e)
            {
                StringAssert.Contains(e.Message, path);
            }
        }

        private static AuditLog OpenLog(LinuxAppendFile file)
        {
            AuditLog log = new AuditLog(file);
            Assert.AreEqual(AuditLogStatus.Ok, log.Open(), "open");
            return log;
        }

        /// <summary>Records of one length, so that the file length says how many there are.</summary>
        private static AuditRecord Decision(int index)
        {
            AuditRecord record = new AuditRecord();
            record.TimestampMicros = 1000L * index;
            record.Decision = index % 2 == 0 ? AuditRecord.Granted : AuditRecord.Denied;
            record.Reader = "Door " + index;
            record.Reason = index % 2 == 0 ? "allowed" : "revoked";
            record.SetCardId(new byte[] { 0x04, (byte)index, 0x7C, 0x33 }, 0, 4);
            return record;
        }

        private static void AssertHoldsDecisions(AuditLog log, int count)
        {
            Assert.AreEqual(count, log.Count, "count");
            AuditRecord read = new AuditRecord();
            long position = 0;
            for (int i = 0; i < count; i++)
            {
                Assert.AreEqual(AuditLogStatus.Ok, log.Read(position, read, out position), "read " + i);
                AuditRecord expected = Decision(i);
                Assert.AreEqual((uint)(i + 1), read.Sequence, "sequence " + i);
                Assert.AreEqual(expected.TimestampMicros, read.TimestampMicros, "timestamp " + i);
                Assert.AreEqual(expected.Decision, read.Decision, "decision " + i);
                Assert.AreEqual(expected.Reader, read.Reader, "reader " + i);
                Assert.AreEqual(expected.Reason, read.Reason, "reason " + i);
            }
            Assert.AreEqual(AuditLogStatus.EndOfLog, log.Read(position, read, out position), "end");
        }

        private static string NewDirectory()
        {
            string directory = Path.Combine(Path.GetTempPath(), "audit-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return directory;
        }
    }
}
