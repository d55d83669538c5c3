#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Threading;
using EmbeddedSmartCard.Firmware.DoorAccess;
using EmbeddedSmartCard.Firmware.DoorAccess.Scenario;

namespace EmbeddedSmartCard.Tests.DoorAccess
{
    /// <summary>The controller's own loop on a thread: it decides the cards it is shown and Stop ends it at once.</summary>
    [TestClass]
    public class DoorControllerRunTests
    {
        private const int DecisionWaitMillis = 10000;
        private const int StopWaitMillis = 5000;

        [TestMethod]
        public void RunDecidesEachPresentationAndStopEndsIt()
        {
            DoorRig rig = new DoorRig();
            DoorController controller = rig.Scenario.Controller;
            RunningController running = new RunningController(controller);
            rig.Scenario.Board.GetSlot(0).Insert(DoorScenario.ContactAccessCard(DoorScenario.ValidId));
            Assert.IsTrue(running.Decided.WaitOne(DecisionWaitMillis, false), "a decision while running");
            Assert.AreEqual(DoorDecisionCodes.Name(DoorDecisionCode.Granted), DoorDecisionCodes.Name(running.Last.Code), running.Last.Reason);

            controller.Stop();
            Assert.IsTrue(running.Thread.Join(StopWaitMillis), "Run returned after Stop");
            rig.Scenario.Board.GetSlot(0).Remove();
            rig.Dispose();
        }

        private sealed class RunningController
        {
            public readonly AutoResetEvent Decided = new AutoResetEvent(false);
            public readonly Thread Thread;
            public DoorDecision Last;

            public RunningController(DoorController controller)
            {
                controller.DecisionMade += OnDecision;
                Thread = new Thread(controller.Run);
                Thread.Start();
            }

            private void OnDecision(DoorDecision decision)
            {
                Last = decision;
                Decided.Set();
            }
        }
    }
}
