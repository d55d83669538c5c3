#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Threading;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.Library
{
    /// <summary>IOCTL_SMARTCARD_* buffers as Windows lays them out, and the checks of pcsc.md §2.4.</summary>
    [TestClass]
    public class SmartcardDeviceIoctlTests
    {
        private static byte[] Dword(int value)
        {
            return new byte[] { (byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24) };
        }

        private static SmartcardStatus Control(SmartcardDevice device, int ioctl, byte[] input, byte[] output, out int returned)
        {
            return device.DeviceControl(ioctl, input, 0, input == null ? 0 : input.Length, output, 0, output == null ? 0 : output.Length, out returned);
        }

        [TestMethod]
        public void Power_ColdResetReturnsTheAtr()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT1);
            byte[] output = new byte[36];
            int returned;
            Assert.AreEqual(SmartcardStatus.Success, Control(f.Device, Ioctl.Power, Dword(1), output, out returned));
            Assert.AreEqual("3B 80 01 81", TestSupport.ToHex(output, 0, returned));
            Assert.AreEqual(ReaderState.Negotiable, f.Device.State);
            Assert.AreEqual(SmartcardStatus.Success, Control(f.Device, Ioctl.Power, Dword(0), null, out returned), "power down needs no output");
            Assert.AreEqual(0, returned);
            Assert.AreEqual(ReaderState.Present, f.Device.State);
        }

        [TestMethod]
        public void Power_ParameterChecks()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            int returned;
            Assert.AreEqual(SmartcardStatus.InvalidParameter, Control(f.Device, Ioctl.Power, new byte[3], new byte[36], out returned), "minor code too short");
            Assert.AreEqual(SmartcardStatus.InvalidDeviceRequest, Control(f.Device, Ioctl.Power, Dword(5), new byte[36], out returned), "unknown minor code");
            Assert.AreEqual(SmartcardStatus.BufferTooSmall, Control(f.Device, Ioctl.Power, Dword(1), new byte[32], out returned), "room for a 33-byte ATR");
            Assert.AreEqual(33, returned);
            Assert.AreEqual(0, f.Driver.ColdResetCount, "checked before the card is touched");
        }

        [TestMethod]
        public void SetProtocol_MaskInReplyOut()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            f.Device.Power(PowerAction.ColdReset);
            int returned;
            Assert.AreEqual(SmartcardStatus.InvalidParameter, Control(f.Device, Ioctl.SetProtocol, new byte[2], new byte[4], out returned));
            Assert.AreEqual(SmartcardStatus.BufferTooSmall, Control(f.Device, Ioctl.SetProtocol, Dword(3), new byte[3], out returned));
            Assert.AreEqual(ReaderState.Negotiable, f.Device.State, "nothing done for a short reply buffer");
            byte[] output = new byte[4];
            Assert.AreEqual(SmartcardStatus.Success, Control(f.Device, Ioctl.SetProtocol, Dword(3), output, out returned));
            Assert.AreEqual("01 00 00 00", TestSupport.ToHex(output, 0, returned));
        }

        [TestMethod]
        public void Transmit_IoRequestHeaderThenApdu_ReplyHeaderThenResponse()
        {
            DeviceFixture f = DeviceFixture.SpecificT0();
            f.Card.Expect("00 B0 00 00 02").Reply("B0 AB CD 90 00");
            byte[] input = TestSupport.Hex("01 00 00 00 08 00 00 00 00 B0 00 00 02");
            byte[] output = new byte[20];
            int returned;
            Assert.AreEqual(SmartcardStatus.Success, Control(f.Device, Ioctl.Transmit, input, output, out returned));
            Assert.AreEqual("01 00 00 00 08 00 00 00 AB CD 90 00", TestSupport.ToHex(output, 0, returned));
        }

        [TestMethod]
        public void Transmit_LongerPciHeader_ApduStartsAfterIt()
        {
            DeviceFixture f = DeviceFixture.SpecificT0();
            f.Card.Expect("00 70 00 01 00").Reply("90 00");
            byte[] input = TestSupport.Hex("01 00 00 00 0C 00 00 00 EE EE EE EE 00 70 00 01");
            byte[] output = new byte[20];
            int returned;
            Assert.AreEqual(SmartcardStatus.Success, Control(f.Device, Ioctl.Transmit, input, output, out returned));
            Assert.AreEqual("01 00 00 00 08 00 00 00 90 00", TestSupport.ToHex(output, 0, returned));
        }

        [TestMethod]
        public void Transmit_SameBufferForInputAndOutput()
        {
            DeviceFixture f = DeviceFixture.SpecificT0();
            f.Card.Expect("00 D6 00 00 02").Reply("D6").Expect("01 02").Reply("90 00");
            byte[] buffer = new byte[32];
            byte[] request = TestSupport.Hex("01 00 00 00 08 00 00 00 00 D6 00 00 02 01 02");
            System.Array.Copy(request, buffer, request.Length);
            int returned;
            Assert.AreEqual(SmartcardStatus.Success, f.Device.DeviceControl(Ioctl.Transmit, buffer, 0, request.Length, buffer, 0, buffer.Length, out returned));
            Assert.IsNull(f.Card.Failure, f.Card.Failure);
            Assert.AreEqual("01 00 00 00 08 00 00 00 90 00", TestSupport.ToHex(buffer, 0, returned));
        }

        [TestMethod]
        public void Transmit_HeaderChecks()
        {
            DeviceFixture f = DeviceFixture.SpecificT0();
            byte[] output = new byte[20];
            int returned;
            Assert.AreEqual(SmartcardStatus.InvalidParameter, Control(f.Device, Ioctl.Transmit, TestSupport.Hex("01 00 00 00 08 00 00"), output, out returned), "short header");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, Control(f.Device, Ioctl.Transmit, TestSupport.Hex("01 00 00 00 04 00 00 00 00 70 00 01"), output, out returned), "cbPciLength < 8");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, Control(f.Device, Ioctl.Transmit, TestSupport.Hex("01 00 00 00 40 00 00 00 00 70 00 01"), output, out returned), "cbPciLength past the input");
            Assert.AreEqual(SmartcardStatus.InvalidDeviceState, Control(f.Device, Ioctl.Transmit, TestSupport.Hex("02 00 00 00 08 00 00 00 00 70 00 01"), output, out returned), "T=1 header, T=0 selected");
            Assert.AreEqual(SmartcardStatus.BufferTooSmall, Control(f.Device, Ioctl.Transmit, TestSupport.Hex("01 00 00 00 08 00 00 00 00 70 00 01"), new byte[7], out returned), "no room for the reply header");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, Control(f.Device, Ioctl.Transmit, TestSupport.Hex("01 00 00 00 08 00 00 00 00 70 00"), output, out returned), "3-byte APDU");
            Assert.AreEqual(0, f.Card.SentCount);
        }

        [TestMethod]
        public void Transmit_ResponseTooLarge_ReportsTheNeededLength()
        {
            DeviceFixture f = DeviceFixture.SpecificT0();
            f.Card.Expect("00 B0 00 00 04").Reply("B0 01 02 03 04 90 00");
            int returned;
            Assert.AreEqual(SmartcardStatus.BufferTooSmall, Control(f.Device, Ioctl.Transmit, TestSupport.Hex("01 00 00 00 08 00 00 00 00 B0 00 00 04"), new byte[12], out returned));
            Assert.AreEqual(14, returned);
        }

        [TestMethod]
        public void GetState_AndGetLastError()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            byte[] output = new byte[4];
            int returned;
            Assert.AreEqual(SmartcardStatus.Success, Control(f.Device, Ioctl.GetState, null, output, out returned));
            Assert.AreEqual("02 00 00 00", TestSupport.ToHex(output, 0, returned), "SCARD_PRESENT");
            Assert.AreEqual(SmartcardStatus.BufferTooSmall, Control(f.Device, Ioctl.GetState, null, new byte[3], out returned));

            int selected;
            f.Device.SetProtocol(Protocols.T0, out selected);
            Assert.AreEqual(SmartcardStatus.Success, Control(f.Device, Ioctl.GetLastError, null, output, out returned));
            Assert.AreEqual("84 01 00 C0", TestSupport.ToHex(output, 0, returned), "STATUS_INVALID_DEVICE_STATE of the SetProtocol");
            Assert.AreEqual(SmartcardStatus.Success, Control(f.Device, Ioctl.GetLastError, null, output, out returned));
            Assert.AreEqual("84 01 00 C0", TestSupport.ToHex(output, 0, returned), "GET_LAST_ERROR does not overwrite it");
        }

        [TestMethod]
        public void Attributes_ThroughIoctls()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            byte[] output = new byte[8];
            int returned;
            Assert.AreEqual(SmartcardStatus.Success, Control(f.Device, Ioctl.GetAttribute, Dword(Attributes.MaxIfsd), output, out returned));
            Assert.AreEqual("FE 00 00 00", TestSupport.ToHex(output, 0, returned));
            Assert.AreEqual(SmartcardStatus.InvalidParameter, Control(f.Device, Ioctl.GetAttribute, new byte[2], output, out returned));
            byte[] set = TestSupport.Hex("02 00 FF 7F 01");
            Assert.AreEqual(SmartcardStatus.Success, Control(f.Device, Ioctl.SetAttribute, set, null, out returned), "DEVICE_IN_USE = 1");
            Assert.IsTrue(f.Device.DeviceInUse, "in use");
            Assert.AreEqual(SmartcardStatus.NotSupported, Control(f.Device, Ioctl.SetAttribute, TestSupport.Hex("00 01 01 00 41"), null, out returned), "VENDOR_NAME is read-only");
        }

        [TestMethod]
        public void Mechanical_GoesToTheDriver()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            int returned;
            Assert.AreEqual(SmartcardStatus.NotSupported, Control(f.Device, Ioctl.Eject, null, null, out returned));
            Assert.AreEqual(Ioctl.Eject, f.Driver.LastMechanical);
            Assert.AreEqual(SmartcardStatus.NotSupported, Control(f.Device, Ioctl.Confiscate, null, null, out returned));
            Assert.AreEqual(Ioctl.Confiscate, f.Driver.LastMechanical);
            Assert.AreEqual(SmartcardStatus.NotSupported, Control(f.Device, Ioctl.Swallow, null, null, out returned));
            Assert.AreEqual(Ioctl.Swallow, f.Driver.LastMechanical);
            Assert.AreEqual(ReaderState.Present, f.Device.State, "a refused swallow changes nothing");
            f.Driver.Remove();
            f.Driver.LastMechanical = 0;
            Assert.AreEqual(SmartcardStatus.NoMedia, Control(f.Device, Ioctl.Eject, null, null, out returned), "no card to eject");
            Assert.AreEqual(0, f.Driver.LastMechanical, "the driver was not asked");
        }

        [TestMethod]
        public void VendorCodes_BeforeOpen_AreInvalidDeviceState()
        {
            FakeReaderDriver driver = new FakeReaderDriver(null);
            SmartcardDevice device = new SmartcardDevice(driver);
            int returned;
            Assert.AreEqual(SmartcardStatus.InvalidDeviceState, Control(device, Ioctl.FirstVendorCode, null, new byte[4], out returned));
            Assert.AreEqual(0, driver.CallCount);
        }

        [TestMethod]
        public void VendorCodes_AreTunnelledToTheDriver()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            int vendor = Ioctl.FromFunction(3500);
            byte[] output = new byte[8];
            int returned;
            Assert.AreEqual(SmartcardStatus.Success, Control(f.Device, vendor, TestSupport.Hex("01 02 03"), output, out returned));
            Assert.AreEqual(vendor, f.Driver.LastVendorIoctl);
            Assert.AreEqual("03 02 01", TestSupport.ToHex(output, 0, returned));
            Assert.AreEqual(SmartcardStatus.Success, Control(f.Device, Ioctl.FirstVendorCode, null, output, out returned));
            Assert.AreEqual(Ioctl.FirstVendorCode, f.Driver.LastVendorIoctl);
        }

        [TestMethod]
        public void UnknownCodes_AreInvalidDeviceRequest()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            int calls = f.Driver.CallCount;
            int returned;
            Assert.AreEqual(SmartcardStatus.InvalidDeviceRequest, Control(f.Device, Ioctl.FromFunction(16), null, new byte[8], out returned), "GET_PERF_CNTR");
            Assert.AreEqual(SmartcardStatus.InvalidDeviceRequest, Control(f.Device, Ioctl.FromFunction(2047), null, new byte[8], out returned), "last non-vendor function");
            Assert.AreEqual(SmartcardStatus.InvalidDeviceRequest, Control(f.Device, 0x00220000 | (2048 << 2), null, new byte[8], out returned), "vendor function of another device type");
            Assert.AreEqual(calls, f.Driver.CallCount, "the driver never saw them");
        }

        [TestMethod]
        public void BadBufferRanges_AreInvalidParameter()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            byte[] buffer = new byte[4];
            int returned;
            Assert.AreEqual(SmartcardStatus.InvalidParameter, f.Device.DeviceControl(Ioctl.GetState, buffer, 2, 4, buffer, 0, 4, out returned));
            Assert.AreEqual(SmartcardStatus.InvalidParameter, f.Device.DeviceControl(Ioctl.GetState, null, 0, 0, buffer, 0, 5, out returned));
            Assert.AreEqual(SmartcardStatus.InvalidParameter, f.Device.DeviceControl(Ioctl.GetState, null, 0, 0, null, 0, 4, out returned));
            Assert.AreEqual(SmartcardStatus.InvalidParameter, f.Device.DeviceControl(Ioctl.GetState, buffer, -1, 1, buffer, 0, 4, out returned));
        }

        [TestMethod]
        public void IsPresentAndIsAbsent_CompleteAtOnceWhenTrue()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            int returned;
            Assert.AreEqual(SmartcardStatus.Success, Control(f.Device, Ioctl.IsPresent, null, null, out returned));
            f.Driver.Remove();
            Assert.AreEqual(SmartcardStatus.Success, Control(f.Device, Ioctl.IsAbsent, null, null, out returned));
        }

        [TestMethod]
        public void IsPresent_TimesOutAfterPresenceWaitMillis()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            f.Driver.Remove();
            f.Device.PresenceWaitMillis = 20;
            int returned;
            Assert.AreEqual(SmartcardStatus.IoTimeout, Control(f.Device, Ioctl.IsPresent, null, null, out returned));
        }

        [TestMethod]
        public void IsAbsent_BeforeOpen_IsInvalidDeviceState()
        {
            SmartcardDevice device = new SmartcardDevice(new FakeReaderDriver(null));
            int returned;
            Assert.AreEqual(SmartcardStatus.InvalidDeviceState, Control(device, Ioctl.IsAbsent, null, null, out returned));
        }

        [TestMethod]
        public void IsPresent_CompletesOnInsertion_AndASecondWaitIsBusy()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            f.Driver.Remove();
            f.Device.PresenceWaitMillis = 10000;
            SmartcardStatus waited = SmartcardStatus.Cancelled;
            Thread waiter = new Thread(delegate ()
            {
                int ignored;
                waited = Control(f.Device, Ioctl.IsPresent, null, null, out ignored);
            });
            waiter.Start();

            // While the first wait is pending, a second notification request is refused (smclib keeps one).
            SmartcardStatus second = SmartcardStatus.Success;
            for (int i = 0; i < 400 && second != SmartcardStatus.DeviceBusy; i++)
            {
                Thread.Sleep(5);
                int returned;
                second = Control(f.Device, Ioctl.IsAbsent, null, null, out returned);
            }

            Assert.AreEqual(SmartcardStatus.DeviceBusy, second);
            f.Driver.Insert();
            Assert.IsTrue(waiter.Join(10000), "waiter woke");
            Assert.AreEqual(SmartcardStatus.Success, waited);
        }

        [TestMethod]
        public void Close_CancelsAPendingPresenceWait()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            f.Device.PresenceWaitMillis = 10000;
            SmartcardStatus waited = SmartcardStatus.Success;
            Thread waiter = new Thread(delegate ()
            {
                int ignored;
                waited = Control(f.Device, Ioctl.IsAbsent, null, null, out ignored);
            });
            waiter.Start();
            SmartcardStatus probe = SmartcardStatus.Success;
            for (int i = 0; i < 400 && probe != SmartcardStatus.DeviceBusy; i++)
            {
                Thread.Sleep(5);
                int returned;
                probe = Control(f.Device, Ioctl.IsPresent, null, null, out returned);
            }

            f.Device.Close();
            Assert.IsTrue(waiter.Join(10000), "waiter woke");
            Assert.AreEqual(SmartcardStatus.Cancelled, waited);
        }
    }
}
