#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Threading;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Tests.Library;

namespace EmbeddedSmartCard.Tests.Hotplug
{
    /// <summary>
    /// The manager's side of the host PC/SC board: readers an IHotplugBoard reports arrive in and leave the
    /// reader list, and a failure a driver reports between calls (IDeviceFaultSource) makes its reader unavailable.
    /// </summary>
    [TestClass]
    public class HotplugBoardTests
    {
        /// <summary>Bound on the supervisor noticing a reported failure; a passing test never waits it out.</summary>
        private const int PatienceMillis = 5000;
        private const int StepMillis = 10;

        [TestMethod]
        public void ReadersAHotplugBoardReportsArriveInAndLeaveTheManager()
        {
            FakeHotplugBoard board = new FakeHotplugBoard(new FakeReaderDriver(null), "First");
            SCardManager manager = new SCardManager(board);
            int context;
            Assert.AreEqual(ScardError.Success, manager.EstablishContext(ScardConstants.ScopeSystem, out context));
            Assert.IsTrue(board.Watching, "the manager starts the board's watching once subscribed");
            Assert.AreEqual("First 00 00", Readers(manager, context));

            FakeReaderDriver second = new FakeReaderDriver(null);
            board.Arrive(second, "Second");
            Assert.AreEqual("First 00 00|Second 00 00", Readers(manager, context));
            Assert.AreEqual(1, second.OpenCount, "an arriving reader is opened");

            board.Leave(second, "Second");
            Assert.AreEqual("First 00 00", Readers(manager, context));
            Assert.AreEqual(1, second.CloseCount, "a reader that left is closed");
            manager.Dispose();
        }

        [TestMethod]
        public void AFailureTheDriverReportsBetweenCallsMakesItsReaderUnavailable()
        {
            FaultReportingDriver driver = new FaultReportingDriver();
            FakeHotplugBoard board = new FakeHotplugBoard(driver, "Host");
            SCardManager manager = new SCardManager(board);
            int context;
            Assert.AreEqual(ScardError.Success, manager.EstablishContext(ScardConstants.ScopeSystem, out context));
            Assert.AreEqual(0, State(manager, context) & ScardConstants.StateUnavailable, "working at first");

            driver.Fail();
            int waited = 0;
            while ((State(manager, context) & ScardConstants.StateUnavailable) == 0 && waited < PatienceMillis)
            {
                Thread.Sleep(StepMillis);
                waited += StepMillis;
            }

            Assert.IsTrue((State(manager, context) & ScardConstants.StateUnavailable) != 0, "unavailable after the reported failure");
            manager.Dispose();
        }

        private static string Readers(SCardManager manager, int context)
        {
            string[] names;
            Assert.AreEqual(ScardError.Success, manager.ListReaders(context, out names));
            string joined = "";
            for (int i = 0; i < names.Length; i++)
            {
                joined += (i == 0 ? "" : "|") + names[i];
            }

            return joined;
        }

        private static int State(SCardManager manager, int context)
        {
            ScardReaderState entry = new ScardReaderState();
            entry.Reader = "Host 00 00";
            ScardReaderState[] states = new ScardReaderState[] { entry };
            int result = manager.GetStatusChange(context, 0, states);
            Assert.IsTrue(result == ScardError.Success || result == ScardError.Timeout, ScardError.GetName(result));
            return entry.EventState;
        }
    }
}
