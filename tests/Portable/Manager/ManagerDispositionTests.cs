#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Manager
{
    [TestClass]
    public class ManagerDispositionTests
    {
        [TestMethod]
        public void LeaveKeepsTheCardAndItsSession()
        {
            ManagerBench bench = ManagerBench.Create();
            SimulatedCard card = bench.Insert(0, CardProfile.DirectT0());
            int first;
            int second;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out first, out protocol);
            bench.Connect(0, ScardConstants.ShareShared, out second, out protocol);
            int resets = card.ResetCount;

            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(first, ScardConstants.LeaveCard));

            Assert.AreEqual(resets, card.ResetCount);
            Assert.AreEqual("90 00", bench.Send(second, protocol, ManagerBench.SelectMf));
        }

        [TestMethod]
        public void AResetIsSeenByTheOtherHandlesAsResetCard()
        {
            ManagerBench bench = ManagerBench.Create();
            SimulatedCard card = bench.Insert(0, CardProfile.DirectT0());
            int resetter;
            int other;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out resetter, out protocol);
            bench.Connect(0, ScardConstants.ShareShared, out other, out protocol);
            int resets = card.ResetCount;

            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(resetter, ScardConstants.ResetCard));

            Assert.AreEqual(resets + 1, card.ResetCount);
            Assert.AreEqual("SCARD_W_RESET_CARD", bench.SendResult(other, protocol, ManagerBench.SelectMf));
            string name;
            int state;
            int atrLength;
            Assert.AreEqual(ScardError.ResetCard, bench.Manager.Status(other, out name, out state, out protocol, null, out atrLength));
            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(other, ScardConstants.LeaveCard));

            int fresh;
            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareShared, out fresh, out protocol));
            Assert.AreEqual("90 00", bench.Send(fresh, protocol, ManagerBench.SelectMf));
        }

        [TestMethod]
        public void UnpowerLeavesTheCardUnpoweredUntilTheNextConnect()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int handle;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);

            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(handle, ScardConstants.UnpowerCard));

            Assert.AreEqual(ReaderState.Present, bench.Manager.Readers.Find(bench.Reader0).Device.State);
            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol));
            Assert.AreEqual("90 00", bench.Send(handle, protocol, ManagerBench.SelectMf));
        }

        [TestMethod]
        public void EjectWithoutMechanicsLeavesTheCardLikePcscLite()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int ejecter;
            int other;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out ejecter, out protocol);
            bench.Connect(0, ScardConstants.ShareShared, out other, out protocol);

            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(ejecter, ScardConstants.EjectCard));

            Assert.AreEqual("90 00", bench.Send(other, protocol, ManagerBench.SelectMf));
        }

        [TestMethod]
        public void DisconnectChecksItsArguments()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int handle;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);

            Assert.AreEqual(ScardError.InvalidValue, bench.Manager.Disconnect(handle, 4));
            Assert.AreEqual(ScardError.InvalidValue, bench.Manager.Disconnect(handle, -1));
            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(handle, ScardConstants.LeaveCard));
            Assert.AreEqual(ScardError.InvalidHandle, bench.Manager.Disconnect(handle, ScardConstants.LeaveCard));
            Assert.AreEqual(ScardError.InvalidHandle, bench.Manager.Disconnect(0, ScardConstants.LeaveCard));
        }
    }
}
