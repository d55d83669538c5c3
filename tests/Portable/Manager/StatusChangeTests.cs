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
    public class StatusChangeTests
    {
        private const int Empty = ScardConstants.StateEmpty;
        private const int Present = ScardConstants.StatePresent;
        private const int Changed = ScardConstants.StateChanged;

        [TestMethod]
        public void UnawareEntriesReturnAtOnceWithTheReaderState()
        {
            ManagerBench bench = ManagerBench.Create();
            ScardReaderState[] states = { StatusChangeHelpers.Entry(bench.Reader0, 0), StatusChangeHelpers.Entry(bench.Reader1, 0) };

            Assert.AreEqual(ScardError.Success, bench.Manager.GetStatusChange(bench.Context, ScardConstants.Infinite, states));

            Assert.AreEqual(Empty | Changed, states[0].EventState);
            Assert.AreEqual(Empty | Changed, states[1].EventState);
            Assert.AreEqual(0, states[0].AtrLength);
        }

        [TestMethod]
        public void ZeroTimeoutWithoutChangeIsTimeoutAndStillReportsTheState()
        {
            ManagerBench bench = ManagerBench.Create();
            ScardReaderState[] states = { StatusChangeHelpers.Entry(bench.Reader0, Empty) };

            Assert.AreEqual(ScardError.Timeout, bench.Manager.GetStatusChange(bench.Context, 0, states));

            Assert.AreEqual(Empty, states[0].EventState);
        }

        [TestMethod]
        public void AShortTimeoutWithoutChangeIsTimeout()
        {
            ManagerBench bench = ManagerBench.Create();
            ScardReaderState[] states = { StatusChangeHelpers.Entry(bench.Reader0, Empty), StatusChangeHelpers.Entry(bench.Reader1, Empty) };

            Assert.AreEqual(ScardError.Timeout, bench.Manager.GetStatusChange(bench.Context, 30, states));
        }

        [TestMethod]
        public void AnInsertionWakesAnInfiniteWaitAndTheAtrOfThePoweredCardIsReported()
        {
            ManagerBench bench = ManagerBench.Create();
            ScardReaderState[] states = { StatusChangeHelpers.Entry(bench.Reader0, Empty), StatusChangeHelpers.Entry(bench.Reader1, Empty) };
            BlockedStatusChange blocked = new BlockedStatusChange(bench.Manager, bench.Context, ScardConstants.Infinite, states);

            CardProfile profile = CardProfile.DualT0T1();
            bench.Insert(1, profile);

            Assert.IsTrue(blocked.Finish(), "the insertion must wake the call");
            Assert.AreEqual(ScardError.Success, blocked.Result);
            Assert.AreEqual(Empty, states[0].EventState, "the other reader did not change");
            Assert.IsTrue((states[1].EventState & (Present | Changed)) == (Present | Changed), "state " + states[1].EventState.ToString("X8"));
            Assert.AreEqual(1, StatusChangeHelpers.Counter(states[1].EventState));

            ScardReaderState entry = states[1];
            Assert.IsTrue(StatusChangeHelpers.WaitFor(bench.Manager, bench.Context, entry, Present, ScardConstants.StateUnpowered), "powered on insertion");
            byte[] atr = profile.BuildAtr();
            Assert.AreEqual(atr.Length, entry.AtrLength);
            TestSupport.AreEqualBytes(atr, entry.Atr, 0, entry.AtrLength);
        }

        [TestMethod]
        public void ARemovalWakesTheCallAndReportsEmptyWithTheNextCounter()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            ScardReaderState entry = StatusChangeHelpers.Entry(bench.Reader0, 0);
            Assert.IsTrue(StatusChangeHelpers.WaitFor(bench.Manager, bench.Context, entry, Present, ScardConstants.StateUnpowered), "powered");
            entry.CurrentState = entry.EventState & ~Changed;
            BlockedStatusChange blocked = new BlockedStatusChange(bench.Manager, bench.Context, ScardConstants.Infinite, new ScardReaderState[] { entry });

            bench.Remove(0);

            Assert.IsTrue(blocked.Finish(), "the removal must wake the call");
            Assert.AreEqual(ScardError.Success, blocked.Result);
            Assert.AreEqual(Empty | Changed, StatusChangeHelpers.Flags(entry.EventState));
            Assert.AreEqual(2, StatusChangeHelpers.Counter(entry.EventState));
            Assert.AreEqual(0, entry.AtrLength);
        }

        [TestMethod]
        public void TheCounterRevealsAnInsertionAndRemovalBetweenTwoCalls()
        {
            ManagerBench bench = ManagerBench.Create();
            ScardReaderState entry = StatusChangeHelpers.Entry(bench.Reader0, 0);
            bench.Manager.GetStatusChange(bench.Context, 0, new ScardReaderState[] { entry });
            bench.Insert(0, CardProfile.DirectT0());
            bench.Remove(0);
            bench.Insert(0, CardProfile.DirectT0());
            bench.Remove(0);
            entry.CurrentState = Empty | (1 << ScardConstants.EventCounterShift);

            Assert.AreEqual(ScardError.Success, bench.Manager.GetStatusChange(bench.Context, 0, new ScardReaderState[] { entry }));

            Assert.AreEqual(Empty | Changed, StatusChangeHelpers.Flags(entry.EventState), "still empty, but it changed");
            Assert.AreEqual(4, StatusChangeHelpers.Counter(entry.EventState));
        }

        [TestMethod]
        public void AnUnknownReaderMarksOnlyItsOwnEntry()
        {
            ManagerBench bench = ManagerBench.Create();
            ScardReaderState[] states = { StatusChangeHelpers.Entry("No Such Reader 00 00", Empty), StatusChangeHelpers.Entry(bench.Reader0, Empty) };

            Assert.AreEqual(ScardError.Success, bench.Manager.GetStatusChange(bench.Context, ScardConstants.Infinite, states));

            Assert.AreEqual(ScardConstants.StateUnknown | Changed | ScardConstants.StateIgnore, states[0].EventState);
            Assert.AreEqual(Empty, states[1].EventState);
        }

        [TestMethod]
        public void AnEntryThatAlreadyKnowsItsReaderIsUnknownWaitsForItToAppear()
        {
            ManagerBench bench = ManagerBench.Create();
            ScardReaderState[] states = { StatusChangeHelpers.Entry("Late Reader (sim0) 00 00", ScardConstants.StateUnknown) };

            Assert.AreEqual(ScardError.Timeout, bench.Manager.GetStatusChange(bench.Context, 0, states));
            Assert.AreEqual(ScardConstants.StateUnknown, states[0].EventState);

            SimulatorBoard late = new SimulatorBoard(1);
            bench.Manager.Readers.Add(late.GetReader(0), "Late Reader");

            Assert.AreEqual(ScardError.Success, bench.Manager.GetStatusChange(bench.Context, 0, states));
            Assert.AreEqual(Empty | Changed, states[0].EventState);
        }

        [TestMethod]
        public void IgnoredEntriesAreSkippedAndAllIgnoredReturnsAtOnce()
        {
            ManagerBench bench = ManagerBench.Create();
            ScardReaderState[] states = { StatusChangeHelpers.Entry("Whatever", ScardConstants.StateIgnore) };

            Assert.AreEqual(ScardError.Success, bench.Manager.GetStatusChange(bench.Context, ScardConstants.Infinite, states));
            Assert.AreEqual(ScardError.Success, bench.Manager.GetStatusChange(bench.Context, ScardConstants.Infinite, new ScardReaderState[0]));

            ScardReaderState[] mixed = { StatusChangeHelpers.Entry(bench.Reader0, ScardConstants.StateIgnore), StatusChangeHelpers.Entry(bench.Reader1, Empty) };
            Assert.AreEqual(ScardError.Timeout, bench.Manager.GetStatusChange(bench.Context, 0, mixed));
        }

        [TestMethod]
        public void BadArgumentsAreRejected()
        {
            ManagerBench bench = ManagerBench.Create();

            Assert.AreEqual(ScardError.InvalidParameter, bench.Manager.GetStatusChange(bench.Context, 0, null));
            Assert.AreEqual(ScardError.InvalidValue, bench.Manager.GetStatusChange(bench.Context, 0, new ScardReaderState[] { null }));
            Assert.AreEqual(ScardError.InvalidValue, bench.Manager.GetStatusChange(bench.Context, 0, new ScardReaderState[] { StatusChangeHelpers.Entry(null, 0) }));
            Assert.AreEqual(ScardError.InvalidValue, bench.Manager.GetStatusChange(bench.Context, -2, new ScardReaderState[] { StatusChangeHelpers.Entry(bench.Reader0, 0) }));
            Assert.AreEqual(ScardError.InvalidHandle, bench.Manager.GetStatusChange(bench.Context + 1, 0, new ScardReaderState[] { StatusChangeHelpers.Entry(bench.Reader0, 0) }));
        }

        [TestMethod]
        public void SharedHandlesAreInUseAndAnExclusiveOneIsExclusive()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            bench.Insert(1, CardProfile.DirectT0());
            int shared;
            int exclusive;
            int protocol;
            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareShared, out shared, out protocol));
            Assert.AreEqual(ScardError.Success, bench.Connect(1, ScardConstants.ShareExclusive, out exclusive, out protocol));
            ScardReaderState[] states = { StatusChangeHelpers.Entry(bench.Reader0, 0), StatusChangeHelpers.Entry(bench.Reader1, 0) };

            Assert.AreEqual(ScardError.Success, bench.Manager.GetStatusChange(bench.Context, 0, states));

            Assert.AreEqual(Present | ScardConstants.StateInUse | Changed, StatusChangeHelpers.Flags(states[0].EventState));
            Assert.AreEqual(Present | ScardConstants.StateExclusive | Changed, StatusChangeHelpers.Flags(states[1].EventState));
        }

        [TestMethod]
        public void AConnectAndADisconnectWakeAWatcher()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            ScardReaderState entry = StatusChangeHelpers.Entry(bench.Reader0, 0);
            Assert.IsTrue(StatusChangeHelpers.WaitFor(bench.Manager, bench.Context, entry, Present, ScardConstants.StateUnpowered), "powered");
            entry.CurrentState = entry.EventState & ~Changed;
            BlockedStatusChange blocked = new BlockedStatusChange(bench.Manager, bench.Context, ScardConstants.Infinite, new ScardReaderState[] { entry });

            int handle;
            int protocol;
            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol));

            Assert.IsTrue(blocked.Finish(), "the connect must wake the call");
            Assert.IsTrue(StatusChangeHelpers.WaitFor(bench.Manager, bench.Context, entry, ScardConstants.StateInUse, 0), "in use");
            entry.CurrentState = entry.EventState & ~Changed;
            blocked = new BlockedStatusChange(bench.Manager, bench.Context, ScardConstants.Infinite, new ScardReaderState[] { entry });

            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(handle, ScardConstants.LeaveCard));

            Assert.IsTrue(blocked.Finish(), "the disconnect must wake the call");
            Assert.AreEqual(Present | Changed, StatusChangeHelpers.Flags(entry.EventState));
        }

        [TestMethod]
        public void AtrMatchIsReportedOnlyForAMatchingPattern()
        {
            ManagerBench bench = ManagerBench.Create();
            CardProfile profile = CardProfile.DirectT0();
            bench.Insert(0, profile);
            byte[] atr = profile.BuildAtr();
            ScardReaderState entry = StatusChangeHelpers.Entry(bench.Reader0, 0);
            Assert.IsTrue(StatusChangeHelpers.WaitFor(bench.Manager, bench.Context, entry, Present, ScardConstants.StateUnpowered), "powered");
            Assert.AreEqual(0, entry.EventState & ScardConstants.StateAtrMatch, "no pattern, no match");

            entry.MatchAtr = (byte[])atr.Clone();
            entry.MatchAtr[atr.Length - 1] ^= 0x0F;
            entry.MatchMask = new byte[atr.Length];
            for (int i = 0; i < atr.Length; i++)
            {
                entry.MatchMask[i] = 0xFF;
            }

            entry.MatchMask[atr.Length - 1] = 0xF0;
            bench.Manager.GetStatusChange(bench.Context, 0, new ScardReaderState[] { entry });
            Assert.IsTrue((entry.EventState & ScardConstants.StateAtrMatch) != 0, "masked match");

            entry.MatchMask[atr.Length - 1] = 0xFF;
            bench.Manager.GetStatusChange(bench.Context, 0, new ScardReaderState[] { entry });
            Assert.AreEqual(0, entry.EventState & ScardConstants.StateAtrMatch, "a differing byte under the mask");
        }

        [TestMethod]
        public void ACardThatDoesNotAnswerAtInsertionIsMute()
        {
            ManagerBench bench = ManagerBench.Create();
            SimulatedCard card = new SimulatedCard(CardProfile.DirectT0());
            card.Faults.Arm(CardFaultScope.SentCharacter, 0, CardFaultKind.Mute);
            bench.Board.GetSlot(0).Insert(card);
            ScardReaderState entry = StatusChangeHelpers.Entry(bench.Reader0, 0);

            Assert.IsTrue(StatusChangeHelpers.WaitFor(bench.Manager, bench.Context, entry, Present | ScardConstants.StateMute, 0), "state " + entry.EventState.ToString("X8"));
            Assert.AreEqual(0, entry.AtrLength);
        }
    }
}
