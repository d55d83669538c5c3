#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Threading;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Manager
{
    [TestClass]
    public class SupervisionTests
    {
        private const int Unavailable = ScardConstants.StateUnavailable;
        private const int Present = ScardConstants.StatePresent;

        [TestMethod]
        public void TheDefaultsAreTheServiceFailureActions()
        {
            SCardManager manager = new SCardManager();

            Assert.AreEqual(2, manager.RestartDelaysMillis.Length);
            Assert.AreEqual(120000, manager.RestartDelaysMillis[0]);
            Assert.AreEqual(300000, manager.RestartDelaysMillis[1]);
            Assert.AreEqual(900000, manager.RestartCounterResetMillis);
        }

        [TestMethod]
        public void ADriverThatThrowsMakesOnlyItsReaderUnavailableUntilItIsRestarted()
        {
            FailureBed bed = new FailureBed(new int[] { 30, 30 });
            bed.Driver.Failure = DriverFailure.Throw;

            bed.ExpectFailureThenRecovery();
        }

        [TestMethod]
        public void ADeviceErrorOrAVanishedDeviceIsAFailureToo()
        {
            FailureBed bed = new FailureBed(new int[] { 30, 30 });
            bed.Driver.Failure = DriverFailure.DeviceError;
            bed.ExpectFailureThenRecovery();

            FailureBed other = new FailureBed(new int[] { 30, 30 });
            other.Driver.Failure = DriverFailure.NoSuchDevice;
            other.ExpectFailureThenRecovery();
        }

        [TestMethod]
        public void ACallBeyondTheWatchdogIsAFailure()
        {
            FailureBed bed = new FailureBed(new int[] { 30, 30 });
            bed.Manager.DriverWatchdogMillis = 10;
            bed.Driver.SlowMillis = 60;
            bed.Driver.Failure = DriverFailure.Slow;

            bed.ExpectFailureThenRecovery();
        }

        [TestMethod]
        public void AReaderThatCannotBeOpenedIsListedUnavailableAndRetried()
        {
            SCardManager manager = new SCardManager();
            manager.RestartDelaysMillis = new int[] { 200, 200, 200 };
            SimulatorBoard board = new SimulatorBoard(1);
            board.GetSlot(0).Insert(new SimulatedCard(CardProfile.DirectT0()));
            SupervisionDriver driver = new SupervisionDriver(board.GetReader(0));
            driver.OpenFails = true;
            string name = manager.Readers.Add(driver, "Late Reader").Name;
            int context;
            manager.EstablishContext(ScardConstants.ScopeSystem, out context);
            ScardReaderState entry = StatusChangeHelpers.Entry(name, 0);
            Assert.IsTrue(StatusChangeHelpers.WaitFor(manager, context, entry, Unavailable, 0), "unavailable");

            driver.OpenFails = false;

            Assert.IsTrue(StatusChangeHelpers.WaitFor(manager, context, entry, Present, Unavailable), "opened by the supervisor");
            Assert.IsTrue(driver.Opens >= 2, "opens " + driver.Opens);
        }

        [TestMethod]
        public void TheSupervisorGivesUpAfterTheLastDelay()
        {
            FailureBed bed = new FailureBed(new int[] { 20, 20 });
            bed.Driver.Failure = DriverFailure.DeviceError;
            bed.Driver.OpenFails = true;

            Assert.AreEqual(ScardError.ReaderUnavailable, bed.ConnectFailing());

            Assert.IsTrue(bed.WaitForOpens(3), "two restarts after the first open, opens " + bed.Driver.Opens);
            Thread.Sleep(100);
            Assert.AreEqual(3, bed.Driver.Opens, "no third restart");
            Assert.IsTrue(bed.FailingReaderShows(Unavailable), "still unavailable");
        }

        [TestMethod]
        public void AFailureSoonAfterARestartContinuesTheSeriesAndALateOneStartsANewOne()
        {
            FailureBed bed = new FailureBed(new int[] { 20 });
            bed.Driver.Failure = DriverFailure.DeviceError;
            Assert.AreEqual(ScardError.ReaderUnavailable, bed.ConnectFailing());
            Assert.IsTrue(bed.WaitForOpens(2), "restarted once");
            Assert.IsTrue(bed.FailingReaderShows(Present), "back");

            Assert.AreEqual(ScardError.ReaderUnavailable, bed.ConnectFailing());
            Assert.IsTrue(bed.FailingReaderShows(Unavailable), "failed again");
            Thread.Sleep(100);
            Assert.AreEqual(2, bed.Driver.Opens, "the single delay is used up");

            FailureBed fresh = new FailureBed(new int[] { 20 });
            fresh.Manager.RestartCounterResetMillis = 0;
            fresh.Driver.Failure = DriverFailure.DeviceError;
            Assert.AreEqual(ScardError.ReaderUnavailable, fresh.ConnectFailing());
            Assert.IsTrue(fresh.WaitForOpens(2), "restarted once");
            Assert.IsTrue(fresh.FailingReaderShows(Present), "back");
            Thread.Sleep(5);
            Assert.AreEqual(ScardError.ReaderUnavailable, fresh.ConnectFailing());
            Assert.IsTrue(fresh.WaitForOpens(3), "a new series after the reset time");
        }

        /// <summary>
        /// Two simulated readers with cards: reader 0 behind a <see cref="SupervisionDriver"/>, reader 1 plain.
        /// Power on insertion is off so the failing call is the test's own Connect.
        /// </summary>
        private sealed class FailureBed
        {
            public readonly SCardManager Manager = new SCardManager();
            public readonly SupervisionDriver Driver;
            public readonly int Context;
            private readonly SimulatorBoard board = new SimulatorBoard(2);
            private readonly string failing;
            private readonly string healthy;

            public FailureBed(int[] delays)
            {
                Manager.PowerOnInsertion = false;
                Manager.RestartDelaysMillis = delays;
                Driver = new SupervisionDriver(board.GetReader(0));
                failing = Manager.Readers.Add(Driver, "Failing Reader").Name;
                healthy = Manager.Readers.Add(board.GetReader(1), "Healthy Reader").Name;
                board.GetSlot(0).Insert(new SimulatedCard(CardProfile.DirectT0()));
                board.GetSlot(1).Insert(new SimulatedCard(CardProfile.DirectT0()));
                Manager.EstablishContext(ScardConstants.ScopeSystem, out Context);
            }

            public int ConnectFailing()
            {
                int handle;
                int protocol;
                return Manager.Connect(Context, failing, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol);
            }

            public bool FailingReaderShows(int flags)
            {
                ScardReaderState entry = StatusChangeHelpers.Entry(failing, 0);
                return StatusChangeHelpers.WaitFor(Manager, Context, entry, flags, 0);
            }

            public bool WaitForOpens(int count)
            {
                for (int i = 0; i < StatusChangeHelpers.Patience && Driver.Opens < count; i++)
                {
                    Thread.Sleep(1);
                }

                return Driver.Opens >= count;
            }

            /// <summary>The failure marks reader 0 unavailable; reader 1 and the context carry on; the restart brings reader 0 back.</summary>
            public void ExpectFailureThenRecovery()
            {
                int opens = Driver.Opens;
                int result = ConnectFailing();
                Assert.IsTrue(result == ScardError.ReaderUnavailable || Driver.Failure == DriverFailure.Slow, ScardError.GetName(result));
                Assert.IsTrue(FailingReaderShows(Unavailable), "unavailable");

                int handle;
                int protocol;
                Assert.AreEqual(ScardError.Success, Manager.Connect(Context, healthy, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol));
                byte[] select = TestSupport.Hex(ManagerBench.SelectMf);
                byte[] response = new byte[16];
                int length;
                Assert.AreEqual(ScardError.Success, Manager.Transmit(handle, protocol, select, 0, select.Length, response, 0, response.Length, out length));
                Assert.AreEqual(ScardError.Success, Manager.Disconnect(handle, ScardConstants.LeaveCard));
                Assert.AreEqual(ScardError.Success, Manager.IsValidContext(Context));

                Driver.Failure = DriverFailure.None;
                Assert.IsTrue(WaitForOpens(opens + 1), "reopened");
                Assert.IsTrue(FailingReaderShows(Present), "back after the restart");
                Assert.AreEqual(ScardError.Success, ConnectFailing());
            }
        }
    }
}
