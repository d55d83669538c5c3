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
    /// <summary>
    /// SCardManager.WindowsValues: Windows' SCARD_PROTOCOL_RAW (0x00010000) and SCARD_E_UNSUPPORTED_FEATURE
    /// (0x80100022) instead of pcsc-lite's 4 and 0x8010001F; pcsc-lite's values by default.
    /// </summary>
    [TestClass]
    public class WindowsValuesTests
    {
        private const int RawWindows = ScardConstants.ProtocolRawWindows;

        [TestMethod]
        public void TheProtocolMapOnlyMovesRaw()
        {
            Assert.AreEqual(0x00010000, RawWindows);
            Assert.AreEqual(ScardConstants.ProtocolRaw | ScardConstants.ProtocolT0, ScardConstants.ProtocolsFromWindows(RawWindows | ScardConstants.ProtocolT0));
            Assert.AreEqual(ScardConstants.ProtocolT1, ScardConstants.ProtocolsFromWindows(ScardConstants.ProtocolT1));
            Assert.AreEqual(RawWindows, ScardConstants.ProtocolToWindows(ScardConstants.ProtocolRaw));
            Assert.AreEqual(ScardConstants.ProtocolT0, ScardConstants.ProtocolToWindows(ScardConstants.ProtocolT0));
            Assert.AreEqual(ScardConstants.ProtocolUndefined, ScardConstants.ProtocolToWindows(ScardConstants.ProtocolUndefined));
        }

        [TestMethod]
        public void PcscLiteValuesAreTheDefault()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int handle;
            int protocol;

            Assert.IsFalse(bench.Manager.WindowsValues, "off by default");
            Assert.AreEqual(ScardError.ProtoMismatch, Connect(bench, RawWindows, out handle, out protocol), "0x00010000 means nothing to pcsc-lite");
            Assert.AreEqual(ScardError.Success, Connect(bench, ScardConstants.ProtocolT0, out handle, out protocol));
            Assert.AreEqual(ScardError.UnsupportedFeature, PowerThroughControl(bench, handle));
        }

        [TestMethod]
        public void WindowsRawIsAcceptedWhereverProtocolsAreGiven()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Manager.WindowsValues = true;
            bench.Insert(0, CardProfile.DirectT0());
            int handle;
            int protocol;

            // RAW reaches the driver library, which selects only T=0 or T=1: the card's T=0 is chosen as in pcsc-lite mode with 4.
            Assert.AreEqual(ScardError.Success, Connect(bench, RawWindows | ScardConstants.ProtocolT0, out handle, out protocol));
            Assert.AreEqual(ScardConstants.ProtocolT0, protocol);
            Assert.AreEqual("90 00", bench.Send(handle, ScardConstants.ProtocolT0, ManagerBench.SelectMf));
            Assert.AreEqual("SCARD_E_PROTO_MISMATCH", bench.SendResult(handle, RawWindows, ManagerBench.SelectMf), "RAW is not the active protocol");

            int active;
            Assert.AreEqual(ScardError.Success, bench.Manager.Reconnect(handle, ScardConstants.ShareShared, RawWindows | ScardConstants.ProtocolT0, ScardConstants.LeaveCard, out active));
            Assert.AreEqual(ScardConstants.ProtocolT0, active);

            string name;
            int state;
            int atrLength;
            Assert.AreEqual(ScardError.Success, bench.Manager.Status(handle, out name, out state, out protocol, null, out atrLength));
            Assert.AreEqual(ScardConstants.ProtocolT0, protocol);
        }

        [TestMethod]
        public void RawAloneGoesToTheLibraryInWindowsModeAndComesBackAsTheSameAnswerAsPcscLitesRaw()
        {
            ManagerBench windows = ManagerBench.Create();
            windows.Manager.WindowsValues = true;
            windows.Insert(0, CardProfile.DirectT0());
            ManagerBench lite = ManagerBench.Create();
            lite.Insert(0, CardProfile.DirectT0());
            int handle;
            int protocol;

            int liteResult = Connect(lite, ScardConstants.ProtocolRaw, out handle, out protocol);
            Assert.AreEqual(ScardError.GetName(liteResult), ScardError.GetName(Connect(windows, RawWindows, out handle, out protocol)));
        }

        [TestMethod]
        public void UnsupportedFeatureHasItsWindowsValue()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Manager.WindowsValues = true;
            bench.Insert(0, CardProfile.DirectT0());
            int handle;
            int protocol;

            Assert.AreEqual(ScardError.Success, Connect(bench, ScardConstants.ProtocolT0, out handle, out protocol));
            Assert.AreEqual(ScardError.UnsupportedFeatureWindows, PowerThroughControl(bench, handle));
        }

        private static int Connect(ManagerBench bench, int protocols, out int handle, out int protocol)
        {
            return bench.Manager.Connect(bench.Context, bench.Reader0, ScardConstants.ShareShared, protocols, out handle, out protocol);
        }

        private static int PowerThroughControl(ManagerBench bench, int handle)
        {
            byte[] receive = new byte[8];
            int returned;
            return bench.Manager.Control(handle, Ioctl.Power, null, 0, 0, receive, 0, receive.Length, out returned);
        }
    }
}
