#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using System.Threading;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Manager
{
    /// <summary>
    /// SCardCancel at random moments against blocked GetStatusChange, Connect and BeginTransaction calls of
    /// one context, while another context holds reader 0 in a transaction: no call stays stuck, no call
    /// times out instead of being cancelled, and no waiter is left holding or queued on the lock.
    /// </summary>
    [TestClass]
    public class CancelRaceTests
    {
        private const int Rounds = 40;
        private const int CallTimeoutMillis = 8000;

        [TestMethod]
        public void CancelAtRandomMomentsNeverLeavesAWaiterStuckOrALockHeld()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            bench.Insert(1, CardProfile.DirectT0());
            int holderContext;
            bench.Manager.EstablishContext(ScardConstants.ScopeUser, out holderContext);
            int holder;
            int protocol;
            Assert.AreEqual(ScardError.Success, bench.Manager.Connect(holderContext, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out holder, out protocol));
            int victim;
            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareShared, out victim, out protocol));
            ScardReaderState watched = StatusChangeHelpers.Entry(bench.Reader1, 0);
            Assert.IsTrue(StatusChangeHelpers.WaitFor(bench.Manager, bench.Context, watched, ScardConstants.StatePresent, ScardConstants.StateUnpowered), "reader 1 settled");
            int settled = watched.EventState & ~ScardConstants.StateChanged;
            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(holder));

            Random random = new Random(7816);
            for (int round = 0; round < Rounds; round++)
            {
                RacingCall[] calls =
                {
                    new RacingCall(bench, RacingCall.StatusChange, victim, settled),
                    new RacingCall(bench, RacingCall.Connect, victim, settled),
                    new RacingCall(bench, RacingCall.Transaction, victim, settled),
                };

                Thread.Sleep(random.Next(3));
                Assert.AreEqual(ScardError.Success, bench.Manager.Cancel(bench.Context));
                CancelUntilAllReturn(bench, calls, round);
            }

            Assert.AreEqual(0, bench.Manager.GetBlockedCallCount(bench.Context), "no wait left registered");
            Assert.AreEqual(ScardError.Success, bench.Manager.EndTransaction(holder, ScardConstants.LeaveCard));
            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(victim, 1000), "the lock is free: no cancelled waiter was granted it");
            Assert.AreEqual(ScardError.Success, bench.Manager.EndTransaction(victim, ScardConstants.LeaveCard));
            Assert.AreEqual("90 00", bench.Send(holder, protocol, ManagerBench.SelectMf));
        }

        /// <summary>
        /// A Cancel that lands before a call registers does not concern it (pcsc-lite and Windows agree), so
        /// the calls still running are cancelled again once all of them are registered; each must then return
        /// SCARD_E_CANCELLED, never time out.
        /// </summary>
        private static void CancelUntilAllReturn(ManagerBench bench, RacingCall[] calls, int round)
        {
            for (int attempt = 0; attempt < 100 && Running(calls) > 0; attempt++)
            {
                for (int i = 0; i < StatusChangeHelpers.Patience && bench.Manager.GetBlockedCallCount(bench.Context) < Running(calls); i++)
                {
                    Thread.Sleep(1);
                }

                bench.Manager.Cancel(bench.Context);
                for (int i = 0; i < calls.Length; i++)
                {
                    calls[i].Finish(50);
                }
            }

            for (int i = 0; i < calls.Length; i++)
            {
                Assert.IsTrue(calls[i].Finish(StatusChangeHelpers.Patience), "round " + round + ": call " + i + " returned");
                Assert.AreEqual(ScardError.Cancelled, calls[i].Result, "round " + round + ": call " + i + " " + ScardError.GetName(calls[i].Result));
            }
        }

        private static int Running(RacingCall[] calls)
        {
            int running = 0;
            for (int i = 0; i < calls.Length; i++)
            {
                if (!calls[i].Done)
                {
                    running++;
                }
            }

            return running;
        }

        private sealed class RacingCall
        {
            public const int StatusChange = 0;
            public const int Connect = 1;
            public const int Transaction = 2;

            private readonly ManagerBench bench;
            private readonly int kind;
            private readonly int handle;
            private readonly int settledState;
            private readonly Thread thread;
            private readonly ManualResetEvent done = new ManualResetEvent(false);

            public RacingCall(ManagerBench bench, int kind, int handle, int settledState)
            {
                this.bench = bench;
                this.kind = kind;
                this.handle = handle;
                this.settledState = settledState;
                thread = new Thread(Run);
                thread.Start();
            }

            public int Result = -1;

            public bool Done
            {
                get { return done.WaitOne(0, false); }
            }

            public bool Finish(int millis)
            {
                return thread.Join(millis);
            }

            private void Run()
            {
                Result = Call();
                done.Set();
            }

            private int Call()
            {
                if (kind == StatusChange)
                {
                    ScardReaderState[] states = { StatusChangeHelpers.Entry(bench.Reader1, settledState) };
                    return bench.Manager.GetStatusChange(bench.Context, CallTimeoutMillis, states);
                }

                if (kind == Transaction)
                {
                    return bench.Manager.BeginTransaction(handle, CallTimeoutMillis);
                }

                bench.Manager.SharingWaitMillis = CallTimeoutMillis;
                int connected;
                int protocol;
                int result = bench.Connect(0, ScardConstants.ShareShared, out connected, out protocol);
                if (result == ScardError.Success)
                {
                    bench.Manager.Disconnect(connected, ScardConstants.LeaveCard);
                }

                return result;
            }
        }
    }
}
