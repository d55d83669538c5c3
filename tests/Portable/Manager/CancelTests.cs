#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Manager
{
    [TestClass]
    public class CancelTests
    {
        [TestMethod]
        public void CancelWakesEveryBlockedCallOfTheContextAndNoOther()
        {
            ManagerBench bench = ManagerBench.Create();
            int other;
            bench.Manager.EstablishContext(ScardConstants.ScopeSystem, out other);
            BlockedStatusChange first = Watch(bench, bench.Context, bench.Reader0);
            BlockedStatusChange second = Watch(bench, bench.Context, bench.Reader1);
            BlockedStatusChange bystander = Watch(bench, other, bench.Reader0);

            Assert.AreEqual(ScardError.Success, bench.Manager.Cancel(bench.Context));

            Assert.IsTrue(first.Finish() && second.Finish(), "both calls of the context return");
            Assert.AreEqual(ScardError.Cancelled, first.Result);
            Assert.AreEqual(ScardError.Cancelled, second.Result);
            Assert.IsTrue(bystander.StillBlockedAfter(50), "another context's call is not cancelled");
            Assert.AreEqual(ScardError.Success, bench.Manager.Cancel(other));
            Assert.IsTrue(bystander.Finish(), "then it is");
            Assert.AreEqual(ScardError.Cancelled, bystander.Result);
            Assert.AreEqual(0, bench.Manager.GetBlockedCallCount(bench.Context));
        }

        [TestMethod]
        public void ACancelWithNothingBlockedSucceedsAndDoesNotCancelTheNextCall()
        {
            ManagerBench bench = ManagerBench.Create();

            Assert.AreEqual(ScardError.Success, bench.Manager.Cancel(bench.Context));
            Assert.AreEqual(ScardError.Success, bench.Manager.Cancel(bench.Context));

            ScardReaderState[] states = { StatusChangeHelpers.Entry(bench.Reader0, ScardConstants.StateEmpty) };
            Assert.AreEqual(ScardError.Timeout, bench.Manager.GetStatusChange(bench.Context, 20, states));
        }

        [TestMethod]
        public void ReleasingTheContextCancelsItsBlockedCalls()
        {
            ManagerBench bench = ManagerBench.Create();
            BlockedStatusChange blocked = Watch(bench, bench.Context, bench.Reader0);

            Assert.AreEqual(ScardError.Success, bench.Manager.ReleaseContext(bench.Context));

            Assert.IsTrue(blocked.Finish(), "the call returns");
            Assert.AreEqual(ScardError.Cancelled, blocked.Result);
        }

        [TestMethod]
        public void CancelOfAnUnknownContextIsInvalidHandle()
        {
            ManagerBench bench = ManagerBench.Create();

            Assert.AreEqual(ScardError.InvalidHandle, bench.Manager.Cancel(0));
            Assert.AreEqual(ScardError.InvalidHandle, bench.Manager.Cancel(bench.Context ^ 0x5A5A));
        }

        [TestMethod]
        public void ACancelledContextStaysUsable()
        {
            ManagerBench bench = ManagerBench.Create();
            BlockedStatusChange blocked = Watch(bench, bench.Context, bench.Reader0);
            bench.Manager.Cancel(bench.Context);
            Assert.IsTrue(blocked.Finish(), "cancelled");

            blocked = Watch(bench, bench.Context, bench.Reader0);
            bench.Insert(0, EmbeddedSmartCard.Boards.Simulator.CardProfile.DirectT0());

            Assert.IsTrue(blocked.Finish(), "woken by the card");
            Assert.AreEqual(ScardError.Success, blocked.Result);
        }

        private static BlockedStatusChange Watch(ManagerBench bench, int context, string reader)
        {
            ScardReaderState[] states = { StatusChangeHelpers.Entry(reader, ScardConstants.StateEmpty) };
            return new BlockedStatusChange(bench.Manager, context, ScardConstants.Infinite, states);
        }
    }
}
