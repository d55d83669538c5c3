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
    [TestClass]
    public class ControlTests
    {
        /// <summary>CM_IOCTL_GET_FEATURE_REQUEST in both encodings (pcsc.md §1.6).</summary>
        private const int FeatureRequestPcscLite = 0x42000D48;
        private const int FeatureRequestWindows = 0x00313520;

        /// <summary>The first vendor function, 2048, in both encodings.</summary>
        private const int VendorPcscLite = 0x42000800;
        private const int VendorWindows = 0x00312000;

        [TestMethod]
        public void TheFeatureRequestIsAnsweredOnADirectHandleWithoutACard()
        {
            ManagerBench bench = ManagerBench.Create();
            int direct = Direct(bench, bench.Reader1);
            byte[] receive = new byte[64];
            int returned;

            Assert.AreEqual(ScardError.Success, bench.Manager.Control(direct, FeatureRequestPcscLite, null, 0, 0, receive, 0, receive.Length, out returned));
            Assert.AreEqual(0, returned);
            Assert.AreEqual(ScardError.Success, bench.Manager.Control(direct, FeatureRequestWindows, null, 0, 0, receive, 0, receive.Length, out returned));
            Assert.AreEqual(0, returned);
        }

        [TestMethod]
        public void VendorCodesReachTheDriverInEitherEncoding()
        {
            ManagerBench bench = ManagerBench.Create();
            ControlVendorDriver driver = new ControlVendorDriver();
            string name = bench.Manager.Readers.Add(driver, "Vendor Reader").Name;
            int direct = Direct(bench, name);
            byte[] send = TestSupport.Hex("01 02 03");
            byte[] receive = new byte[8];
            int returned;

            Assert.AreEqual(ScardError.Success, bench.Manager.Control(direct, VendorPcscLite, send, 0, send.Length, receive, 0, receive.Length, out returned));
            Assert.AreEqual(VendorWindows, driver.LastIoctl);
            Assert.AreEqual("01 02 03", TestSupport.ToHex(receive, 0, returned));
            driver.LastIoctl = 0;
            Assert.AreEqual(ScardError.Success, bench.Manager.Control(direct, VendorWindows + 4, send, 0, send.Length, receive, 0, receive.Length, out returned));
            Assert.AreEqual(VendorWindows + 4, driver.LastIoctl);
            Assert.AreEqual(ScardError.InsufficientBuffer, bench.Manager.Control(direct, VendorWindows, send, 0, send.Length, receive, 0, 2, out returned));
            Assert.AreEqual(3, returned);
        }

        [TestMethod]
        public void AReaderWithoutVendorCodesSaysUnsupportedFeature()
        {
            ManagerBench bench = ManagerBench.Create();
            int direct = Direct(bench, bench.Reader0);
            byte[] receive = new byte[8];
            int returned;

            Assert.AreEqual(ScardError.UnsupportedFeature, bench.Manager.Control(direct, VendorPcscLite, null, 0, 0, receive, 0, receive.Length, out returned));
            Assert.AreEqual(ScardError.UnsupportedFeature, bench.Manager.Control(direct, Ioctl.Power, null, 0, 0, receive, 0, receive.Length, out returned), "power goes through Reconnect");
            Assert.AreEqual(ScardError.InvalidParameter, bench.Manager.Control(direct, VendorPcscLite, null, 0, 3, receive, 0, receive.Length, out returned));
            Assert.AreEqual(ScardError.InvalidHandle, bench.Manager.Control(0, VendorPcscLite, null, 0, 0, receive, 0, receive.Length, out returned));
        }

        [TestMethod]
        public void SetProtocolThroughControlLetsADirectHandleTransmit()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DualT0T1());
            int direct = Direct(bench, bench.Reader0);
            byte[] t1 = { (byte)ScardConstants.ProtocolT1, 0, 0, 0 };
            byte[] receive = new byte[4];
            int returned;

            Assert.AreEqual(ScardError.InsufficientBuffer, bench.Manager.Control(direct, Ioctl.SetProtocol, t1, 0, t1.Length, receive, 0, 2, out returned));
            Assert.AreEqual(4, returned);
            Assert.AreEqual(ScardError.Success, bench.Manager.Control(direct, ScardConstants.ControlCode(12), t1, 0, t1.Length, receive, 0, receive.Length, out returned));

            Assert.AreEqual("02 00 00 00", TestSupport.ToHex(receive, 0, returned));
            Assert.AreEqual(SharingTests.EchoAnswer, bench.Send(direct, ScardConstants.ProtocolT1, SharingTests.Echo));
        }

        [TestMethod]
        public void TheFriendlyNameIsTheReaderName()
        {
            ManagerBench bench = ManagerBench.Create();
            int direct = Direct(bench, bench.Reader1);
            int length;

            Assert.AreEqual(ScardError.Success, bench.Manager.GetAttrib(direct, Attributes.DeviceFriendlyNameA, null, 0, 0, out length));
            Assert.AreEqual(bench.Reader1.Length + 1, length);
            byte[] buffer = new byte[length];
            Assert.AreEqual(ScardError.InsufficientBuffer, bench.Manager.GetAttrib(direct, Attributes.DeviceFriendlyNameA, buffer, 0, length - 1, out length));
            Assert.AreEqual(ScardError.Success, bench.Manager.GetAttrib(direct, Attributes.DeviceFriendlyNameA, buffer, 0, buffer.Length, out length));

            Assert.AreEqual(0, (int)buffer[length - 1]);
            char[] name = new char[length - 1];
            for (int i = 0; i < name.Length; i++)
            {
                name[i] = (char)buffer[i];
            }

            Assert.AreEqual(bench.Reader1, new string(name));
        }

        [TestMethod]
        public void OtherAttributesComeFromTheDriverLibrary()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            int handle;
            int protocol;
            bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol);
            byte[] atr = new byte[ScardConstants.MaxAtrSize];
            int atrLength;
            string name;
            int state;
            bench.Manager.Status(handle, out name, out state, out protocol, atr, out atrLength);
            byte[] buffer = new byte[64];
            int length;

            Assert.AreEqual(ScardError.Success, bench.Manager.GetAttrib(handle, Attributes.AtrString, buffer, 0, buffer.Length, out length));
            Assert.AreEqual(TestSupport.ToHex(atr, 0, atrLength), TestSupport.ToHex(buffer, 0, length));
            Assert.AreEqual(ScardError.Success, bench.Manager.GetAttrib(handle, Attributes.CurrentProtocolType, null, 0, 0, out length));
            Assert.AreEqual(4, length);
            Assert.AreEqual(ScardError.UnsupportedFeature, bench.Manager.GetAttrib(handle, 0x00010199, buffer, 0, buffer.Length, out length));
            Assert.AreEqual(ScardError.InvalidParameter, bench.Manager.GetAttrib(handle, Attributes.AtrString, buffer, 60, 10, out length));
        }

        [TestMethod]
        public void SetAttribTakesWhatTheLibraryAllows()
        {
            ManagerBench bench = ManagerBench.Create();
            int direct = Direct(bench, bench.Reader0);
            byte[] on = { 1 };

            Assert.AreEqual(ScardError.Success, bench.Manager.SetAttrib(direct, Attributes.DeviceInUse, on, 0, 1));
            Assert.IsTrue(bench.Manager.Readers.Find(bench.Reader0).Device.DeviceInUse, "reached the device");
            Assert.AreEqual(ScardError.UnsupportedFeature, bench.Manager.SetAttrib(direct, Attributes.VendorName, on, 0, 1));
            Assert.AreEqual(ScardError.InvalidParameter, bench.Manager.SetAttrib(direct, Attributes.DeviceInUse, null, 0, 0));
            Assert.AreEqual(ScardError.InvalidParameter, bench.Manager.SetAttrib(direct, Attributes.DeviceInUse, on, 0, 0));
        }

        private static int Direct(ManagerBench bench, string reader)
        {
            int handle;
            int protocol;
            Assert.AreEqual(ScardError.Success, bench.Manager.Connect(bench.Context, reader, ScardConstants.ShareDirect, 0, out handle, out protocol));
            return handle;
        }
    }
}
