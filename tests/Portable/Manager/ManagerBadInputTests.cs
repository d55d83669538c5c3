#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Manager
{
    /// <summary>The acceptance list: bad input gets its PC/SC code, nothing throws, nothing hangs.</summary>
    [TestClass]
    public class ManagerBadInputTests
    {
        [TestMethod]
        public void CommandLengthsOutsideAnApduAreRejected()
        {
            ManagerBench bench = ManagerBench.Create();
            int handle = bench.ConnectedT0Handle();
            byte[] response = new byte[ScardConstants.MaxBufferSize];
            int length;

            Assert.AreEqual(ScardError.InvalidParameter, Transmit(bench, handle, new byte[3], 3, response));
            Assert.AreEqual(ScardError.InvalidParameter, Transmit(bench, handle, new byte[4], 0, response));
            Assert.AreEqual(ScardError.InvalidParameter, Transmit(bench, handle, new byte[ScardConstants.MaxCommandLength + 1], ScardConstants.MaxCommandLength + 1, response));
            Assert.AreEqual(ScardError.InsufficientBuffer, Transmit(bench, handle, new byte[ScardConstants.MaxBufferSizeExtended + 1], ScardConstants.MaxBufferSizeExtended + 1, response));
            Assert.AreEqual(ScardError.InvalidParameter, bench.Manager.Transmit(handle, ScardConstants.ProtocolT0, new byte[4], 0, -1, response, 0, response.Length, out length));
            Assert.AreEqual("90 00", bench.Send(handle, ScardConstants.ProtocolT0, ManagerBench.SelectMf));
        }

        [TestMethod]
        public void ApdusWhoseLcDisagreesWithTheirLengthAreInvalidParameters()
        {
            ManagerBench bench = ManagerBench.Create();
            int handle = bench.ConnectedT0Handle();
            byte[] response = new byte[ScardConstants.MaxBufferSize];

            // Lc says 5 data bytes and 2 follow; Lc says 2 and 1 follows (ISO/IEC 7816-4 §5.1 cases).
            Assert.AreEqual(ScardError.InvalidParameter, Transmit(bench, handle, TestSupport.Hex("00 A4 00 0C 05 3F 00"), 7, response));
            Assert.AreEqual(ScardError.InvalidParameter, Transmit(bench, handle, TestSupport.Hex("00 A4 00 0C 02 3F"), 6, response));
            Assert.AreEqual("90 00", bench.Send(handle, ScardConstants.ProtocolT0, ManagerBench.SelectMf));
        }

        [TestMethod]
        public void NullAndOutOfRangeBuffersAreInvalidParameters()
        {
            ManagerBench bench = ManagerBench.Create();
            int handle = bench.ConnectedT0Handle();
            byte[] command = TestSupport.Hex(ManagerBench.SelectMf);
            byte[] response = new byte[ScardConstants.MaxBufferSize];
            SCardManager manager = bench.Manager;
            int length;

            Assert.AreEqual(ScardError.InvalidParameter, manager.Transmit(handle, ScardConstants.ProtocolT0, null, 0, 7, response, 0, response.Length, out length));
            Assert.AreEqual(ScardError.InvalidParameter, manager.Transmit(handle, ScardConstants.ProtocolT0, command, 0, command.Length, null, 0, 10, out length));
            Assert.AreEqual(ScardError.InvalidParameter, manager.Transmit(handle, ScardConstants.ProtocolT0, command, 1, command.Length, response, 0, response.Length, out length));
            Assert.AreEqual(ScardError.InvalidParameter, manager.Transmit(handle, ScardConstants.ProtocolT0, command, -1, 4, response, 0, response.Length, out length));
            Assert.AreEqual(ScardError.InvalidParameter, manager.Transmit(handle, ScardConstants.ProtocolT0, command, 0, command.Length, response, 10, response.Length, out length));
            Assert.AreEqual(ScardError.InvalidParameter, manager.Transmit(handle, ScardConstants.ProtocolT0, command, 0, command.Length, response, 0, -2, out length));
            Assert.AreEqual(0, length);
        }

        [TestMethod]
        public void ReceiveBuffersTooSmallOrVeryLarge()
        {
            ManagerBench bench = ManagerBench.Create();
            int handle = bench.ConnectedT0Handle();
            byte[] command = TestSupport.Hex(ManagerBench.SelectMf);
            int length;

            Assert.AreEqual(ScardError.InsufficientBuffer, bench.Manager.Transmit(handle, ScardConstants.ProtocolT0, command, 0, command.Length, new byte[1], 0, 1, out length));
            byte[] huge = new byte[ScardConstants.MaxBufferSizeExtended * 2];
            Assert.AreEqual(ScardError.Success, bench.Manager.Transmit(handle, ScardConstants.ProtocolT0, command, 0, command.Length, huge, 0, huge.Length, out length));
            Assert.AreEqual(2, length);
        }

        [TestMethod]
        public void InvalidHandlesAreRefusedEverywhere()
        {
            ManagerBench bench = ManagerBench.Create();
            int handle = bench.ConnectedT0Handle();
            SCardManager manager = bench.Manager;
            string name;
            int state;
            int protocol;
            int atrLength;

            Assert.AreEqual(ScardError.InvalidHandle, manager.Status(0, out name, out state, out protocol, null, out atrLength));
            Assert.AreEqual(ScardError.InvalidHandle, manager.Status(bench.Context, out name, out state, out protocol, null, out atrLength));
            Assert.AreEqual("SCARD_E_INVALID_HANDLE", bench.SendResult(handle ^ 0x5A5A, ScardConstants.ProtocolT0, ManagerBench.SelectMf));
            Assert.AreEqual("SCARD_E_INVALID_HANDLE", bench.SendResult(bench.Context, ScardConstants.ProtocolT0, ManagerBench.SelectMf));
            Assert.IsNull(name);
        }

        [TestMethod]
        public void HandlesDieWithTheirContext()
        {
            ManagerBench bench = ManagerBench.Create();
            int handle = bench.ConnectedT0Handle();
            string name;
            int state;
            int protocol;
            int atrLength;

            Assert.AreEqual(ScardError.Success, bench.Manager.ReleaseContext(bench.Context));

            Assert.AreEqual("SCARD_E_INVALID_HANDLE", bench.SendResult(handle, ScardConstants.ProtocolT0, ManagerBench.SelectMf));
            Assert.AreEqual(ScardError.InvalidHandle, bench.Manager.Status(handle, out name, out state, out protocol, null, out atrLength));
            Assert.AreEqual(ScardError.InvalidHandle, bench.Manager.Disconnect(handle, ScardConstants.LeaveCard));
            int context;
            bench.Manager.EstablishContext(ScardConstants.ScopeSystem, out context);
            int exclusive;
            Assert.AreEqual(ScardError.Success, bench.Manager.Connect(context, bench.Reader0, ScardConstants.ShareExclusive, ScardConstants.ProtocolAny, out exclusive, out protocol));
        }

        [TestMethod]
        public void AReaderTakenAwayIsUnavailableToItsHandles()
        {
            ManagerBench bench = ManagerBench.Create();
            int handle = bench.ConnectedT0Handle();

            Assert.IsTrue(bench.Manager.Readers.Remove(bench.Reader0), "removed");

            Assert.AreEqual("SCARD_E_READER_UNAVAILABLE", bench.SendResult(handle, ScardConstants.ProtocolT0, ManagerBench.SelectMf));
            Assert.AreEqual(ScardError.Success, bench.Manager.Disconnect(handle, ScardConstants.ResetCard));
            int other;
            int protocol;
            Assert.AreEqual(ScardError.UnknownReader, bench.Connect(0, ScardConstants.ShareShared, out other, out protocol));
        }

        [TestMethod]
        public void ADriverThatThrowsMakesItsReaderUnavailableAndFreesIt()
        {
            SCardManager manager = new SCardManager();
            ManagedReader reader = manager.Readers.Add(new ThrowingDriver(), "Broken Reader");
            int context;
            manager.EstablishContext(ScardConstants.ScopeSystem, out context);
            int handle;
            int protocol;

            // The supervisor turns the exception into a device error (see SupervisionTests).
            Assert.AreEqual(ScardError.ReaderUnavailable, manager.Connect(context, reader.Name, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol));
            Assert.AreEqual(0, handle);

            // The failed Connect left no reservation behind: EXCLUSIVE is not a sharing violation.
            Assert.AreEqual(ScardError.ReaderUnavailable, manager.Connect(context, reader.Name, ScardConstants.ShareExclusive, ScardConstants.ProtocolAny, out handle, out protocol));
            Assert.AreEqual(ScardError.Success, manager.IsValidContext(context));
            manager.Dispose();
        }

        private static int Transmit(ManagerBench bench, int handle, byte[] command, int length, byte[] response)
        {
            int received;
            return bench.Manager.Transmit(handle, ScardConstants.ProtocolT0, command, 0, length, response, 0, response.Length, out received);
        }
    }
}
