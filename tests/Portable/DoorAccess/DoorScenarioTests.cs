#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Firmware.DoorAccess;
using EmbeddedSmartCard.Firmware.DoorAccess.Scenario;

namespace EmbeddedSmartCard.Tests.DoorAccess
{
    /// <summary>The scenario the README runs: every case decided as it must, one line each, all in the audit log.</summary>
    [TestClass]
    public class DoorScenarioTests
    {
        private const int DecisionCases = 9;
        private const int ReaderEventLines = 2;

        [TestMethod]
        public void EveryCaseIsDecidedAsItMustAndLogged()
        {
            DoorRig rig = new DoorRig();
            bool allAsExpected = rig.Scenario.Run(rig);
            string lines = "";
            for (int i = 0; i < rig.Lines.Count; i++)
            {
                lines += (string)rig.Lines[i] + "\n";
            }

            Assert.IsTrue(allAsExpected, lines);
            Assert.AreEqual(DecisionCases + ReaderEventLines + 1, rig.Lines.Count, lines);
            Assert.AreEqual(DecisionCases, rig.Scenario.Log.Count, "one record per decision");
            Assert.IsTrue(((string)rig.Lines[0]).IndexOf("valid badge | ") == 0, lines);
            Assert.IsTrue(((string)rig.Lines[0]).IndexOf(" | granted | challenge answered | ") > 0, lines);
            Assert.AreEqual("9 of 9 cases decided as expected; audit log: 9 records", (string)rig.Lines[rig.Lines.Count - 1]);
            rig.Dispose();
        }

        [TestMethod]
        public void TheAuditLogReopensWithEveryDecision()
        {
            DoorRig rig = new DoorRig();
            rig.Scenario.PresentContact(DoorScenario.ContactAccessCard(DoorScenario.ValidId));
            rig.Scenario.PresentContact(DoorScenario.ContactAccessCard(DoorScenario.RevokedId));
            rig.Storage.PowerCycle();
            AuditLog reopened = new AuditLog(rig.Storage);
            Assert.AreEqual((int)AuditLogStatus.Ok, (int)reopened.Open());
            Assert.AreEqual(2, reopened.Count, "both decisions survive a power cycle");
            rig.Dispose();
        }
    }
}
