#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Threading;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Objects;

namespace EmbeddedSmartCard.Tests.Objects
{
    /// <summary>The context, reader and connection objects over the simulator board's two readers.</summary>
    [TestClass]
    public class CardConnectionTests
    {
        [TestMethod]
        public void TheContextListsBothReadersAndAnEmptyArrayWhenThereAreNone()
        {
            ObjectsBench bench = new ObjectsBench();
            string[] readers = bench.Context.GetReaders();
            Assert.AreEqual(2, readers.Length);
            Assert.AreEqual(bench.ReaderName(1), readers[1]);
            Assert.IsTrue(bench.Context.IsValid, "valid");

            CardContext lonely = new CardContext(new SCardManager());
            Assert.AreEqual(0, lonely.GetReaders().Length);
        }

        [TestMethod]
        public void ReaderStatesAreReadAtOnceUnknownNamesIncluded()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(1, CardProfile.DirectT0());
            CardMonitorTests.WaitUntilPowered(bench, 1);

            ScardReaderState[] states = bench.Context.GetReaderStates(new string[] { bench.ReaderName(0), "no such reader", bench.ReaderName(1) });
            Assert.IsTrue((states[0].EventState & ScardConstants.StateEmpty) != 0, "empty");
            Assert.IsTrue((states[1].EventState & ScardConstants.StateUnknown) != 0, "unknown");
            Assert.IsTrue((states[2].EventState & ScardConstants.StatePresent) != 0, "present");
            Assert.AreEqual(0x3B, (int)states[2].Atr[0]);
        }

        [TestMethod]
        public void ReadersAreFoundByExactName()
        {
            ObjectsBench bench = new ObjectsBench();
            CardReader reader = bench.Context.GetReader(bench.ReaderName(0));
            Assert.AreEqual(bench.ReaderName(0), reader.Name);
            Assert.AreSame(bench.Context, reader.Context);
            Assert.AreEqual("SCARD_E_UNKNOWN_READER", ObjectsBench.CodeOf(delegate { bench.Context.GetReader("no such reader"); }));
        }

        [TestMethod]
        public void ConnectingToAnEmptyReaderThrowsNoSmartcard()
        {
            ObjectsBench bench = new ObjectsBench();
            PcscException thrown = ObjectsBench.Catch(delegate { bench.Connect(0, ScardConstants.ShareShared); });
            Assert.IsTrue(thrown is NoSmartcardException, "no card");
        }

