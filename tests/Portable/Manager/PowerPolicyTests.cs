#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Manager
{
    [TestClass]
    public class PowerPolicyTests
    {
        private const int Present = ScardConstants.StatePresent;
        private const int Unpowered = ScardConstants.StateUnpowered;

        [TestMethod]
        public void ByDefaultACardIsPoweredOnInsertionAndNeverPoweredDown()
        {
            ManagerBench bench = ManagerBench.Create();
            Assert.IsTrue(bench.Manager.PowerOnInsertion, "power on insertion");
            Assert.AreEqual(ScardConstants.Infinite, bench.Manager.IdlePowerDownMillis);

            SimulatedCard card = bench.Insert(0, CardProfile.DualT0T1());
            ScardReaderState entry = StatusChangeHelpers.Entry(bench.Reader0, 0);

            Assert.IsTrue(StatusChangeHelpers.WaitFor(bench.Manager, bench.Context, entry, Present, Unpowered), "powered");
            Assert.AreEqual(1, card.ResetCount);
            entry.CurrentState = entry.EventState & ~ScardConstants.StateChanged;
            Assert.AreEqual(ScardError.Timeout, bench.Manager.GetStatusChange(bench.Context, 50, new ScardReaderState[] { entry }), "stays powered");
        }

        [TestMethod]
        public void WithoutPowerOnInsertionTheCardIsUnpoweredUntilAConnect()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Manager.PowerOnInsertion = false;
            bench.Insert(0, CardProfile.DirectT0());
            ScardReaderState entry = StatusChangeHelpers.Entry(bench.Reader0, 0);

            Assert.AreEqual(ScardError.Success, bench.Manager.GetStatusChange(bench.Context, 0, new ScardReaderState[] { entry }));
            Assert.AreEqual(Present | Unpowered | ScardConstants.StateChanged, StatusChangeHelpers.Flags(entry.EventState));
            Assert.AreEqual(0, entry.AtrLength);

            int handle;
            int protocol;
            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol));
            Assert.IsTrue(StatusChangeHelpers.WaitFor(bench.Manager, bench.Context, entry, Present | ScardConstants.StateInUse, Unpowered), "powered by Connect");
            Assert.IsTrue(entry.AtrLength > 0, "ATR");
        }

        [TestMethod]
        public void AnIdleCardIsPoweredDownButNotWhileItIsHeld()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Manager.IdlePowerDownMillis = 20;
            bench.Insert(0, CardProfile.DirectT0());
            ScardReaderState entry = StatusChangeHelpers.Entry(bench.Reader0, 0);
            Assert.IsTrue(StatusChangeHelpers.WaitFor(bench.Manager, bench.Context, entry, Present | Unpowered, 0), "powered down when idle");

            int handle;
            int protocol;
            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol));
            Assert.AreEqual("90 00", bench.Send(handle, protocol, ManagerBench.SelectMf));
            Assert.IsTrue(StatusChangeHelpers.WaitFor(bench.Manager, bench.Context, entry, Present | ScardConstants.StateInUse, Unpowered), "powered while held");
            entry.CurrentState = entry.EventState & ~ScardConstants.StateChanged;
            Assert.AreEqual(ScardError.Timeout, bench.Manager.GetStatusChange(bench.Context, 60, new ScardReaderState[] { entry }), "not powered down while held");
            Assert.AreEqual("90 00", bench.Send(handle, protocol, ManagerBench.SelectMf));

            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(handle, ScardConstants.LeaveCard));
            Assert.IsTrue(StatusChangeHelpers.WaitFor(bench.Manager, bench.Context, entry, Present | Unpowered, 0), "powered down again");
        }
    }
}
