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
    /// <summary>
    /// A driver call that never returns on its own: the watchdog marks the reader UNAVAILABLE while the call
    /// is still stuck, every other call on that reader is answered READER_UNAVAILABLE instead of waiting behind
    /// it, the other reader carries on, and the reader is re-initialised once the call returns.
    /// </summary>
    [TestClass]
    public class SupervisionHangTests
    {
        private const int Patience = StatusChangeHelpers.Patience;

        // Far above a simulated card's calls (a slow healthy call would count as hung), far below Patience.
        private const int WatchdogMillis = 300;

        [TestMethod]
        public void AHungTransmitMakesItsReaderUnavailableWhileStuckAndItRecoversAfterItReturns()
        {
            HangBed bed = new HangBed();
            int first = bed.Connect(bed.Hanging);
            int second = bed.Connect(bed.Hanging);

            bed.Driver.Arm();
            CallThread stuck = new CallThread(bed, first);
            Assert.IsTrue(bed.Driver.WaitUntilHanging(), "the transmit hangs in the driver");
            CallThread queued = new CallThread(bed, second);
            CallThread sameHandle = new CallThread(bed, first);

            Assert.IsTrue(bed.Shows(bed.Hanging, ScardConstants.StateUnavailable), "unavailable while the call is stuck");
            Assert.IsTrue(queued.Finished(), "the call queued behind the hung one returned");
            Assert.AreEqual(ScardError.ReaderUnavailable, queued.Result);
            Assert.IsTrue(sameHandle.Finished(), "the hung handle's call from another thread returned");
            Assert.AreEqual(ScardError.ReaderUnavailable, sameHandle.Result);
            Assert.AreEqual(ScardError.ReaderUnavailable, bed.Transmit(first), "the hung handle's own next call");
            Assert.AreEqual(ScardError.ReaderUnavailable, bed.Transmit(second), "a new call");
            Assert.AreEqual(ScardError.ReaderUnavailable, bed.BeginTransaction(second));
            Assert.IsFalse(stuck.Finished(0), "the driver call is still stuck");

            int healthy = bed.Connect(bed.Healthy);
            Assert.AreEqual(ScardError.Success, bed.Transmit(healthy), "the other reader carries on");
            Assert.AreEqual(ScardError.Success, bed.Manager.IsValidContext(bed.Context));

            int opens = bed.Driver.Opens;
            bed.Driver.Release();
            Assert.IsTrue(stuck.Finished(), "the hung call returned once released");
            Assert.IsTrue(bed.WaitForOpens(opens + 1), "re-initialised after the back-off");
            Assert.IsTrue(bed.Shows(bed.Hanging, ScardConstants.StatePresent), "back after the restart");
            Assert.AreEqual(ScardError.RemovedCard, bed.Transmit(first), "the old handle saw the reader reset");
            int fresh = bed.Connect(bed.Hanging);
            Assert.AreEqual(ScardError.Success, bed.Transmit(fresh));
        }

        [TestMethod]
        public void AConnectWaitingBehindAPowerOnAtInsertionThatHangsIsSentAway()
        {
            HangBed bed = new HangBed(true);
            bed.Driver.Arm();
            bed.InsertIntoHanging();
            Assert.IsTrue(bed.Driver.WaitUntilHanging(), "the power-on at insertion hangs in the driver");
            ConnectThread connect = new ConnectThread(bed);

            Assert.IsTrue(bed.Shows(bed.Hanging, ScardConstants.StateUnavailable), "unavailable while the power-on is stuck");
            Assert.IsTrue(connect.Finished(), "the Connect returned");
            Assert.AreEqual(ScardError.ReaderUnavailable, connect.Result);
            Assert.AreEqual(ScardError.Success, bed.Transmit(bed.Connect(bed.Healthy)), "the other reader carries on");

            int opens = bed.Driver.Opens;
            bed.Driver.Release();
            Assert.IsTrue(bed.WaitForOpens(opens + 1), "re-initialised after the back-off");
            Assert.IsTrue(bed.Shows(bed.Hanging, ScardConstants.StatePresent), "back after the restart");
            Assert.AreEqual(ScardError.Success, bed.Transmit(bed.Connect(bed.Hanging)));
        }

        [TestMethod]
        public void AReaderRemovedWhileACallHangsIsClosedWhenTheCallReturns()
        {
            HangBed bed = new HangBed();
            int handle = bed.Connect(bed.Hanging);
            bed.Driver.Arm();
            CallThread stuck = new CallThread(bed, handle);
            Assert.IsTrue(bed.Driver.WaitUntilHanging(), "the transmit hangs in the driver");
            Assert.IsTrue(bed.Shows(bed.Hanging, ScardConstants.StateUnavailable), "unavailable while the call is stuck");

            Assert.IsTrue(bed.Manager.Readers.Remove(bed.Hanging), "removing does not wait for the hung call");
            Assert.IsTrue(bed.Shows(bed.Hanging, ScardConstants.StateUnknown), "gone from the list");

            bed.Driver.Release();
            Assert.IsTrue(stuck.Finished(), "the hung call returned once released");
            Assert.AreEqual(ScardError.ReaderUnavailable, bed.Transmit(handle));
        }

        /// <summary>Two simulated readers with T=0 cards; the first behind a driver that can hang; small bounds.</summary>
        private sealed class HangBed
        {
            public readonly SCardManager Manager = new SCardManager();
            public readonly SupervisionHangingDriver Driver;
            public readonly int Context;
            public readonly string Hanging;
            public readonly string Healthy;
            private readonly SimulatorBoard board = new SimulatorBoard(2);
            private readonly byte[] select = TestSupport.Hex(ManagerBench.SelectMf);
            private readonly byte[] response = new byte[16];

            public HangBed() : this(false)
            {
            }

            /// <summary>With <paramref name="powerOnInsertion"/> the hanging reader starts empty.</summary>
            public HangBed(bool powerOnInsertion)
            {
                Manager.PowerOnInsertion = powerOnInsertion;
                Manager.RestartDelaysMillis = new int[] { 20, 20 };
                Manager.SharingWaitMillis = Patience;
                Manager.TransactionWaitMillis = Patience;
                Driver = new SupervisionHangingDriver(board.GetReader(0));
                Hanging = Manager.Readers.Add(Driver, "Hanging Reader").Name;
                Healthy = Manager.Readers.Add(board.GetReader(1), "Healthy Reader").Name;
                if (!powerOnInsertion)
                {
                    InsertIntoHanging();
                }

                board.GetSlot(1).Insert(new SimulatedCard(CardProfile.DirectT0()));
                Manager.EstablishContext(ScardConstants.ScopeSystem, out Context);
                Manager.DriverWatchdogMillis = WatchdogMillis;
            }

            public void InsertIntoHanging()
            {
                board.GetSlot(0).Insert(new SimulatedCard(CardProfile.DirectT0()));
            }

            public int Connect(string reader)
            {
                int handle;
                int protocol;
                Assert.AreEqual(ScardError.Success, Manager.Connect(Context, reader, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol));
                return handle;
            }

            public int Transmit(int handle)
            {
                int length;
                return Manager.Transmit(handle, ScardConstants.ProtocolT0, select, 0, select.Length, response, 0, response.Length, out length);
            }

            public int BeginTransaction(int handle)
            {
                return Manager.BeginTransaction(handle);
            }

            public bool Shows(string reader, int flags)
            {
                return StatusChangeHelpers.WaitFor(Manager, Context, StatusChangeHelpers.Entry(reader, 0), flags, 0);
            }

            public bool WaitForOpens(int count)
            {
                for (int i = 0; i < Patience && Driver.Opens < count; i++)
                {
                    Thread.Sleep(1);
                }

                return Driver.Opens >= count;
            }
        }

        /// <summary>A Connect to the hanging reader on a thread of its own.</summary>
        private sealed class ConnectThread
        {
            private readonly HangBed bed;
            private readonly Thread thread;
            public int Result = -1;

            public ConnectThread(HangBed bed)
            {
                this.bed = bed;
                thread = new Thread(Run);
                thread.Start();
            }

            public bool Finished()
            {
                return thread.Join(Patience);
            }

            private void Run()
            {
                int handle;
                int protocol;
                Result = bed.Manager.Connect(bed.Context, bed.Hanging, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol);
            }
        }

        /// <summary>A Transmit on a thread of its own, as another application would make it.</summary>
        private sealed class CallThread
        {
            private readonly HangBed bed;
            private readonly int handle;
            private readonly Thread thread;
            public int Result = -1;

            public CallThread(HangBed bed, int handle)
            {
                this.bed = bed;
                this.handle = handle;
                thread = new Thread(Run);
                thread.Start();
            }

            public bool Finished()
            {
                return Finished(Patience);
            }

            public bool Finished(int millis)
            {
                return thread.Join(millis);
            }

            private void Run()
            {
                int length;
                byte[] command = TestSupport.Hex(ManagerBench.SelectMf);
                Result = bed.Manager.Transmit(handle, ScardConstants.ProtocolT0, command, 0, command.Length, new byte[16], 0, 16, out length);
            }
        }
    }
}
