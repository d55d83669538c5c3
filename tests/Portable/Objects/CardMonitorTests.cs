#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using System.Threading;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Objects;

namespace EmbeddedSmartCard.Tests.Objects
{
    /// <summary>The card monitor: events driven by GetStatusChange on a background thread, stopped by Cancel.</summary>
    [TestClass]
    public class CardMonitorTests
    {
        [TestMethod]
        public void ACardAlreadyPresentIsReportedAtStart()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.DirectT0());
            WaitUntilPowered(bench, 0);
            MonitorRecorder recorder = new MonitorRecorder();
            CardMonitor monitor = new CardMonitor(bench.Manager);
            recorder.Watch(monitor);

            monitor.Start(new string[] { bench.ReaderName(0), bench.ReaderName(1) });
            Assert.IsTrue(recorder.WaitFor("initialized " + bench.ReaderName(1)), recorder.All());
            Assert.IsTrue(recorder.IndexOf("initialized " + bench.ReaderName(0) + " 3B") >= 0, recorder.All());
            Assert.AreEqual(2, monitor.ReaderNames.Length);
            monitor.Cancel();
        }

        [TestMethod]
        public void InsertionAndRemovalAreReported()
        {
            ObjectsBench bench = new ObjectsBench();
            MonitorRecorder recorder = new MonitorRecorder();
            CardMonitor monitor = new CardMonitor(bench.Manager);
            recorder.Watch(monitor);
            monitor.Start(bench.ReaderName(1));
            Assert.IsTrue(recorder.WaitFor("initialized"), recorder.All());

            bench.Insert(1, CardProfile.FastT1());
            Assert.IsTrue(recorder.WaitFor("inserted " + bench.ReaderName(1)), recorder.All());
            Assert.IsTrue(recorder.WaitFor("changed " + bench.ReaderName(1) + " 3B"), "the ATR once powered: " + recorder.All());

            bench.Board.GetSlot(1).Remove();
            Assert.IsTrue(recorder.WaitFor("removed " + bench.ReaderName(1)), recorder.All());
            Assert.IsTrue(recorder.IndexOf("changed") < recorder.IndexOf("inserted"), "StatusChanged first: " + recorder.All());
            Assert.IsTrue(monitor.IsMonitoring, "still running");
            monitor.Cancel();
        }

        [TestMethod]
        public void ACardSwappedBetweenTwoLooksIsARemovalAndAnInsertion()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.DirectT0());
            WaitUntilPowered(bench, 0);
            MonitorRecorder recorder = new MonitorRecorder();
            CardMonitor monitor = new CardMonitor(bench.Manager);
            recorder.Watch(monitor);
            ManualResetEvent looked = new ManualResetEvent(false);
            monitor.Initialized += delegate(object sender, CardEventArgs e) { looked.WaitOne(MonitorRecorder.Patience, false); };
            monitor.Start(bench.ReaderName(0));
            Assert.IsTrue(recorder.WaitFor("initialized " + bench.ReaderName(0) + " 3B"), recorder.All());

            // The monitor is held in its Initialized handler while the card is swapped.
            bench.Board.GetSlot(0).Remove();
            Assert.IsTrue(WaitUntil(bench, 0, false), "removed");
            bench.Insert(0, CardProfile.DirectT0());
            WaitUntilPowered(bench, 0);
            looked.Set();

            Assert.IsTrue(recorder.WaitFor("inserted " + bench.ReaderName(0)), recorder.All());
            int removed = recorder.IndexOf("removed " + bench.ReaderName(0));
            Assert.IsTrue(removed >= 0 && removed < recorder.IndexOf("inserted"), recorder.All());
            monitor.Cancel();
        }

        [TestMethod]
        public void CancelStopsTheMonitorAndReleasesItsContext()
        {
            ObjectsBench bench = new ObjectsBench();
            MonitorRecorder recorder = new MonitorRecorder();
            CardMonitor monitor = new CardMonitor(bench.Manager);
            recorder.Watch(monitor);
            monitor.Start(bench.ReaderName(0));
            Assert.IsTrue(recorder.WaitFor("initialized"), recorder.All());

            monitor.Cancel();
            Assert.IsFalse(monitor.IsMonitoring, "stopped");
            int linesAtStop = recorder.Count;
            bench.Insert(0, CardProfile.DirectT0());
            WaitUntilPowered(bench, 0);
            Assert.AreEqual(linesAtStop, recorder.Count, recorder.All());
            Assert.IsTrue(recorder.IndexOf("error") < 0, recorder.All());

            monitor.Start(bench.ReaderName(0));
            Assert.IsTrue(recorder.WaitFor("initialized " + bench.ReaderName(0) + " 3B"), "restartable: " + recorder.All());
            monitor.Dispose();
            Assert.IsFalse(monitor.IsMonitoring, "disposed");
        }

        [TestMethod]
        public void AnUnknownReaderIsReportedAndDoesNotStopTheOthers()
        {
            ObjectsBench bench = new ObjectsBench();
            MonitorRecorder recorder = new MonitorRecorder();
            CardMonitor monitor = new CardMonitor(bench.Manager);
            recorder.Watch(monitor);
            monitor.Start(new string[] { "no such reader", bench.ReaderName(0) });
            Assert.IsTrue(recorder.WaitFor("initialized " + bench.ReaderName(0)), recorder.All());

            bench.Insert(0, CardProfile.DirectT0());
            Assert.IsTrue(recorder.WaitFor("inserted " + bench.ReaderName(0)), recorder.All());
            monitor.Cancel();
        }

        [TestMethod]
        public void AHandlerThatThrowsEndsTheMonitorWithAMonitorException()
        {
            ObjectsBench bench = new ObjectsBench();
            MonitorRecorder recorder = new MonitorRecorder();
            CardMonitor monitor = new CardMonitor(bench.Manager);
            recorder.Watch(monitor);
            monitor.CardInserted += delegate(object sender, CardEventArgs e) { throw new InvalidOperationException("handler bug"); };
            monitor.Start(bench.ReaderName(0));
            Assert.IsTrue(recorder.WaitFor("initialized"), recorder.All());

            bench.Insert(0, CardProfile.DirectT0());
            Assert.IsTrue(recorder.WaitFor("error handler bug"), recorder.All());
            Assert.IsFalse(monitor.IsMonitoring, "ended");
            monitor.Cancel();
        }

        [TestMethod]
        public void StartAllFollowsReadersAttachedAndDetached()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(1, CardProfile.DirectT0());
            MonitorRecorder recorder = new MonitorRecorder();
            CardMonitor monitor = new CardMonitor(bench.Manager);
            recorder.Watch(monitor);
            monitor.StartAll();
            Assert.IsTrue(recorder.WaitFor("inserted " + bench.ReaderName(1)), "readers present at start join as changes: " + recorder.All());
            Assert.AreEqual(2, monitor.ReaderNames.Length);

            SimulatorBoard extra = new SimulatorBoard("extra", 1);
            extra.GetSlot(0).Insert(new SimulatedCard(CardProfile.FastT1()));
            string added = bench.Manager.Readers.Add(extra.GetReader(0), "Extra Reader").Name;
            Assert.IsTrue(recorder.WaitFor("inserted " + added), recorder.All());

            string second = bench.ReaderName(1);
            bench.Manager.Readers.Remove(second);
            Assert.IsTrue(recorder.WaitFor("removed " + second), recorder.All());
            for (int round = 0; round < 100 && monitor.ReaderNames.Length != 2; round++)
            {
                recorder.Pause();
            }

            Assert.AreEqual(2, monitor.ReaderNames.Length);
            monitor.Cancel();
        }

        [TestMethod]
        public void StartNeedsAReaderAndCannotRunTwice()
        {
            ObjectsBench bench = new ObjectsBench();
            CardMonitor monitor = new CardMonitor(bench.Manager);
            bool refused = false;
            try
            {
                monitor.Start(new string[0]);
            }
            catch (ArgumentException)
            {
                refused = true;
            }

            Assert.IsTrue(refused, "no reader");
            monitor.Start(bench.ReaderName(0));
            refused = false;
            try
            {
                monitor.Start(bench.ReaderName(1));
            }
            catch (InvalidOperationException)
            {
                refused = true;
            }

            Assert.IsTrue(refused, "already running");
            monitor.Cancel();
        }

        /// <summary>Waits (bounded) until the reader reports a powered card, as power-on-insertion makes it.</summary>
        internal static void WaitUntilPowered(ObjectsBench bench, int slot)
        {
            Assert.IsTrue(WaitUntil(bench, slot, true), "powered");
        }

        /// <summary>Waits (bounded) until the reader reports a powered card (or, with <paramref name="powered"/> false, no card).</summary>
        private static bool WaitUntil(ObjectsBench bench, int slot, bool powered)
        {
            CardReader reader = bench.Context.GetReader(bench.ReaderName(slot));
            ScardReaderState state = reader.GetState();
            ScardReaderState[] states = new ScardReaderState[] { state };
            for (int round = 0; round < 20 && IsPowered(state) != powered; round++)
            {
                state.CurrentState = state.EventState & ~ScardConstants.StateChanged;
                bench.Context.GetStatusChange(MonitorRecorder.Patience / 20, states);
            }

            return IsPowered(state) == powered;
        }

        private static bool IsPowered(ScardReaderState state)
        {
            return state.AtrLength > 0 && (state.EventState & (ScardConstants.StatePresent | ScardConstants.StateUnpowered)) == ScardConstants.StatePresent;
        }
    }
}
