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
    public class ReconnectTests
    {
        [TestMethod]
        public void AResetReconnectWarnsTheOthersAndLeaveClearsTheWarning()
        {
            ManagerBench bench = ManagerBench.Create();
            SimulatedCard card = bench.Insert(0, CardProfile.DirectT0());
            int resetter = Connected(bench, 0);
            int other = Connected(bench, 0);
            int resets = card.ResetCount;
            int protocol;

            Assert.AreEqual(ScardError.Success, bench.Manager.Reconnect(resetter, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.ResetCard, out protocol));

            Assert.AreEqual(resets + 1, card.ResetCount);
            Assert.AreEqual(ScardConstants.ProtocolT0, protocol);
            Assert.AreEqual(SharingTests.EchoAnswer, bench.Send(resetter, protocol, SharingTests.Echo));
            Assert.AreEqual("SCARD_W_RESET_CARD", bench.SendResult(other, protocol, SharingTests.Echo));
            Assert.AreEqual(ScardError.Success, bench.Manager.Reconnect(other, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol));
            Assert.AreEqual(resets + 1, card.ResetCount, "LEAVE does not reset");
            Assert.AreEqual(SharingTests.EchoAnswer, bench.Send(other, protocol, SharingTests.Echo));
        }

        [TestMethod]
        public void UnpowerPowersDownAndColdResets()
        {
            ManagerBench bench = ManagerBench.Create();
            SimulatedCard card = bench.Insert(1, CardProfile.FastT1());
            int handle = Connected(bench, 1);
            int resets = card.ResetCount;
            int protocol;

            Assert.AreEqual(ScardError.Success, bench.Manager.Reconnect(handle, ScardConstants.ShareShared, ScardConstants.ProtocolT1, ScardConstants.UnpowerCard, out protocol));

            Assert.AreEqual(resets + 1, card.ResetCount);
            Assert.AreEqual(ScardConstants.ProtocolT1, protocol);
            Assert.AreEqual(SharingTests.EchoAnswer, bench.Send(handle, protocol, SharingTests.Echo));
        }

        [TestMethod]
        public void ReconnectChecksItsArguments()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.FastT1());
            int handle = Connected(bench, 0);
            int protocol;

            Assert.AreEqual(ScardError.InvalidValue, bench.Manager.Reconnect(handle, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.EjectCard, out protocol));
            Assert.AreEqual(ScardError.InvalidValue, bench.Manager.Reconnect(handle, 0, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol));
            Assert.AreEqual(ScardError.ProtoMismatch, bench.Manager.Reconnect(handle, ScardConstants.ShareShared, 0, ScardConstants.LeaveCard, out protocol));
            Assert.AreEqual(ScardError.ProtoMismatch, bench.Manager.Reconnect(handle, ScardConstants.ShareShared, ScardConstants.ProtocolT0, ScardConstants.LeaveCard, out protocol), "T=1 is selected");
            Assert.AreEqual(ScardError.InvalidHandle, bench.Manager.Reconnect(0, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol));
        }

        [TestMethod]
        public void TheShareModeChangesOnlyWhereTheRulesAllow()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int first = Connected(bench, 0);
            int second;
            int protocol;

            Assert.AreEqual(ScardError.Success, bench.Manager.Reconnect(first, ScardConstants.ShareExclusive, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol));
            Assert.AreEqual(ScardError.SharingViolation, bench.Connect(0, ScardConstants.ShareShared, out second, out protocol));
            Assert.AreEqual(ScardError.Success, bench.Manager.Reconnect(first, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol));
            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareShared, out second, out protocol));

            Assert.AreEqual(ScardError.SharingViolation, bench.Manager.Reconnect(first, ScardConstants.ShareExclusive, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol));
            Assert.AreEqual(ScardError.SharingViolation, bench.Manager.Reconnect(first, ScardConstants.ShareDirect, 0, ScardConstants.LeaveCard, out protocol));
        }

        [TestMethod]
        public void AReconnectWithoutACardKeepsTheRemovedWarning()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int handle = Connected(bench, 0);
            int protocol;
            bench.Remove(0);

            Assert.AreEqual(ScardError.NoSmartcard, bench.Manager.Reconnect(handle, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol));
            Assert.AreEqual("SCARD_W_REMOVED_CARD", bench.SendResult(handle, ScardConstants.ProtocolT0, SharingTests.Echo));

            bench.Insert(0, CardProfile.DirectT0());
            Assert.AreEqual(ScardError.Success, bench.Manager.Reconnect(handle, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol));
            Assert.AreEqual(SharingTests.EchoAnswer, bench.Send(handle, protocol, SharingTests.Echo));
        }

        [TestMethod]
        public void AReconnectInsideATransactionKeepsIt()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int owner = Connected(bench, 0);
            int other = Connected(bench, 0);
            int protocol;
            bench.Manager.BeginTransaction(owner);

            Assert.AreEqual(ScardError.Success, bench.Manager.Reconnect(owner, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.ResetCard, out protocol));

            Assert.AreEqual(ScardError.ResetCard, bench.Manager.BeginTransaction(other, 0));
            bench.Manager.SharingWaitMillis = 0;
            Assert.AreEqual(ScardError.SharingViolation, bench.Manager.Reconnect(other, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol), "the owner still holds it");
            Assert.AreEqual(ScardError.Success, bench.Manager.EndTransaction(owner, ScardConstants.LeaveCard));
            Assert.AreEqual(ScardError.Success, bench.Manager.Reconnect(other, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol));
            Assert.AreEqual(ScardError.Success, bench.Manager.BeginTransaction(other, 0));
        }

        private static int Connected(ManagerBench bench, int slot)
        {
            int handle;
            int protocol;
            Assert.AreEqual(ScardError.Success, bench.Connect(slot, ScardConstants.ShareShared, out handle, out protocol));
            return handle;
        }
    }
}
