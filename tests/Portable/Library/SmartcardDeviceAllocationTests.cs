#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.Library
{
    /// <summary>
    /// Steady-state transmit allocates nothing (DESIGN.md). Measured with the .NET allocation counter, which
    /// nanoFramework lacks, so on a device these tests only run the exchanges.
    /// </summary>
    [TestClass]
    public class SmartcardDeviceAllocationTests
    {
        private const int Rounds = 10;

        private static long AllocatedBytes()
        {
#if NANOFRAMEWORK_1_0
            return 0;
#else
            return System.GC.GetAllocatedBytesForCurrentThread();
#endif
        }

        private static DeviceFixture ScriptedT0Card(int exchanges)
        {
            DeviceFixture f = DeviceFixture.SpecificT0();
            for (int i = 0; i < exchanges; i++)
            {
                f.Card.Expect("00 B0 00 00 03").Reply("60 4F 12 4F 34 61 01").Expect("00 C0 00 00 01").Reply("C0 56 90 00");
            }

            return f;
        }

        [TestMethod]
        public void T0Transmit_AllocatesNothing()
        {
            DeviceFixture f = ScriptedT0Card(Rounds + 1);
            byte[] command = TestSupport.Hex("00 B0 00 00 03");
            byte[] response = new byte[16];
            int length;
            f.Device.Transmit(Protocols.T0, command, 0, command.Length, response, 0, response.Length, out length);
            long before = AllocatedBytes();
            for (int i = 0; i < Rounds; i++)
            {
                f.Device.Transmit(Protocols.T0, command, 0, command.Length, response, 0, response.Length, out length);
            }

            long allocated = AllocatedBytes() - before;
            Assert.AreEqual("12 34 56 90 00", TestSupport.ToHex(response, 0, length));
            Assert.AreEqual(0L, allocated, "bytes allocated by " + Rounds.ToString() + " transmits");
        }

        [TestMethod]
        public void IoctlTransmit_InPlaceBuffer_AllocatesNothing()
        {
            DeviceFixture f = ScriptedT0Card(Rounds + 1);
            byte[] request = TestSupport.Hex("01 00 00 00 08 00 00 00 00 B0 00 00 03");
            byte[] buffer = new byte[32];
            int returned;
            System.Array.Copy(request, buffer, request.Length);
            f.Device.DeviceControl(Ioctl.Transmit, buffer, 0, request.Length, buffer, 0, buffer.Length, out returned);
            long before = AllocatedBytes();
            for (int i = 0; i < Rounds; i++)
            {
                System.Array.Copy(request, buffer, request.Length);
                f.Device.DeviceControl(Ioctl.Transmit, buffer, 0, request.Length, buffer, 0, buffer.Length, out returned);
            }

            long allocated = AllocatedBytes() - before;
            Assert.AreEqual("01 00 00 00 08 00 00 00 12 34 56 90 00", TestSupport.ToHex(buffer, 0, returned));
            Assert.AreEqual(0L, allocated, "bytes allocated by " + Rounds.ToString() + " IOCTL transmits");
        }
    }
}
