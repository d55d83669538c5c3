#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Collections;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Firmware.DoorAccess;
using EmbeddedSmartCard.Firmware.DoorAccess.Scenario;
using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Manager.Iso7816;
using EmbeddedSmartCard.Tests.Security;

namespace EmbeddedSmartCard.Tests.DoorAccess
{
    /// <summary>
    /// The door scenario's board and controller with everything observable: the door's outputs on simulated
    /// pins and its clock virtual (so output timing is asserted in virtual time), the audit log in simulated
    /// storage, challenges counting up, the printed lines collected.
    /// </summary>
    internal sealed class DoorRig : ISessionOutput
    {
        public const int SeedOfGarbage = 6;

        public DoorRig()
        {
            Clock = new VirtualClock();
            Relay = new SimOutputPin(Clock, false);
            LedGreen = new SimOutputPin(Clock, false);
            LedRed = new SimOutputPin(Clock, false);
            Buzzer = new SimOutputPin(Clock, false);
            Storage = new SimAppendStorage(SeedOfGarbage);
            Lines = new ArrayList();
            DoorOutputs outputs = new DoorOutputs(Clock, Relay, LedGreen, LedRed, Buzzer);
            Scenario = new DoorScenario(Clock, outputs, new CountingChallengeSource(0x21), Storage);
        }

        public VirtualClock Clock { get; private set; }

        public SimOutputPin Relay { get; private set; }

        public SimOutputPin LedGreen { get; private set; }

        public SimOutputPin LedRed { get; private set; }

        public SimOutputPin Buzzer { get; private set; }

        public SimAppendStorage Storage { get; private set; }

        public DoorScenario Scenario { get; private set; }

        public ArrayList Lines { get; private set; }

        public void WriteLine(string line)
        {
            Lines.Add(line);
        }

        /// <summary>Presents <paramref name="card"/> in the contact slot and asserts the decision and its record.</summary>
        public DoorDecision Contact(SimulatedCard card, DoorDecisionCode expected, string what)
        {
            DoorDecision decision = Scenario.PresentContact(card);
            AssertDecision(expected, decision, what);
            return decision;
        }

        /// <summary>Presents <paramref name="card"/> on the PN532 and asserts the decision and its record.</summary>
        public DoorDecision Contactless(ContactlessCard card, DoorDecisionCode expected, string what)
        {
            DoorDecision decision = Scenario.PresentContactless(card);
            AssertDecision(expected, decision, what);
            return decision;
        }

        /// <summary>Asserts the decision's code, and that the newest audit record carries it.</summary>
        public void AssertDecision(DoorDecisionCode expected, DoorDecision decision, string what)
        {
            Assert.IsNotNull(decision, what + ": a decision");
            Assert.AreEqual(DoorDecisionCodes.Name(expected), DoorDecisionCodes.Name(decision.Code), what + ": " + decision.Reason);
            AuditRecord record = LastRecord();
            Assert.AreEqual(expected == DoorDecisionCode.Granted ? AuditRecord.Granted : AuditRecord.Denied, record.Decision, what + ": audit decision");
            Assert.AreEqual(decision.Reader, record.Reader, what + ": audit reader");
            Assert.IsTrue(record.Reason.IndexOf(DoorDecisionCodes.Name(expected) + ": ") == 0, what + ": audit reason '" + record.Reason + "'");
            byte[] id = new byte[AuditRecord.MaxCardIdLength];
            int length = record.CopyCardId(id, 0);
            Assert.AreEqual(TestSupport.ToHex(decision.CardId, 0, decision.CardIdLength), TestSupport.ToHex(id, 0, length), what + ": audit card id");
        }

        /// <summary>The audit log's newest record, read back through the log.</summary>
        public AuditRecord LastRecord()
        {
            AuditLog log = Scenario.Log;
            Assert.IsTrue(log.Count > 0, "the audit log has records");
            AuditRecord record = new AuditRecord();
            long position = 0;
            long next;
            for (int i = 0; i < log.Count; i++)
            {
                Assert.AreEqual((int)AuditLogStatus.Ok, (int)log.Read(position, record, out next), "read record " + i.ToString());
                position = next;
            }

            return record;
        }

        public void Dispose()
        {
            Scenario.Dispose();
        }
    }
}
