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
    public class SharingTests
    {
        /// <summary>ECHO (the simulator's test command 80 12): the data comes back, so every answer is checkable.</summary>
        public const string Echo = "80 12 00 00 03 0A 0B 0C 00";
        public const string EchoAnswer = "0A 0B 0C 90 00";

        [TestMethod]
        public void ExclusiveKeepsEveryoneOffItsReaderOnly()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            bench.Insert(1, CardProfile.FastT1());
            int exclusive;
            int other;
            int protocol;

            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareExclusive, out exclusive, out protocol));

            Assert.AreEqual(ScardError.SharingViolation, bench.Connect(0, ScardConstants.ShareShared, out other, out protocol));
            Assert.AreEqual(ScardError.SharingViolation, bench.Connect(0, ScardConstants.ShareDirect, out other, out protocol));
            Assert.AreEqual(EchoAnswer, bench.Send(exclusive, ScardConstants.ProtocolT0, Echo));
            Assert.AreEqual(ScardError.Success, bench.Connect(1, ScardConstants.ShareExclusive, out other, out protocol), "the other reader is free");
            Assert.AreEqual(EchoAnswer, bench.Send(other, ScardConstants.ProtocolT1, Echo));
        }

        [TestMethod]
        public void SharedHandlesUseTheCardTogether()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.FastT1());
            int first;
            int second;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out first, out protocol);

            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareShared, out second, out protocol));

            Assert.AreEqual(EchoAnswer, bench.Send(first, protocol, Echo));
            Assert.AreEqual(EchoAnswer, bench.Send(second, protocol, Echo));
        }

        [TestMethod]
        public void DirectNeedsNoCardAndIsPrivateToItsHandle()
        {
            ManagerBench bench = ManagerBench.Create();
            int direct;
            int other;
            int protocol;

            Assert.AreEqual(ScardError.Success, bench.Manager.Connect(bench.Context, bench.Reader1, ScardConstants.ShareDirect, 0, out direct, out protocol));
            Assert.AreEqual(ScardConstants.ProtocolUndefined, protocol);
            bench.Insert(1, CardProfile.DirectT0());

            Assert.AreEqual(ScardError.SharingViolation, bench.Connect(1, ScardConstants.ShareShared, out other, out protocol));
            Assert.AreEqual(ScardError.SharingViolation, bench.Manager.Connect(bench.Context, bench.Reader1, ScardConstants.ShareDirect, 0, out other, out protocol));
            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(direct, ScardConstants.LeaveCard));
            Assert.AreEqual(ScardError.Success, bench.Connect(1, ScardConstants.ShareShared, out other, out protocol));
        }

        [TestMethod]
        public void DirectNeedsTheReaderToItself()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int shared;
            int direct;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out shared, out protocol);

            Assert.AreEqual(ScardError.SharingViolation, bench.Manager.Connect(bench.Context, bench.Reader0, ScardConstants.ShareDirect, 0, out direct, out protocol));
            Assert.AreEqual(ScardError.Success, bench.Manager.Connect(bench.Context, bench.Reader1, ScardConstants.ShareDirect, 0, out direct, out protocol));
        }

        [TestMethod]
        public void ADirectHandleTransmitsOnlyOnceAProtocolIsSelected()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int direct;
            int protocol;
            bench.Manager.Connect(bench.Context, bench.Reader0, ScardConstants.ShareDirect, 0, out direct, out protocol);

            Assert.AreEqual(ScardConstants.ProtocolUndefined, protocol);
            Assert.AreEqual("SCARD_E_PROTO_MISMATCH", bench.SendResult(direct, ScardConstants.ProtocolT0, Echo));
        }

        [TestMethod]
        public void ARemovalWarnsEveryHandleUntilItReconnects()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int first;
            int second;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out first, out protocol);
            bench.Connect(0, ScardConstants.ShareShared, out second, out protocol);

            bench.Remove(0);
            bench.Insert(0, CardProfile.FastT1());

            Assert.AreEqual("SCARD_W_REMOVED_CARD", bench.SendResult(first, ScardConstants.ProtocolT0, Echo));
            Assert.AreEqual("SCARD_W_REMOVED_CARD", bench.SendResult(second, ScardConstants.ProtocolT0, Echo));
            Assert.AreEqual(ScardError.Success, bench.Manager.Reconnect(first, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol));
            Assert.AreEqual(ScardConstants.ProtocolT1, protocol);
            Assert.AreEqual(EchoAnswer, bench.Send(first, protocol, Echo));
            Assert.AreEqual("SCARD_W_REMOVED_CARD", bench.SendResult(second, protocol, Echo), "until it reconnects itself");
        }
    }
}
