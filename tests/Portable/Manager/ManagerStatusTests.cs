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
    public class ManagerStatusTests
    {
        private const int StateFlagsMask = 0xFFFF;

        [TestMethod]
        public void StatusGivesNameFlagsProtocolAndAtr()
        {
            ManagerBench bench = ManagerBench.Create();
            CardProfile profile = CardProfile.DualT0T1();
            bench.Insert(0, profile);
            int handle;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);
            string name;
            int state;
            byte[] atr = new byte[ScardConstants.MaxAtrSize];
            int atrLength;

            Assert.AreEqual(ScardError.Success, bench.Manager.Status(handle, out name, out state, out protocol, atr, out atrLength));

            Assert.AreEqual(bench.Reader0, name);
            Assert.AreEqual(ScardConstants.Present | ScardConstants.Powered | ScardConstants.Specific, state & StateFlagsMask);
            Assert.AreEqual(ScardConstants.ProtocolT1, protocol);
            TestSupport.AreEqualBytes(profile.BuildAtr(), atr, 0, atrLength);
        }

        [TestMethod]
        public void TheEventCounterCountsInsertionsAndRemovals()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int before = bench.Manager.Readers.Find(bench.Reader0).EventCounter;
            bench.Remove(0);
            bench.Insert(0, CardProfile.DirectT0());
            int handle;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);
            string name;
            int state;
            int atrLength;

            Assert.AreEqual(ScardError.Success, bench.Manager.Status(handle, out name, out state, out protocol, null, out atrLength));

            Assert.AreEqual(before + 2, state >> ScardConstants.EventCounterShift);
            Assert.IsTrue(atrLength > 0, "ATR length without a buffer");
        }

        [TestMethod]
        public void AShortAtrBufferIsInsufficientWithTheNeededLength()
        {
            ManagerBench bench = ManagerBench.Create();
            CardProfile profile = CardProfile.DirectT0();
            bench.Insert(0, profile);
            int handle;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);
            string name;
            int state;
            int atrLength;

            Assert.AreEqual(ScardError.InsufficientBuffer, bench.Manager.Status(handle, out name, out state, out protocol, new byte[2], out atrLength));
            Assert.AreEqual(profile.BuildAtr().Length, atrLength);
        }

        [TestMethod]
        public void ADirectHandleOnAnEmptyReaderSeesAbsent()
        {
            ManagerBench bench = ManagerBench.Create();
            int handle;
            int protocol;
            bench.Connect(1, ScardConstants.ShareDirect, out handle, out protocol);
            string name;
            int state;
            int atrLength;

            Assert.AreEqual(ScardError.Success, bench.Manager.Status(handle, out name, out state, out protocol, new byte[ScardConstants.MaxAtrSize], out atrLength));

            Assert.AreEqual(ScardConstants.Absent, state & StateFlagsMask);
            Assert.AreEqual(0, atrLength);
            Assert.AreEqual(ScardConstants.ProtocolUndefined, protocol);
        }
    }
}
