using System.IO;
using EmbeddedSmartCard.Firmware.DoorAccess;
using EmbeddedSmartCard.Hal.Linux;
using EmbeddedSmartCard.Scard;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>scard door: the scenario as a process prints every decision; the controller on a board spec
    /// with a configuration file and an audit log file; usage errors.</summary>
    [TestClass]
    public sealed class ScardDoorTests
    {
        private const int ProcessTimeoutMillis = 120000;
        private const string SiteKeyLine = "site.key = 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F\n";

        [TestMethod]
        public void TheScenarioPrintsEveryDecisionAndExitsZero()
        {
            using (PtyToolProcess tool = PtyToolProcess.StartScard("door"))
            {
                Assert.IsTrue(tool.WaitForExit(ProcessTimeoutMillis), "scard door ended: " + tool.Output);
                Assert.AreEqual(0, tool.ExitCode, tool.Output + tool.Error);
                string output = tool.Output;
                StringAssert.Contains(output, "valid badge | EmbeddedSmartCard Simulated Contact Reader (sim0) 00 00 | contact E5 C0 00 01 | granted | challenge answered | ");
                StringAssert.Contains(output, "revoked badge | EmbeddedSmartCard Simulated Contact Reader (sim0) 00 00 | contact E5 C0 00 02 | denied-revoked | ");
                StringAssert.Contains(output, "unknown card | EmbeddedSmartCard Simulated Contact Reader (sim0) 00 00 | contact E5 C0 00 03 | denied-unknown-card | ");
                StringAssert.Contains(output, "cloned-UID attack | EmbeddedSmartCard Simulated PN532 00 00 | iso14443-4 E5 C0 00 01 | denied-authentication | ");
                StringAssert.Contains(output, "card pulled mid-authentication | EmbeddedSmartCard Simulated Contact Reader (sim0) 00 00 | contact E5 C0 00 01 | card-removed | ");
                StringAssert.Contains(output, "reader unplugged: EmbeddedSmartCard Simulated PN532 (gone from the controller's list)");
                StringAssert.Contains(output, "valid card on the replugged reader | EmbeddedSmartCard Simulated PN532 00 00 | iso14443-4 E5 C0 00 01 | granted | ");
                StringAssert.Contains(output, "legacy badge, allowed | EmbeddedSmartCard Simulated PN532 00 00 | mifare-classic B0 00 00 00 00 07 | granted | ");
                StringAssert.Contains(output, "legacy badge, forbidden | EmbeddedSmartCard Simulated PN532 00 00 | mifare-classic C2 5D 11 7E | denied-legacy-forbidden | ");
                StringAssert.Contains(output, "9 of 9 cases decided as expected; audit log: 9 records");
            }
        }

        [TestMethod]
        public void TheScenarioKeepsItsAuditLogInTheFileGiven()
        {
            string directory = NewDirectory();
            string log = Path.Combine(directory, "audit.log");
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            int exit = DoorVerb.Run(new[] { "--log", log }, output, error);

            Assert.AreEqual(0, exit, output.ToString() + error.ToString());
            Assert.AreEqual(9, RecordsIn(log), "one record per decision, fsynced to the file");
            Directory.Delete(directory, true);
        }

        [TestMethod]
        public void TheControllerOnABoardDecidesAndLogsUntilItsCount()
        {
            string directory = NewDirectory();
            string config = Path.Combine(directory, "door.conf");
            string log = Path.Combine(directory, "audit.log");
            File.WriteAllText(config, "# test door\n" + SiteKeyLine + "allow = E5C00001\nstrike.ms = 10\n");
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            int exit = DoorVerb.Run(new[] { "--board", "sim", "--config", config, "--log", log, "--count", "1" }, output, error);

            Assert.AreEqual(0, exit, error.ToString());
            StringAssert.Contains(output.ToString(), "door | EmbeddedSmartCard Simulated Contact Reader (sim0) 00 00 | contact - | denied-unknown-card | SELECT refused, SW 6A82 | ");
            Assert.AreEqual(1, RecordsIn(log), "the decision is in the log file");
            Directory.Delete(directory, true);
        }

        [TestMethod]
        public void TheControllerNeedsAConfigurationAndALog()
        {
            StringAssert.Contains(UsageError("--board", "sim"), "--config <file> is required with --board");
            string directory = NewDirectory();
            string config = Path.Combine(directory, "door.conf");
            File.WriteAllText(config, SiteKeyLine);
            StringAssert.Contains(UsageError("--board", "sim", "--config", config), "--log <file> is required with --board");
            File.WriteAllText(config, SiteKeyLine + "relay = 4\n");
            StringAssert.Contains(UsageError("--board", "sim", "--config", config, "--log", "x"), "line 2: unknown door setting 'relay'");
            StringAssert.Contains(UsageError("--count", "2"), "go with --board");
            Directory.Delete(directory, true);
        }

        private static string UsageError(params string[] args)
        {
            try
            {
                DoorVerb.Run(args, new StringWriter(), new StringWriter());
            }
            catch (CommandLineException e)
            {
                return e.Message;
            }

            return "no usage error for: " + string.Join(" ", args);
        }

        private static int RecordsIn(string path)
        {
            using (LinuxAppendFile file = new LinuxAppendFile(path))
            {
                AuditLog log = new AuditLog(file);
                Assert.AreEqual(AuditLogStatus.Ok, log.Open());
                Assert.AreEqual(0L, log.DiscardedBytes, "nothing torn");
                return log.Count;
            }
        }

        private static string NewDirectory()
        {
            string directory = Path.Combine(Path.GetTempPath(), "scard-door-" + Path.GetRandomFileName());
            Directory.CreateDirectory(directory);
            return directory;
        }
    }
}
