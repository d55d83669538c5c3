using System;
using EmbeddedSmartCard.Manager;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// SCardTransmit through the host PC/SC reader allocates nothing in steady state: the manager, the driver
    /// library and the P/Invoke into libpcsclite (pinned caller buffers, blittable structs on the stack).
    /// .NET-only: it reads the GC's per-thread allocation counter.
    /// </summary>
    [TestClass]
    public sealed class PcscTransmitAllocationTests
    {
        private const int WarmUpExchanges = 10;
        private const int MeasuredExchanges = 100;

        [TestMethod]
        public void TransmitThroughPcscdAllocatesNothing()
        {
            PcscDaemon.RequireInstalled();
            using (PcscDaemon daemon = PcscDaemon.Start())
            using (VpcdVicc.Start(daemon.VpcdPort))
            using (PcscRig rig = new PcscRig())
            {
                string reader = rig.ReaderName(PcscDaemon.Slot0);
                rig.WaitFor(reader, ScardConstants.StatePresent, true);
                int protocol;
                int handle = rig.Connect(reader, out protocol);
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
