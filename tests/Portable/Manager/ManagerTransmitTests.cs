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
    public class ManagerTransmitTests
    {
        [TestMethod]
        public void TransmitUnderT0()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int handle;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);
            Assert.AreEqual(ScardConstants.ProtocolT0, protocol);

            Assert.AreEqual("90 00", bench.Send(handle, protocol, ManagerBench.SelectMf));
            Assert.AreEqual("00 01 02 03 90 00", bench.Send(handle, protocol, "80 10 00 04 04"));
        }

        [TestMethod]
        public void TransmitUnderT1()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(1, CardProfile.FastT1());
            int handle;
            int protocol;
            bench.Connect(1, ScardConstants.ShareShared, out handle, out protocol);
            Assert.AreEqual(ScardConstants.ProtocolT1, protocol);

            Assert.AreEqual("90 00", bench.Send(handle, protocol, ManagerBench.SelectMf));
            Assert.AreEqual("01 02 03 90 00", bench.Send(handle, protocol, "80 12 00 00 03 01 02 03 00"));
        }

        [TestMethod]
        public void ALargeResponseUnderT1()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.FastT1());
            int handle;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);
            byte[] command = TestSupport.Hex("80 10 01 00 00");
            byte[] response = new byte[ScardConstants.MaxBufferSize];
            int length;

            Assert.AreEqual(ScardError.Success, bench.Manager.Transmit(handle, protocol, command, 0, command.Length, response, 0, response.Length, out length));

            Assert.AreEqual(258, length);
            Assert.AreEqual(0x90, (int)response[256]);
        }

        [TestMethod]
        public void AResponseThatDoesNotFitIsInsufficientBuffer()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.FastT1());
            int handle;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);
            byte[] command = TestSupport.Hex("80 10 00 10 10");
            byte[] response = new byte[10];
            int length;

            Assert.AreEqual(ScardError.InsufficientBuffer, bench.Manager.Transmit(handle, protocol, command, 0, command.Length, response, 0, response.Length, out length));
            Assert.AreEqual("90 00", bench.Send(handle, protocol, ManagerBench.SelectMf));
        }

        [TestMethod]
        public void TheSendProtocolMustBeTheActiveOne()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int handle;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);
            byte[] command = TestSupport.Hex(ManagerBench.SelectMf);
            byte[] response = new byte[ScardConstants.MaxBufferSize];
            int length;

            Assert.AreEqual(ScardError.ProtoMismatch, bench.Manager.Transmit(handle, ScardConstants.ProtocolT1, command, 0, command.Length, response, 0, response.Length, out length));
            Assert.AreEqual(ScardError.Success, bench.Manager.Transmit(handle, ScardConstants.ProtocolAnyOld, command, 0, command.Length, response, 0, response.Length, out length));
        }

        [TestMethod]
        public void ADirectHandleOnAnEmptyReaderIsNoSmartcard()
        {
            ManagerBench bench = ManagerBench.Create();
            int handle;
            int protocol;
            bench.Connect(1, ScardConstants.ShareDirect, out handle, out protocol);
            byte[] command = TestSupport.Hex(ManagerBench.SelectMf);
            byte[] response = new byte[ScardConstants.MaxBufferSize];
            int length;

            Assert.AreEqual(ScardError.NoSmartcard, bench.Manager.Transmit(handle, ScardConstants.ProtocolT0, command, 0, command.Length, response, 0, response.Length, out length));
        }

        [TestMethod]
        public void SCardFacadeServesTheConfiguredBoard()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            SCard.Configure(bench.Manager);
            int context;
            int handle;
            int protocol;
            string[] readers;
            byte[] command = TestSupport.Hex(ManagerBench.SelectMf);
            byte[] response = new byte[ScardConstants.MaxBufferSize];
            int length;

            Assert.AreEqual(ScardError.Success, SCard.EstablishContext(ScardConstants.ScopeSystem, out context));
            Assert.AreEqual(ScardError.Success, SCard.ListReaders(context, out readers));
            Assert.AreEqual(ScardError.Success, SCard.Connect(context, readers[0], ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol));
            Assert.AreEqual(ScardError.Success, SCard.Transmit(handle, protocol, command, 0, command.Length, response, 0, response.Length, out length));
            Assert.AreEqual(ScardError.Success, SCard.Disconnect(handle, ScardConstants.LeaveCard));
            Assert.AreEqual(ScardError.Success, SCard.ReleaseContext(context));
            SCard.Configure((SCardManager)null);
        }
    }
}
