#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Objects;

namespace EmbeddedSmartCard.Tests.Objects
{
    /// <summary>The disposable transaction and Reconnect of the object API.</summary>
    [TestClass]
    public class CardTransactionTests
    {
        [TestMethod]
        public void AUsingBlockHoldsTheCardAndReleasesItAtItsEnd()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.DirectT0());
            CardConnection owner = bench.Connect(0, ScardConstants.ShareShared);
            CardConnection other = bench.Connect(0, ScardConstants.ShareShared);

            using (CardTransaction transaction = owner.BeginTransaction())
            {
                Assert.AreEqual("90 00", ObjectsBench.Send(owner, ObjectsBench.SelectMf));
                Assert.AreEqual("SCARD_E_TIMEOUT", ObjectsBench.CodeOf(delegate { other.BeginTransaction(0); }));
                Assert.IsFalse(transaction.IsEnded, "open");
            }

            CardTransaction second = other.BeginTransaction(0);
            Assert.AreEqual("90 00", ObjectsBench.Send(other, ObjectsBench.SelectMf));
            second.End(ScardConstants.LeaveCard);
            Assert.IsTrue(second.IsEnded, "ended");
        }

        [TestMethod]
        public void TransactionsNestPerConnection()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.DirectT0());
            CardConnection owner = bench.Connect(0, ScardConstants.ShareShared);
            CardConnection other = bench.Connect(0, ScardConstants.ShareShared);

            CardTransaction outer = owner.BeginTransaction();
            CardTransaction inner = owner.BeginTransaction(0);
            inner.Dispose();
            Assert.AreEqual("SCARD_E_TIMEOUT", ObjectsBench.CodeOf(delegate { other.BeginTransaction(0); }));
            outer.Dispose();
            other.BeginTransaction(0).Dispose();
        }

        [TestMethod]
        public void ADispositionOnDisposeResetsTheCardForTheOtherConnection()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.DirectT0());
            CardConnection owner = bench.Connect(0, ScardConstants.ShareShared);
            CardConnection other = bench.Connect(0, ScardConstants.ShareShared);

            using (owner.Transaction(ScardConstants.ResetCard))
            {
                Assert.AreEqual("90 00", ObjectsBench.Send(owner, ObjectsBench.SelectMf));
            }

            PcscException thrown = ObjectsBench.Catch(delegate { ObjectsBench.Send(other, ObjectsBench.SelectMf); });
            Assert.IsTrue(thrown is ResetCardException, "other handle sees the reset");

            other.Reconnect(ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.LeaveCard);
            Assert.AreEqual("90 00", ObjectsBench.Send(other, ObjectsBench.SelectMf));
        }

        [TestMethod]
        public void EndingTwiceOrDisposingAfterEndIsHarmless()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.DirectT0());
            CardConnection owner = bench.Connect(0, ScardConstants.ShareShared);

            CardTransaction transaction = owner.BeginTransaction();
            Assert.AreEqual("SCARD_E_INVALID_VALUE", ObjectsBench.CodeOf(delegate { transaction.End(9); }));
            Assert.IsFalse(transaction.IsEnded, "a refused End leaves it open");
            transaction.End(ScardConstants.LeaveCard);
            Assert.AreEqual("none", ObjectsBench.CodeOf(delegate { transaction.End(ScardConstants.LeaveCard); }));
            transaction.Dispose();
        }

        [TestMethod]
        public void ReconnectChangesShareModeAndProtocol()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(1, CardProfile.DualT0T1());
            CardConnection connection = bench.Context.Connect(bench.ReaderName(1), ScardConstants.ShareShared, ScardConstants.ProtocolT1);
            Assert.AreEqual(ScardConstants.ProtocolT1, connection.Protocol);

            connection.Reconnect(ScardConstants.ShareExclusive, ScardConstants.ProtocolT0, ScardConstants.UnpowerCard);
            Assert.AreEqual(ScardConstants.ShareExclusive, connection.ShareMode);
            Assert.AreEqual(ScardConstants.ProtocolT0, connection.Protocol);
            Assert.AreEqual("90 00", ObjectsBench.Send(connection, ObjectsBench.SelectMf));
            Assert.AreEqual("SCARD_E_SHARING_VIOLATION", ObjectsBench.CodeOf(delegate { bench.Connect(1, ScardConstants.ShareShared); }));
        }
    }
}
