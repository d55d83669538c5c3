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
    public class TransactionTests
    {
        // Bounds on joins and waits, never asserted as durations: a hang fails the test instead of blocking it.
        private const int JoinBoundMillis = 30000;
        private const int ShortWaitMillis = 50;

        [TestMethod]
        public void TransactionsNestPerHandleAndAnExtraEndIsNotTransacted()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int owner = Connected(bench, 0);
            int other = Connected(bench, 0);

            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(owner));
            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(owner));
            Assert.AreEqual(ScardError.Success, bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard));
            Assert.AreEqual(ScardError.Timeout, bench.Manager.BeginTransaction(other, 0), "still one level held");
            Assert.AreEqual(ScardError.Success, bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard));

            Assert.AreEqual(ScardError.NotTransacted, bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard));
            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(other, 0));
            Assert.AreEqual(ScardError.SharingViolation, bench.Manager.EndTransaction(owner, ScardConstants.ResetCard), "not the owner");
        }

        [TestMethod]
        public void BeginTransactionBehindAnotherTimesOutAndTheOtherReaderIsFree()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            bench.Insert(1, CardProfile.FastT1());
            int owner = Connected(bench, 0);
            int other = Connected(bench, 0);
            int elsewhere = Connected(bench, 1);

            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(owner));
            Assert.AreEqual(ScardError.Timeout, bench.Manager.BeginTransaction(other, ShortWaitMillis));
            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(elsewhere, 0));
            Assert.AreEqual(ScardError.InvalidValue, bench.Manager.BeginTransaction(other, -2));

            Assert.AreEqual(ScardError.Success, bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard));
            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(other, 0), "the timed-out waiter left the queue");
        }

        [TestMethod]
        public void CallsOfOtherHandlesQueueBehindATransactionWithinTheirBound()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int owner = Connected(bench, 0);
            int other = Connected(bench, 0);
            bench.Manager.SharingWaitMillis = ShortWaitMillis;

            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(owner));
            Assert.AreEqual("SCARD_E_SHARING_VIOLATION", bench.SendResult(other, ScardConstants.ProtocolT0, ManagerBench.SelectMf));
            int handle;
            int protocol;
            Assert.AreEqual(ScardError.SharingViolation, bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol));
            Assert.AreEqual("90 00", bench.Send(owner, ScardConstants.ProtocolT0, ManagerBench.SelectMf), "the owner goes on");

            Assert.AreEqual(ScardError.Success, bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard));
            Assert.AreEqual("90 00", bench.Send(other, ScardConstants.ProtocolT0, ManagerBench.SelectMf));
        }

        [TestMethod]
        public void AQueuedTransmitRunsWhenTheTransactionEnds()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int owner = Connected(bench, 0);
            int other = Connected(bench, 0);
            bench.Manager.BeginTransaction(owner);
            Sender sender = new Sender(bench, other);
            Thread thread = new Thread(sender.Run);
            thread.Start();

            Assert.IsFalse(sender.Done.WaitOne(ShortWaitMillis, false), "queued behind the transaction");
            Assert.AreEqual(ScardError.Success, bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard));

            Assert.IsTrue(thread.Join(JoinBoundMillis));
            Assert.AreEqual("90 00", sender.Response);
        }

        [TestMethod]
        public void WaitersGetTheLockInArrivalOrder()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int owner = Connected(bench, 0);
            const int WaiterCount = 4;
            int[] waiting = new int[WaiterCount];
            for (int i = 0; i < WaiterCount; i++)
            {
                waiting[i] = Connected(bench, 0);
            }

            bench.Manager.BeginTransaction(owner);
            GrantLog log = new GrantLog(WaiterCount);
            Thread[] threads = new Thread[WaiterCount];
            for (int i = 0; i < WaiterCount; i++)
            {
                Begin waiter = new Begin(bench, waiting[i], i, log);
                threads[i] = new Thread(waiter.Run);
                threads[i].Start();

                // The next one starts only once this one is queued: the arrival order is known.
                Assert.IsTrue(WaitUntilQueued(bench, i + 1), "waiter " + i + " queued");
            }

            bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard);
            for (int i = 0; i < WaiterCount; i++)
            {
                Assert.IsTrue(threads[i].Join(JoinBoundMillis), "waiter " + i + " finished");
            }

            Assert.AreEqual("0 1 2 3", log.Order());
        }

        [TestMethod]
        public void CancelWakesAQueuedBeginAndLeavesNoLockBehind()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int owner = Connected(bench, 0);
            int otherContext;
            bench.Manager.EstablishContext(ScardConstants.ScopeUser, out otherContext);
            int waiting;
            int protocol;
            bench.Manager.Connect(otherContext, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out waiting, out protocol);
            bench.Manager.BeginTransaction(owner);
            GrantLog log = new GrantLog(1);
            Begin waiter = new Begin(bench, waiting, 0, log);
            Thread thread = new Thread(waiter.Run);
            thread.Start();
            Assert.IsTrue(WaitUntilQueued(bench, 1));

            Assert.AreEqual(ScardError.Success, bench.Manager.Cancel(otherContext));

            Assert.IsTrue(thread.Join(JoinBoundMillis));
            Assert.AreEqual(ScardError.Cancelled, waiter.Result);
            bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard);
            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(owner, 0), "the cancelled waiter holds nothing");
        }

        [TestMethod]
        public void CancelWakesAQueuedTransmit()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int owner = Connected(bench, 0);
            int otherContext;
            bench.Manager.EstablishContext(ScardConstants.ScopeUser, out otherContext);
            int other;
            int protocol;
            bench.Manager.Connect(otherContext, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out other, out protocol);
            bench.Manager.BeginTransaction(owner);
            Sender sender = new Sender(bench, other);
            Thread thread = new Thread(sender.Run);
            thread.Start();
            Assert.IsTrue(WaitUntilQueued(bench, 1));

            bench.Manager.Cancel(otherContext);

            Assert.IsTrue(thread.Join(JoinBoundMillis));
            Assert.AreEqual("SCARD_E_CANCELLED", sender.Response);
            Assert.AreEqual("90 00", bench.Send(owner, ScardConstants.ProtocolT0, ManagerBench.SelectMf), "the owner still holds its transaction");
            bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard);
            Assert.AreEqual("90 00", bench.Send(other, ScardConstants.ProtocolT0, ManagerBench.SelectMf), "a later call is not cancelled");
        }

        [TestMethod]
        public void EndTransactionWithResetKeepsTheOwnerGoingAndWarnsTheOthers()
        {
            ManagerBench bench = ManagerBench.Create();
            SimulatedCard card = bench.Insert(0, CardProfile.DirectT0());
            int owner = Connected(bench, 0);
            int other = Connected(bench, 0);
            int resets = card.ResetCount;
            bench.Manager.BeginTransaction(owner);

            Assert.AreEqual(ScardError.Success, bench.Manager.EndTransaction(owner, ScardConstants.ResetCard));

            Assert.AreEqual(resets + 1, card.ResetCount);
            Assert.AreEqual("90 00", bench.Send(owner, ScardConstants.ProtocolT0, ManagerBench.SelectMf));
            Assert.AreEqual("SCARD_W_RESET_CARD", bench.SendResult(other, ScardConstants.ProtocolT0, ManagerBench.SelectMf));
            Assert.AreEqual(ScardError.ResetCard, bench.Manager.BeginTransaction(other, 0));
        }

        [TestMethod]
        public void EndTransactionWithUnpowerPowersTheCardBackUp()
        {
            ManagerBench bench = ManagerBench.Create();
            SimulatedCard card = bench.Insert(0, CardProfile.FastT1());
            int owner = Connected(bench, 0);
            int resets = card.ResetCount;
            bench.Manager.BeginTransaction(owner);

            Assert.AreEqual(ScardError.Success, bench.Manager.EndTransaction(owner, ScardConstants.UnpowerCard));

            Assert.AreEqual(resets + 1, card.ResetCount);
            Assert.AreEqual("90 00", bench.Send(owner, ScardConstants.ProtocolT1, ManagerBench.SelectMf));
        }

        [TestMethod]
        public void DisconnectInsideATransactionResetsTheCardAndFreesTheLock()
        {
            ManagerBench bench = ManagerBench.Create();
            SimulatedCard card = bench.Insert(0, CardProfile.DirectT0());
            int owner = Connected(bench, 0);
            int other = Connected(bench, 0);
            int resets = card.ResetCount;
            bench.Manager.BeginTransaction(owner);
            bench.Manager.BeginTransaction(owner);

            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(owner, ScardConstants.LeaveCard));

            Assert.AreEqual(resets + 1, card.ResetCount);
            Assert.AreEqual(ScardError.ResetCard, bench.Manager.BeginTransaction(other, 0));
            int protocol;
            Assert.AreEqual(ScardError.Success, bench.Manager.Reconnect(other, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol));
            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(other, 0));
        }

        [TestMethod]
        public void ReleasingTheContextInsideATransactionResetsTheCardAndFreesTheLock()
        {
            ManagerBench bench = ManagerBench.Create();
            SimulatedCard card = bench.Insert(0, CardProfile.DirectT0());
            int other = Connected(bench, 0);
            int ownerContext;
            bench.Manager.EstablishContext(ScardConstants.ScopeUser, out ownerContext);
            int owner;
            int protocol;
            bench.Manager.Connect(ownerContext, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out owner, out protocol);
            int resets = card.ResetCount;
            bench.Manager.BeginTransaction(owner);

            Assert.AreEqual(ScardError.Success, bench.Manager.ReleaseContext(ownerContext));

            Assert.AreEqual(resets + 1, card.ResetCount);
            Assert.AreEqual(ScardError.ResetCard, bench.Manager.BeginTransaction(other, 0));
            Assert.AreEqual(ScardError.Success, bench.Manager.Reconnect(other, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol));
            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(other, 0));
        }

        [TestMethod]
        public void PullingTheCardDropsTheTransaction()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int owner = Connected(bench, 0);
            int other = Connected(bench, 0);
            bench.Manager.BeginTransaction(owner);

            bench.Remove(0);

            Assert.AreEqual(ScardError.RemovedCard, bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard));
            bench.Insert(0, CardProfile.DirectT0());
            int protocol;
            Assert.AreEqual(ScardError.Success, bench.Manager.Reconnect(other, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol));
            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(other, 0));
        }

        [TestMethod]
        public void ConnectWaitsForATransactionToEnd()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int owner = Connected(bench, 0);
            bench.Manager.BeginTransaction(owner);
            Connector connector = new Connector(bench, bench.Context);
            Thread thread = new Thread(connector.Run);
            thread.Start();

            Assert.IsFalse(connector.Done.WaitOne(ShortWaitMillis, false), "Connect waits");
            bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard);

            Assert.IsTrue(thread.Join(JoinBoundMillis));
            Assert.AreEqual(ScardError.Success, connector.Result);
        }

        [TestMethod]
        public void CancelWakesAConnectWaitingBehindATransactionAndLeavesNoReservation()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int owner = Connected(bench, 0);
            bench.Manager.BeginTransaction(owner);
            int otherContext;
            bench.Manager.EstablishContext(ScardConstants.ScopeUser, out otherContext);
            Connector connector = new Connector(bench, otherContext);
            Thread thread = new Thread(connector.Run);
            thread.Start();
            Assert.IsTrue(WaitUntilQueued(bench, 1));

            Assert.AreEqual(ScardError.Success, bench.Manager.Cancel(otherContext));

            Assert.IsTrue(thread.Join(JoinBoundMillis));
            Assert.AreEqual(ScardError.Cancelled, connector.Result);
            bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard);
            int protocol;
            Assert.AreEqual(ScardError.Success, bench.Manager.Reconnect(owner, ScardConstants.ShareExclusive, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol), "the owner is alone on the reader");
        }

        [TestMethod]
        public void AResettingDisconnectWaitsForAnotherHandlesTransaction()
        {
            ManagerBench bench = ManagerBench.Create();
            SimulatedCard card = bench.Insert(0, CardProfile.DirectT0());
            int owner = Connected(bench, 0);
            int other = Connected(bench, 0);
            int resets = card.ResetCount;
            bench.Manager.BeginTransaction(owner);
            bench.Manager.SharingWaitMillis = 0;

            Assert.AreEqual(ScardError.SharingViolation, bench.Manager.Disconnect(other, ScardConstants.ResetCard));
            Assert.AreEqual(resets, card.ResetCount, "no reset under someone else's transaction");
            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(other, ScardConstants.LeaveCard), "the handle stayed open; LEAVE does not wait");
            Assert.AreEqual("90 00", bench.Send(owner, ScardConstants.ProtocolT0, ManagerBench.SelectMf));
        }

        [TestMethod]
        public void AReaderDetachedUnderATransactionSendsItsWaitersAway()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int owner = Connected(bench, 0);
            int other = Connected(bench, 0);
            bench.Manager.BeginTransaction(owner);
            Begin waiter = new Begin(bench, other, 0, new GrantLog(1));
            Thread thread = new Thread(waiter.Run);
            thread.Start();
            Assert.IsTrue(WaitUntilQueued(bench, 1));

            Assert.IsTrue(bench.Manager.Readers.Remove(bench.Reader0));

            Assert.IsTrue(thread.Join(JoinBoundMillis));
            Assert.AreEqual(ScardError.ReaderUnavailable, waiter.Result);
            Assert.AreEqual(ScardError.ReaderUnavailable, bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard));
            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(owner, ScardConstants.LeaveCard));
        }

        [TestMethod]
        public void IdleTransactionResetIsOffByDefaultAndResetsWhenOn()
        {
            ManagerBench bench = ManagerBench.Create();
            SimulatedCard card = bench.Insert(0, CardProfile.DirectT0());
            Assert.IsFalse(bench.Manager.IdleTransactionReset);
            Assert.AreEqual(5000, bench.Manager.IdleTransactionResetMillis);
            int owner = Connected(bench, 0);
            int other = Connected(bench, 0);
            int resets = card.ResetCount;
            bench.Manager.IdleTransactionReset = true;
            bench.Manager.IdleTransactionResetMillis = ShortWaitMillis;
            bench.Manager.BeginTransaction(owner);

            // The waiter is let in when the idle owner loses the lock, and learns of the reset.
            Assert.AreEqual(ScardError.ResetCard, bench.Manager.BeginTransaction(other, JoinBoundMillis));

            Assert.AreEqual(resets + 1, card.ResetCount);
            Assert.AreEqual("SCARD_W_RESET_CARD", bench.SendResult(owner, ScardConstants.ProtocolT0, ManagerBench.SelectMf));
            Assert.AreEqual(ScardError.ResetCard, bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard), "its transaction is gone");
            int protocol;
            bench.Manager.Reconnect(other, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol);
            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(other, 0));
        }

        private static int Connected(ManagerBench bench, int slot)
        {
            int handle;
            int protocol;
            Assert.AreEqual(ScardError.Success, bench.Connect(slot, ScardConstants.ShareShared, out handle, out protocol));
            return handle;
        }

        /// <summary>Waits (bounded) until <paramref name="count"/> calls are queued on reader 0's lock.</summary>
        private static bool WaitUntilQueued(ManagerBench bench, int count)
        {
            for (int i = 0; i < JoinBoundMillis / 5; i++)
            {
                int owner;
                int depth;
                int queued;
                bench.Manager.GetReaderLock(bench.Reader0, out owner, out depth, out queued);
                if (queued == count)
                {
                    return true;
                }

                Thread.Sleep(5);
            }

            return false;
        }

        private sealed class Sender
        {
            private readonly ManagerBench bench;
            private readonly int handle;

            public Sender(ManagerBench bench, int handle)
            {
                this.bench = bench;
                this.handle = handle;
            }

            public readonly ManualResetEvent Done = new ManualResetEvent(false);
            public string Response;

            public void Run()
            {
                Response = bench.Send(handle, ScardConstants.ProtocolT0, ManagerBench.SelectMf);
                Done.Set();
            }
        }

        private sealed class Connector
        {
            private readonly ManagerBench bench;
            private readonly int context;

            public Connector(ManagerBench bench, int context)
            {
                this.bench = bench;
                this.context = context;
            }

            public readonly ManualResetEvent Done = new ManualResetEvent(false);
            public int Result;

            public void Run()
            {
                int handle;
                int protocol;
                Result = bench.Manager.Connect(context, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol);
                Done.Set();
            }
        }

        /// <summary>Records which waiters got the lock, in order.</summary>
        private sealed class GrantLog
        {
            private readonly int[] order;
            private int count;

            public GrantLog(int capacity)
            {
                order = new int[capacity];
            }

            public void Granted(int waiter)
            {
                lock (this)
                {
                    order[count++] = waiter;
                }
            }

            public string Order()
            {
                string text = "";
                for (int i = 0; i < count; i++)
                {
                    text += (i == 0 ? "" : " ") + order[i];
                }

                return text;
            }
        }

        /// <summary>Begins a transaction, logs the grant, ends it.</summary>
        private sealed class Begin
        {
            private readonly ManagerBench bench;
            private readonly int handle;
            private readonly int index;
            private readonly GrantLog log;

            public Begin(ManagerBench bench, int handle, int index, GrantLog log)
            {
                this.bench = bench;
                this.handle = handle;
                this.index = index;
                this.log = log;
            }

            public int Result;

            public void Run()
            {
                Result = bench.Manager.BeginTransaction(handle, JoinBoundMillis);
                if (Result == ScardError.Success)
                {
                    log.Granted(index);
                    bench.Manager.EndTransaction(handle, ScardConstants.LeaveCard);
                }
            }
        }
    }
}
