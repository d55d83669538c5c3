using System;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// SCardTransmit with caller buffers allocates nothing in steady state, through the manager, the
    /// driver library, the protocol engines and the UART reader (.NET-only: it reads the GC's per-thread
    /// allocation counter).
    /// </summary>
    [TestClass]
    public sealed class ScardTransmitAllocationTests
    {
        private const int WarmUpExchanges = 10;
        private const int MeasuredExchanges = 100;

        [TestMethod]
        public void TransmitUnderT0AllocatesNothing()
        {
            Assert.AreEqual(0L, BytesAllocatedByTransmits(CardProfile.DirectT0()));
        }

        [TestMethod]
        public void TransmitUnderT1AllocatesNothing()
        {
            Assert.AreEqual(0L, BytesAllocatedByTransmits(CardProfile.FastT1()));
        }

        private static long BytesAllocatedByTransmits(CardProfile profile)
        {
            using (SimulatorBoard board = new SimulatorBoard(1))
            using (SCardManager manager = new SCardManager(board))
            {
                board.GetSlot(0).Insert(new SimulatedCard(profile));
                int context;
                manager.EstablishContext(ScardConstants.ScopeSystem, out context);
                int handle;
                int protocol;
                Assert.AreEqual(ScardError.Success, manager.Connect(context, manager.Readers.Get(0).Name, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol));
                byte[] command = Convert.FromHexString("8010001010");
                byte[] response = new byte[ScardConstants.MaxBufferSize];

                Exchange(manager, handle, protocol, command, response, WarmUpExchanges);
                long before = GC.GetAllocatedBytesForCurrentThread();
                Exchange(manager, handle, protocol, command, response, MeasuredExchanges);
                return GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        private static void Exchange(SCardManager manager, int handle, int protocol, byte[] command, byte[] response, int count)
        {
            for (int i = 0; i < count; i++)
            {
                int length;
                int result = manager.Transmit(handle, protocol, command, 0, command.Length, response, 0, response.Length, out length);
                if (result != ScardError.Success)
                {
                    Assert.Fail("exchange " + i + ": " + ScardError.GetName(result));
                }
            }
        }
    }
}