        [TestMethod]
        public void AConnectionTransmitsAndReportsItsStatus()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.DirectT0());
            CardReader reader = bench.Context.GetReader(bench.ReaderName(0));
            CardConnection connection = reader.Connect(ScardConstants.ShareShared, ScardConstants.ProtocolAny);

            Assert.IsTrue(connection.IsConnected, "connected");
            Assert.AreEqual(ScardConstants.ProtocolT0, connection.Protocol);
            Assert.AreEqual("90 00", ObjectsBench.Send(connection, ObjectsBench.SelectMf));

            CardStatus status = connection.GetStatus();
            Assert.AreEqual(bench.ReaderName(0), status.ReaderName);
            Assert.AreEqual(ScardConstants.ProtocolT0, status.Protocol);
            Assert.IsTrue(status.IsPresent, "present");
            Assert.AreEqual(0x3B, (int)status.Atr[0]);
        }

        [TestMethod]
        public void TransmitIntoCallerBuffersReturnsTheLength()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(1, CardProfile.FastT1());
            CardConnection connection = bench.Connect(1, ScardConstants.ShareShared);
            byte[] command = TestSupport.Hex("80 12 00 00 03 01 02 03 00");
            byte[] response = new byte[16];

            int length = connection.Transmit(command, 0, command.Length, response, 4, 12);
            Assert.AreEqual(ScardConstants.ProtocolT1, connection.Protocol);
            Assert.AreEqual("01 02 03 90 00", TestSupport.ToHex(response, 4, length));
            Assert.AreEqual("SCARD_E_INSUFFICIENT_BUFFER", ObjectsBench.CodeOf(delegate { connection.Transmit(command, 0, command.Length, response, 0, 3); }));
        }

        [TestMethod]
        public void ExclusiveAccessMakesASecondConnectionASharingViolation()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.DirectT0());
            CardConnection holder = bench.Connect(0, ScardConstants.ShareExclusive);
            PcscException thrown = ObjectsBench.Catch(delegate { bench.Connect(0, ScardConstants.ShareShared); });
            Assert.IsTrue(thrown is SharingViolationException, "sharing violation");

            holder.Dispose();
            Assert.IsFalse(holder.IsConnected, "disposed");
            Assert.IsTrue(bench.Connect(0, ScardConstants.ShareShared).IsConnected, "free again");
        }

        [TestMethod]
        public void AResetByOneConnectionIsAResetCardExceptionForTheOther()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.DirectT0());
            CardConnection first = bench.Connect(0, ScardConstants.ShareShared);
            CardConnection second = bench.Connect(0, ScardConstants.ShareShared);

            first.Disconnect(ScardConstants.ResetCard);
            PcscException thrown = ObjectsBench.Catch(delegate { ObjectsBench.Send(second, ObjectsBench.SelectMf); });
            Assert.IsTrue(thrown is ResetCardException, "reset");
            Assert.IsFalse(first.IsConnected, "disconnected");
        }

        [TestMethod]
        public void ARemovedCardIsARemovedCardException()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.DirectT0());
            CardConnection connection = bench.Connect(0, ScardConstants.ShareShared);

            bench.Board.GetSlot(0).Remove();
            PcscException thrown = ObjectsBench.Catch(delegate { ObjectsBench.Send(connection, ObjectsBench.SelectMf); });
            Assert.IsTrue(thrown is RemovedCardException, "removed");
        }

        [TestMethod]
        public void ReleasingTheContextInvalidatesItsConnections()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.DirectT0());
            CardConnection connection = bench.Connect(0, ScardConstants.ShareShared);

            bench.Context.Dispose();
            Assert.IsFalse(bench.Context.IsValid, "released");
            Assert.AreEqual(0, bench.Context.Handle);
            Assert.AreEqual("SCARD_E_INVALID_HANDLE", ObjectsBench.CodeOf(delegate { connection.GetStatus(); }));
            connection.Dispose();
            bench.Context.Release();
        }

        [TestMethod]
        public void CancelWakesABlockedStatusChangeWithACancelledException()
        {
            ObjectsBench bench = new ObjectsBench();
            CardReader reader = bench.Context.GetReader(bench.ReaderName(0));
            ScardReaderState state = reader.GetState();
            Assert.IsTrue((state.EventState & ScardConstants.StateEmpty) != 0, "empty");
            state.CurrentState = state.EventState & ~ScardConstants.StateChanged;
            Assert.IsFalse(bench.Context.GetStatusChange(0, new ScardReaderState[] { state }), "no change: timeout is false");

            PcscException thrown = null;
            Thread waiter = new Thread(new ThreadStart(delegate
            {
                thrown = ObjectsBench.Catch(delegate { bench.Context.GetStatusChange(MonitorRecorder.Patience, new ScardReaderState[] { state }); });
            }));
            waiter.Start();
            for (int round = 0; round < 100 && bench.Manager.GetBlockedCallCount(bench.Context.Handle) == 0; round++)
            {
                Thread.Sleep(10);
            }

            bench.Context.Cancel();
            Assert.IsTrue(waiter.Join(MonitorRecorder.Patience), "woken");
            Assert.IsTrue(thrown is CancelledException, "cancelled");
        }

        [TestMethod]
        public void ABadDispositionLeavesTheConnectionOpen()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.DirectT0());
            CardConnection connection = bench.Connect(0, ScardConstants.ShareShared);

            Assert.AreEqual("SCARD_E_INVALID_VALUE", ObjectsBench.CodeOf(delegate { connection.Disconnect(7); }));
            Assert.IsTrue(connection.IsConnected, "still open");
            connection.Disconnect(ScardConstants.LeaveCard);
            Assert.IsFalse(connection.IsConnected, "closed");
            Assert.AreEqual("none", ObjectsBench.CodeOf(delegate { connection.Disconnect(ScardConstants.LeaveCard); }));
        }
    }
}
