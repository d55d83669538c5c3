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
    public class ReaderArrivalTests
    {
        [TestMethod]
        public void APnpWatcherWakesWhenAReaderArrivesAndWhenItLeaves()
        {
            ManagerBench bench = ManagerBench.Create();
            ScardReaderState pnp = StatusChangeHelpers.Entry(ScardConstants.PnpNotification, 0);
            Assert.AreEqual(ScardError.Timeout, bench.Manager.GetStatusChange(bench.Context, 0, new ScardReaderState[] { pnp }));
            int before = StatusChangeHelpers.Counter(pnp.EventState);
            pnp.CurrentState = pnp.EventState;
            BlockedStatusChange blocked = new BlockedStatusChange(bench.Manager, bench.Context, ScardConstants.Infinite, new ScardReaderState[] { pnp });

            SimulatorBoard extra = new SimulatorBoard(1);
            ManagedReader added = bench.Manager.Readers.Add(extra.GetReader(0), "Extra Reader");

            Assert.IsTrue(blocked.Finish(), "arrival wakes the watcher");
            Assert.AreEqual(ScardError.Success, blocked.Result);
            Assert.AreEqual(ScardConstants.StateChanged, StatusChangeHelpers.Flags(pnp.EventState));
            Assert.AreEqual(before + 1, StatusChangeHelpers.Counter(pnp.EventState));

            pnp.CurrentState = pnp.EventState & ~ScardConstants.StateChanged;
            blocked = new BlockedStatusChange(bench.Manager, bench.Context, ScardConstants.Infinite, new ScardReaderState[] { pnp });
            Assert.IsTrue(bench.Manager.Readers.Remove(added.Name), "removed");

            Assert.IsTrue(blocked.Finish(), "departure wakes the watcher");
            Assert.AreEqual(before + 2, StatusChangeHelpers.Counter(pnp.EventState));
        }

        [TestMethod]
        public void ThePnpCounterRevealsAnArrivalBetweenTwoCalls()
        {
            ManagerBench bench = ManagerBench.Create();
            ScardReaderState pnp = StatusChangeHelpers.Entry("\\\\?pnp?\\notification", 0);
            bench.Manager.GetStatusChange(bench.Context, 0, new ScardReaderState[] { pnp });
            pnp.CurrentState = pnp.EventState;

            SimulatorBoard extra = new SimulatorBoard(1);
            bench.Manager.Readers.Add(extra.GetReader(0), "Extra Reader");

            Assert.AreEqual(ScardError.Success, bench.Manager.GetStatusChange(bench.Context, 0, new ScardReaderState[] { pnp }), "the name is matched case-insensitively");
            Assert.AreEqual(ScardConstants.StateChanged, StatusChangeHelpers.Flags(pnp.EventState));
        }

        [TestMethod]
        public void NamesAreUniqueAndStableWhileReadersComeAndGo()
        {
            ManagerBench bench = ManagerBench.Create();
            string first = bench.Reader0;
            string second = bench.Reader1;
            Assert.IsTrue(first != second, first);
            Assert.AreEqual(SimulatorBoard.ReaderName + " (sim0) 00 00", first);
            Assert.AreEqual(SimulatorBoard.ReaderName + " (sim1) 00 00", second);

            SimulatorBoard twin = new SimulatorBoard(1);
            ManagedReader same = bench.Manager.Readers.Add(twin.GetReader(0), SimulatorBoard.ReaderName);
            Assert.AreEqual(SimulatorBoard.ReaderName + " (sim0) 01 00", same.Name, "an identical name gets the next RR");
            Assert.IsTrue(bench.Manager.Readers.Remove(same.Name), "twin removed");

            SimulatorBoard extra = new SimulatorBoard(1);
            Assert.IsTrue(bench.Manager.Readers.Remove(first), "removed");
            string[] names;
            Assert.AreEqual(ScardError.Success, bench.Manager.ListReaders(bench.Context, out names));
            Assert.AreEqual(1, names.Length);
            Assert.AreEqual(second, names[0], "the other reader keeps its name");

            ManagedReader again = bench.Manager.Readers.Add(extra.GetReader(0), SimulatorBoard.ReaderName);
            Assert.AreEqual(first, again.Name, "the freed number is reused");
            Assert.AreEqual(ScardError.Success, bench.Manager.ListReaders(bench.Context, out names));
            Assert.AreEqual(2, names.Length);
        }

        [TestMethod]
        public void AReaderThatLeavesWhileWatchedIsReportedUnknownAndAppsCarryOn()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(1, CardProfile.DirectT0());
            ScardReaderState[] states =
            {
                StatusChangeHelpers.Entry(bench.Reader0, ScardConstants.StateEmpty),
                StatusChangeHelpers.Entry(bench.Reader1, 0),
            };
            bench.Manager.GetStatusChange(bench.Context, 0, states);
            states[1].CurrentState = states[1].EventState & ~ScardConstants.StateChanged;
            states[1].CurrentState = ScardConstants.StateIgnore;
            BlockedStatusChange blocked = new BlockedStatusChange(bench.Manager, bench.Context, ScardConstants.Infinite, states);

            bench.Manager.Readers.Remove(bench.Reader0);

            Assert.IsTrue(blocked.Finish(), "the departure wakes the watcher");
            Assert.AreEqual(ScardConstants.StateUnknown | ScardConstants.StateChanged | ScardConstants.StateIgnore, states[0].EventState);
            int handle;
            int protocol;
            Assert.AreEqual(ScardError.Success, bench.Connect(1, ScardConstants.ShareShared, out handle, out protocol));
            Assert.AreEqual("90 00", bench.Send(handle, protocol, ManagerBench.SelectMf));
        }

        [TestMethod]
        public void ListReaderGroupsIsTheDefaultGroup()
        {
            ManagerBench bench = ManagerBench.Create();
            string[] groups;

            Assert.AreEqual(ScardError.Success, bench.Manager.ListReaderGroups(bench.Context, out groups));
            Assert.AreEqual(1, groups.Length);
            Assert.AreEqual("SCard$DefaultReaders", groups[0]);
            Assert.AreEqual(ScardError.InvalidHandle, bench.Manager.ListReaderGroups(0, out groups));
            Assert.IsNull(groups);
        }
    }
}
