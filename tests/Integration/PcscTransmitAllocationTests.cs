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
        [TestMethod]
        public void TransmitThroughPcscdAllocatesNothing()
        {
            PcscDaemon.RequireInstalled();
            using (PcscDaemon daemon = PcscDaemon.Start())
            using (VpcdVicc.Start(daemon.VpcdPort))
            using (PcscRig rig = new PcscRig())
            {
                int protocol;
                int handle = rig.ConnectWhenPresent(rig.ReaderName(PcscDaemon.Slot0), out protocol);
                rig.AssertTransmitAllocatesNothing(handle, protocol, "00 A4 00 0C 02 3F 00");
            }
        }
    }
}
