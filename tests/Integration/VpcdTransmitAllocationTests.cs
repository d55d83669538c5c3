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
        [TestMethod]
        public void TransmitToViccAllocatesNothing()
        {
            VpcdVicc.RequireInstalled();

            using (VpcdRig rig = new VpcdRig())
            using (VpcdVicc.Start(rig.Port(0)))
            {
                int protocol;
                int handle = rig.ConnectWhenPresent(rig.ReaderName(0), out protocol);
                rig.AssertTransmitAllocatesNothing(handle, protocol, "00 A4 00 0C 02 3F 00");
            }
        }
    }
}
