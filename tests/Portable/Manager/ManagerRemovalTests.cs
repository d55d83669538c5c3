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
    public class ManagerRemovalTests
    {
        [TestMethod]
        public void ARemovedCardIsRemovedForItsHandlesAndAbsentForNewConnects()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int handle;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);

            bench.Remove(0);

            Assert.AreEqual("SCARD_W_REMOVED_CARD", bench.SendResult(handle, protocol, ManagerBench.SelectMf));
            string name;
            int state;
            int atrLength;
            Assert.AreEqual(ScardError.RemovedCard, bench.Manager.Status(handle, out name, out state, out protocol, null, out atrLength));
            int other;
            Assert.AreEqual(ScardError.NoSmartcard, bench.Connect(0, ScardConstants.ShareShared, out other, out protocol));
        }

        [TestMethod]
        public void TheOldHandleStaysRemovedWhenANewCardArrives()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int old;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out old, out protocol);
            bench.Remove(0);

            bench.Insert(0, CardProfile.InverseT0());

            Assert.AreEqual("SCARD_W_REMOVED_CARD", bench.SendResult(old, protocol, ManagerBench.SelectMf));
            int fresh;
            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareShared, out fresh, out protocol));
            Assert.AreEqual("90 00", bench.Send(fresh, protocol, ManagerBench.SelectMf));
            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(old, ScardConstants.ResetCard));
            Assert.AreEqual("90 00", bench.Send(fresh, protocol, ManagerBench.SelectMf));
        }

        [TestMethod]
        public void ACardPulledMidApduIsRemoved()
        {
            ManagerBench bench = ManagerBench.Create();
            SimulatedCard card = bench.Insert(0, CardProfile.DirectT0());
            int handle;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);
            card.Faults.Arm(CardFaultScope.ReceivedCharacter, 3, CardFaultKind.Yank);

            Assert.AreEqual("SCARD_W_REMOVED_CARD", bench.SendResult(handle, protocol, ManagerBench.SelectMf));

            Assert.AreEqual("SCARD_W_REMOVED_CARD", bench.SendResult(handle, protocol, ManagerBench.SelectMf));
            int other;
            Assert.AreEqual(ScardError.NoSmartcard, bench.Connect(0, ScardConstants.ShareShared, out other, out protocol));
        }

        [TestMethod]
        public void ACardPulledMidBlockUnderT1IsRemoved()
        {
            ManagerBench bench = ManagerBench.Create();
            SimulatedCard card = bench.Insert(1, CardProfile.FastT1());
            int handle;
            int protocol;
            bench.Connect(1, ScardConstants.ShareShared, out handle, out protocol);
            card.Faults.Arm(CardFaultScope.SentCharacter, 2, CardFaultKind.Yank);

            Assert.AreEqual("SCARD_W_REMOVED_CARD", bench.SendResult(handle, protocol, ManagerBench.SelectMf));
            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(handle, ScardConstants.ResetCard));
        }

        [TestMethod]
        public void ACardThatFallsSilentMidApduIsNotTransacted()
        {
            Assert.AreEqual("SCARD_E_NOT_TRANSACTED", SendToAMuteCard(CardProfile.FastT1()));
            Assert.AreEqual("SCARD_E_NOT_TRANSACTED", SendToAMuteCard(CardProfile.DirectT0()));
        }

        private static string SendToAMuteCard(CardProfile profile)
        {
            ManagerBench bench = ManagerBench.Create();
            SimulatedCard card = bench.Insert(0, profile);
            int handle;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);
            card.Faults.Arm(CardFaultScope.SentCharacter, 0, CardFaultKind.Mute);
            return bench.SendResult(handle, protocol, ManagerBench.SelectMf);
        }
    }
}
