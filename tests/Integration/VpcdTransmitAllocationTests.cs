using System;
using EmbeddedSmartCard.Manager;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// SCardTransmit to vicc through the vpcd reader allocates nothing in steady state: the manager, the driver
    /// library, the reader's preallocated frame buffer and the TCP connection (.NET-only: it reads the GC's
    /// per-thread allocation counter).
    /// </summary>
    [TestClass]
    public sealed class VpcdTransmitAllocationTests
    {
        private const int WarmUpExchanges = 10;
        private const int MeasuredExchanges = 100;

        [TestMethod]
        public void TransmitToViccAllocatesNothing()
        {
            VpcdVicc.RequireInstalled();

            using (VpcdRig rig = new VpcdRig())
            using (VpcdVicc.Start(rig.Port(0)))
            {
                rig.WaitForCard(0);
                int protocol;
                int handle = rig.Connect(0, out protocol);
                byte[] command = Convert.FromHexString("00A4000C023F00");
                byte[] response = new byte[ScardConstants.MaxBufferSize];

                rig.TransmitRepeatedly(handle, protocol, command, response, WarmUpExchanges);
                long before = GC.GetAllocatedBytesForCurrentThread();
                rig.TransmitRepeatedly(handle, protocol, command, response, MeasuredExchanges);
                Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }
    }
}
