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
    public class ManagerConnectTests
    {
        [TestMethod]
        public void ReadersGetUniqueStableNamesWithTheSlotSuffix()
        {
            ManagerBench bench = ManagerBench.Create();
            string[] readers;

            Assert.AreEqual(ScardError.Success, bench.Manager.ListReaders(bench.Context, out readers));

            Assert.AreEqual(2, readers.Length);
            Assert.IsTrue(readers[0] != readers[1], readers[0]);
            Assert.IsTrue(readers[0].EndsWith(" 00"), readers[0]);
            Assert.AreEqual(bench.Reader0, readers[0]);
            Assert.AreEqual(bench.Reader1, readers[1]);
        }

        [TestMethod]
        public void TheMultiStringListTellsItsSizeThenFills()
        {
            ManagerBench bench = ManagerBench.Create();
            int length;

            Assert.AreEqual(ScardError.Success, bench.Manager.ListReaders(bench.Context, (char[])null, out length));
            Assert.AreEqual(bench.Reader0.Length + bench.Reader1.Length + 3, length);
            int needed;
            Assert.AreEqual(ScardError.InsufficientBuffer, bench.Manager.ListReaders(bench.Context, new char[length - 1], out needed));
            Assert.AreEqual(length, needed);

            char[] buffer = new char[length];
            Assert.AreEqual(ScardError.Success, bench.Manager.ListReaders(bench.Context, buffer, out length));
            Assert.AreEqual(bench.Reader0 + "\0" + bench.Reader1 + "\0\0", new string(buffer));
        }

        [TestMethod]
        public void SharedConnectPowersTheCardAndPrefersT1()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DualT0T1());
            int handle;
            int protocol;

            int result = bench.Manager.Connect(bench.Context, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol);

            Assert.AreEqual(ScardError.Success, result);
            Assert.IsTrue(handle != 0, "handle");
            Assert.AreEqual(ScardConstants.ProtocolT1, protocol);
        }

        [TestMethod]
        public void AT0RequestOnADualCardSelectsT0()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DualT0T1());
            int handle;
            int protocol;

            Assert.AreEqual(ScardError.Success, bench.Manager.Connect(bench.Context, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolT0, out handle, out protocol));
            Assert.AreEqual(ScardConstants.ProtocolT0, protocol);
        }

        [TestMethod]
        public void ASelectedProtocolMustBeInTheNextRequest()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DualT0T1());
            int first;
            int second;
            int protocol;
            bench.Manager.Connect(bench.Context, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolT1, out first, out protocol);

            Assert.AreEqual(ScardError.ProtoMismatch, bench.Manager.Connect(bench.Context, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolT0, out second, out protocol));
            Assert.AreEqual(0, second);
            Assert.AreEqual(ScardError.Success, bench.Manager.Connect(bench.Context, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out second, out protocol));
            Assert.AreEqual(ScardConstants.ProtocolT1, protocol);
        }

        [TestMethod]
        public void AProtocolTheCardLacksIsProtoMismatch()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.FastT1());
            int handle;
            int protocol;

            Assert.AreEqual(ScardError.ProtoMismatch, bench.Manager.Connect(bench.Context, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolT0, out handle, out protocol));
            Assert.AreEqual(ScardError.Success, bench.Manager.Connect(bench.Context, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol));
            Assert.AreEqual(ScardConstants.ProtocolT1, protocol);
        }

        [TestMethod]
        public void ExclusiveKeepsOthersOutAndNeedsAFreeReader()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int exclusive;
            int other;
            int protocol;

            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareExclusive, out exclusive, out protocol));
            Assert.AreEqual(ScardError.SharingViolation, bench.Connect(0, ScardConstants.ShareShared, out other, out protocol));
            Assert.AreEqual(ScardError.SharingViolation, bench.Connect(0, ScardConstants.ShareDirect, out other, out protocol));
            Assert.AreEqual(ScardError.SharingViolation, bench.Connect(0, ScardConstants.ShareExclusive, out other, out protocol));

            bench.Manager.Disconnect(exclusive, ScardConstants.LeaveCard);
            int shared;
            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareShared, out shared, out protocol));
            Assert.AreEqual(ScardError.SharingViolation, bench.Connect(0, ScardConstants.ShareExclusive, out other, out protocol));
            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareShared, out other, out protocol));
        }

        [TestMethod]
        public void DirectWorksWithoutACardAndReportsTheCurrentProtocol()
        {
            ManagerBench bench = ManagerBench.Create();
            int direct;
            int protocol;

            Assert.AreEqual(ScardError.Success, bench.Connect(1, ScardConstants.ShareDirect, out direct, out protocol));
            Assert.AreEqual(ScardConstants.ProtocolUndefined, protocol);

            bench.Insert(0, CardProfile.DirectT0());
            int shared;
            bench.Connect(0, ScardConstants.ShareShared, out shared, out protocol);
            bench.Manager.Disconnect(shared, ScardConstants.LeaveCard);
            Assert.AreEqual(ScardError.Success, bench.Manager.Connect(bench.Context, bench.Reader0, ScardConstants.ShareDirect, 0, out direct, out protocol));
            Assert.AreEqual(ScardConstants.ProtocolT0, protocol);
        }

        [TestMethod]
        public void AnEmptyReaderIsNoSmartcard()
        {
            ManagerBench bench = ManagerBench.Create();
            int handle;
            int protocol;

            Assert.AreEqual(ScardError.NoSmartcard, bench.Connect(1, ScardConstants.ShareShared, out handle, out protocol));
            Assert.AreEqual(0, handle);
        }

        [TestMethod]
        public void ACardThatNeverAnswersIsUnresponsive()
        {
            // An empty answer to reset: the card stays silent after every reset, the one the manager makes
            // as the card arrives and the one Connect makes again.
            ManagerBench bench = ManagerBench.Create();
            CardProfile silent = CardProfile.DirectT0();
            silent.CustomAtr = new byte[0];
            bench.Insert(0, silent);
            int handle;
            int protocol;

            Assert.AreEqual(ScardError.UnresponsiveCard, bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol));
            Assert.AreEqual(0, handle);
        }

        [TestMethod]
        public void GarbageAtrsGetACardCodeAndLeaveTheReaderUsable()
        {
            // An impossible TS: the card cannot be configured. A TS that promises more bytes than follow:
            // the ATR never completes, the card is mute.
            Assert.AreEqual("SCARD_W_UNSUPPORTED_CARD", ConnectWithAtr("55 12 34"));
            Assert.AreEqual("SCARD_W_UNSUPPORTED_CARD", ConnectWithAtr("3F FF"));
            Assert.AreEqual("SCARD_W_UNRESPONSIVE_CARD", ConnectWithAtr("3B FF FF FF FF FF FF FF FF"));
            Assert.AreEqual("SCARD_W_UNRESPONSIVE_CARD", ConnectWithAtr("3B 95 13 80 31"));
        }

        private static string ConnectWithAtr(string atr)
        {
            ManagerBench bench = ManagerBench.Create();
            CardProfile garbage = CardProfile.DirectT0();
            garbage.CustomAtr = TestSupport.Hex(atr);
            bench.Insert(0, garbage);
            int handle;
            int protocol;
            int result = bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);
            Assert.AreEqual(0, handle);

            bench.Remove(0);
            bench.Insert(0, CardProfile.DirectT0());
            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol));
            return ScardError.GetName(result);
        }

        [TestMethod]
        public void ConnectRejectsBadArguments()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            SCardManager manager = bench.Manager;
            int handle;
            int protocol;

            Assert.AreEqual(ScardError.UnknownReader, manager.Connect(bench.Context, null, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol));
            Assert.AreEqual(ScardError.UnknownReader, manager.Connect(bench.Context, "No Such Reader 00 00", ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol));
            Assert.AreEqual(ScardError.InvalidValue, manager.Connect(bench.Context, new string('R', 129), ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol));
            Assert.AreEqual(ScardError.InvalidValue, manager.Connect(bench.Context, bench.Reader0, 0, ScardConstants.ProtocolAny, out handle, out protocol));
            Assert.AreEqual(ScardError.InvalidValue, manager.Connect(bench.Context, bench.Reader0, 4, ScardConstants.ProtocolAny, out handle, out protocol));
            Assert.AreEqual(ScardError.ProtoMismatch, manager.Connect(bench.Context, bench.Reader0, ScardConstants.ShareShared, 0, out handle, out protocol));
            Assert.AreEqual(ScardError.ProtoMismatch, manager.Connect(bench.Context, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolT15, out handle, out protocol));
            Assert.AreEqual(ScardError.InvalidHandle, manager.Connect(0, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol));
            Assert.AreEqual(0, handle);
            Assert.AreEqual(ScardError.Success, manager.Connect(bench.Context, bench.Reader0, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol));
        }

        [TestMethod]
        public void TheHandleCapIsNoMemory()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            bench.Manager.MaxHandlesPerContext = 1;
            int handle;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);

            Assert.AreEqual(ScardError.NoMemory, bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol));
        }
    }
}
