#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Threading;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.Library
{
    /// <summary>"No two callback functions will be called at the same time" (pcsc.md §2.1).</summary>
    [TestClass]
    public class SmartcardDeviceConcurrencyTests
    {
        private const int RoundsPerThread = 20;

        [TestMethod]
        public void TwoThreads_NeverOverlapInTheDriver()
        {
            DeviceFixture f = DeviceFixture.SpecificApdu();
            f.Driver.HoldMillis = 1;
            int callsBefore = f.Driver.CallCount;
            SmartcardDevice device = f.Device;
            int failures = 0;
            ThreadStart work = delegate ()
            {
                byte[] command = TestSupport.Hex("00 A4 00 00");
                byte[] response = new byte[8];
                byte[] output = new byte[8];
                for (int i = 0; i < RoundsPerThread; i++)
                {
                    int length;
                    if (device.Transmit(Protocols.T1, command, 0, 4, response, 0, 8, out length) != SmartcardStatus.Success
                        || device.DeviceControl(Ioctl.FirstVendorCode, command, 0, 4, output, 0, 8, out length) != SmartcardStatus.Success
                        || device.DeviceControl(Ioctl.Eject, null, 0, 0, null, 0, 0, out length) != SmartcardStatus.NotSupported)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            };

            Thread first = new Thread(work);
            Thread second = new Thread(work);
            first.Start();
            second.Start();
            Assert.IsTrue(first.Join(30000) && second.Join(30000), "both threads finished");
            Assert.AreEqual(0, failures, "every call succeeded");
            Assert.AreEqual(2 * RoundsPerThread * 3, f.Driver.CallCount - callsBefore, "every call reached the driver");
            Assert.AreEqual(1, f.Driver.MaxConcurrentCalls, "exactly one callback at a time");
        }

        [TestMethod]
        public void RemovalFromAnotherThread_DuringCalls_LeavesAConsistentLadder()
        {
            DeviceFixture f = DeviceFixture.SpecificApdu();
            f.Driver.HoldMillis = 1;
            SmartcardDevice device = f.Device;
            Thread caller = new Thread(delegate ()
            {
                byte[] command = TestSupport.Hex("00 A4 00 00");
                byte[] response = new byte[8];
                for (int i = 0; i < RoundsPerThread; i++)
                {
                    int length;
                    device.Transmit(Protocols.T1, command, 0, 4, response, 0, 8, out length);
                }
            });
            caller.Start();
            Thread.Sleep(5);
            f.Driver.Remove();
            Assert.IsTrue(caller.Join(30000), "caller finished");
            Assert.AreEqual(ReaderState.Absent, device.State);
            Assert.IsNull(device.Atr);
            Assert.AreEqual(Protocols.Undefined, device.SelectedProtocol);
        }
    }
}
