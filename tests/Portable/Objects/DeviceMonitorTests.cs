#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Objects;

namespace EmbeddedSmartCard.Tests.Objects
{
    /// <summary>The device monitor: reader attached / detached events from the PnP notification entry.</summary>
    [TestClass]
    public class DeviceMonitorTests
    {
        [TestMethod]
        public void ReadersAddedAndRemovedAtRunTimeAreReported()
        {
            ObjectsBench bench = new ObjectsBench();
            MonitorRecorder recorder = new MonitorRecorder();
            DeviceMonitor monitor = new DeviceMonitor(bench.Manager);
            recorder.Watch(monitor);
            monitor.Start();
            Assert.IsTrue(recorder.WaitFor("initialized 2"), recorder.All());

            SimulatorBoard extra = new SimulatorBoard("extra", 1);
            string added = bench.Manager.Readers.Add(extra.GetReader(0), "Extra Reader").Name;
            Assert.IsTrue(recorder.WaitFor("attached " + added), recorder.All());
            Assert.IsTrue(recorder.IndexOf("changed +1 -0 = 3") >= 0, recorder.All());
            Assert.AreEqual(3, monitor.Readers.Length);

            string first = bench.ReaderName(0);
            bench.Manager.Readers.Remove(first);
            Assert.IsTrue(recorder.WaitFor("detached " + first), recorder.All());
            Assert.AreEqual(2, monitor.Readers.Length);
            monitor.Cancel();
            Assert.IsFalse(monitor.IsMonitoring, "stopped");
        }

        [TestMethod]
        public void AManagerWithoutReadersStartsEmptyAndSeesTheFirstOne()
        {
            SCardManager manager = new SCardManager();
            MonitorRecorder recorder = new MonitorRecorder();
            DeviceMonitor monitor = new DeviceMonitor(manager);
            recorder.Watch(monitor);
            monitor.Start();
            Assert.IsTrue(recorder.WaitFor("initialized 0"), recorder.All());

            SimulatorBoard board = new SimulatorBoard(1);
            string added = manager.Readers.Add(board.GetReader(0), "First Reader").Name;
            Assert.IsTrue(recorder.WaitFor("attached " + added), recorder.All());
            monitor.Dispose();
        }
    }
}
