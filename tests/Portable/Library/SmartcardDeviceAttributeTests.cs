#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.Library
{
    /// <summary>The attributes the library answers (pcsc.md §1.7), byte for byte.</summary>
    [TestClass]
    public class SmartcardDeviceAttributeTests
    {
        private static string Get(SmartcardDevice device, int id)
        {
            byte[] buffer = new byte[64];
            int length;
            SmartcardStatus status = device.GetAttribute(id, buffer, 0, buffer.Length, out length);
            Assert.AreEqual(SmartcardStatus.Success, status, "attribute " + id.ToString("X8"));
            return TestSupport.ToHex(buffer, 0, length);
        }

        private static SmartcardStatus Status(SmartcardDevice device, int id)
        {
            byte[] buffer = new byte[64];
            int length;
            return device.GetAttribute(id, buffer, 0, buffer.Length, out length);
        }

        private static DeviceFixture Reader()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT0);
            ReaderCapabilities c = f.Driver.Capabilities;
            c.VendorName = "ACME";
            c.IfdType = "UART-1";
            c.IfdVersion = 0x01020003;
            c.ChannelId = 0x00010002;
            c.ClockHz = 3571200;
            c.MaxClockKhz = 4000;
            c.DefaultDataRate = 9600;
            c.MaxDataRate = 115200;
            c.MaxIfsd = 254;
            c.Characteristics = 1;
            c.PowerManagementSupport = 1;
            c.Unit = 2;
            return f;
        }

        [TestMethod]
        public void ReaderAttributes()
        {
            SmartcardDevice device = Reader().Device;
            Assert.AreEqual("41 43 4D 45 00", Get(device, Attributes.VendorName));
            Assert.AreEqual("55 41 52 54 2D 31 00", Get(device, Attributes.VendorIfdType));
            Assert.AreEqual("03 00 02 01", Get(device, Attributes.VendorIfdVersion));
            Assert.AreEqual("02 00 01 00", Get(device, Attributes.ChannelId));
            Assert.AreEqual("03 00 00 00", Get(device, Attributes.AsyncProtocolTypes));
            Assert.AreEqual("F3 0D 00 00", Get(device, Attributes.DefaultClk));
            Assert.AreEqual("A0 0F 00 00", Get(device, Attributes.MaxClk));
            Assert.AreEqual("80 25 00 00", Get(device, Attributes.DefaultDataRate));
            Assert.AreEqual("00 C2 01 00", Get(device, Attributes.MaxDataRate));
            Assert.AreEqual("FE 00 00 00", Get(device, Attributes.MaxIfsd));
            Assert.AreEqual("01 00 00 00", Get(device, Attributes.PowerMgmtSupport));
            Assert.AreEqual("01 00 00 00", Get(device, Attributes.Characteristics));
            Assert.AreEqual("02 00 00 00", Get(device, Attributes.DeviceUnit));
        }

        [TestMethod]
        public void OptionalStrings_AreNotSupportedWhenEmpty()
        {
            DeviceFixture f = Reader();
            Assert.AreEqual(SmartcardStatus.NotSupported, Status(f.Device, Attributes.VendorIfdSerialNo));
            Assert.AreEqual(SmartcardStatus.NotSupported, Status(f.Device, Attributes.DeviceFriendlyNameA));
            f.Driver.Capabilities.SerialNumber = "42";
            f.Driver.Capabilities.FriendlyName = "Slot 0";
            Assert.AreEqual("34 32 00", Get(f.Device, Attributes.VendorIfdSerialNo));
            Assert.AreEqual("53 6C 6F 74 20 30 00", Get(f.Device, Attributes.DeviceFriendlyNameA));
        }

        [TestMethod]
        public void IccPresenceAndInterfaceStatus_FollowTheLadder()
        {
            DeviceFixture f = Reader();
            Assert.AreEqual("01", Get(f.Device, Attributes.IccPresence));
            Assert.AreEqual("00", Get(f.Device, Attributes.IccInterfaceStatus));
            f.Device.Power(PowerAction.ColdReset);
            Assert.AreEqual("FF", Get(f.Device, Attributes.IccInterfaceStatus));
            f.Driver.Remove();
            Assert.AreEqual("00", Get(f.Device, Attributes.IccPresence));
            f.Driver.Insert();
            f.Driver.MechanicalResult = SmartcardStatus.Success;
            int returned;
            f.Device.DeviceControl(Ioctl.Swallow, null, 0, 0, null, 0, 0, out returned);
            Assert.AreEqual("02", Get(f.Device, Attributes.IccPresence));
        }

        [TestMethod]
        public void CardAttributes_NeedNegotiable()
        {
            DeviceFixture f = Reader();
            Assert.AreEqual(SmartcardStatus.InvalidDeviceState, Status(f.Device, Attributes.AtrString));
            Assert.AreEqual(SmartcardStatus.InvalidDeviceState, Status(f.Device, Attributes.CurrentF));
            Assert.AreEqual("00", Get(f.Device, Attributes.IccTypePerAtr));
            f.Device.Power(PowerAction.ColdReset);
            Assert.AreEqual("3B 00", Get(f.Device, Attributes.AtrString));
            Assert.AreEqual("00 00 00 00", Get(f.Device, Attributes.CurrentProtocolType), "nothing selected yet");
        }

        [TestMethod]
        public void CurrentParameters_AfterT0Selection()
        {
            DeviceFixture f = Reader();
            f.Device.Power(PowerAction.ColdReset);
            int selected;
            f.Device.SetProtocol(Protocols.T0, out selected);
            Assert.AreEqual("01 00 00 00", Get(f.Device, Attributes.CurrentProtocolType));
            Assert.AreEqual("F3 0D 00 00", Get(f.Device, Attributes.CurrentClk), "3571 kHz");
            Assert.AreEqual("74 01 00 00", Get(f.Device, Attributes.CurrentF), "372");
            Assert.AreEqual("01 00 00 00", Get(f.Device, Attributes.CurrentD));
            Assert.AreEqual("00 00 00 00", Get(f.Device, Attributes.CurrentN));
            Assert.AreEqual("0A 00 00 00", Get(f.Device, Attributes.CurrentW), "WI = 10");
            Assert.AreEqual("20 00 00 00", Get(f.Device, Attributes.CurrentIfsc), "default IFSC 32");
            Assert.AreEqual("FE 00 00 00", Get(f.Device, Attributes.CurrentIfsd));
            Assert.AreEqual("00 00 00 00", Get(f.Device, Attributes.CurrentEbcEncoding), "LRC");
            Assert.AreEqual("01", Get(f.Device, Attributes.IccTypePerAtr));
        }

        [TestMethod]
        public void CurrentWaitingTimes_AfterT1Selection()
        {
            DeviceFixture f = DeviceFixture.CharacterReader(DeviceFixture.AtrT1);
            f.Device.Power(PowerAction.ColdReset);
            f.Card.Expect("00 C1 01 FE 3E").Reply("00 E1 01 FE 1E");
            int selected;
            f.Device.SetProtocol(Protocols.T1, out selected);
            CardTiming timing = f.Device.Timing;
            Assert.AreEqual(TestSupport.ToHex(Dword(timing.BlockWaitingTimeMicros)), Get(f.Device, Attributes.CurrentBwt));
            Assert.AreEqual(TestSupport.ToHex(Dword(timing.CharacterWaitingTimeMicros)), Get(f.Device, Attributes.CurrentCwt));
            Assert.IsTrue(timing.BlockWaitingTimeMicros > 1000000, "BWT about 1.6 s at BWI 4");
            Assert.AreEqual("02 00 00 00", Get(f.Device, Attributes.CurrentProtocolType));
        }

        [TestMethod]
        public void UnknownIds_AreNotSupported()
        {
            DeviceFixture f = Reader();
            f.Device.Power(PowerAction.ColdReset);
            Assert.AreEqual(SmartcardStatus.NotSupported, Status(f.Device, Attributes.CurrentIoState));
            Assert.AreEqual(SmartcardStatus.NotSupported, Status(f.Device, Attributes.ExtendedBwt));
            Assert.AreEqual(SmartcardStatus.NotSupported, Status(f.Device, Attributes.DeviceSystemNameA));
            Assert.AreEqual(SmartcardStatus.NotSupported, Status(f.Device, 0x12345678));
        }

        [TestMethod]
        public void SmallBuffers_AreBufferTooSmall_WithTheNeededLength()
        {
            DeviceFixture f = Reader();
            f.Device.Power(PowerAction.ColdReset);
            byte[] buffer = new byte[3];
            int length;
            Assert.AreEqual(SmartcardStatus.BufferTooSmall, f.Device.GetAttribute(Attributes.MaxIfsd, buffer, 0, 3, out length));
            Assert.AreEqual(4, length);
            Assert.AreEqual(SmartcardStatus.BufferTooSmall, f.Device.GetAttribute(Attributes.VendorName, buffer, 0, 3, out length));
            Assert.AreEqual(5, length, "ACME + NUL");
            Assert.AreEqual(SmartcardStatus.BufferTooSmall, f.Device.GetAttribute(Attributes.AtrString, buffer, 0, 1, out length));
            Assert.AreEqual(2, length);
            Assert.AreEqual(SmartcardStatus.BufferTooSmall, f.Device.GetAttribute(Attributes.IccPresence, null, 0, 0, out length));
            Assert.AreEqual(1, length);
            Assert.AreEqual(SmartcardStatus.InvalidParameter, f.Device.GetAttribute(Attributes.IccPresence, buffer, 2, 3, out length));
        }

        [TestMethod]
        public void SetAttribute_OnlyWhatSmclibAllows()
        {
            DeviceFixture f = Reader();
            byte[] one = new byte[] { 1 };
            Assert.AreEqual(SmartcardStatus.Success, f.Device.SetAttribute(Attributes.SupressT1IfsRequest, one, 0, 1));
            Assert.IsTrue(f.Device.SuppressT1IfsRequest, "recorded");
            Assert.AreEqual(SmartcardStatus.Success, f.Device.SetAttribute(Attributes.DeviceInUse, one, 0, 1));
            Assert.IsTrue(f.Device.DeviceInUse, "recorded");
            Assert.AreEqual(SmartcardStatus.Success, f.Device.SetAttribute(Attributes.DeviceInUse, new byte[4], 0, 4));
            Assert.IsFalse(f.Device.DeviceInUse, "cleared by zero");
            Assert.AreEqual(SmartcardStatus.NotSupported, f.Device.SetAttribute(Attributes.VendorName, one, 0, 1));
            Assert.AreEqual(SmartcardStatus.NotSupported, f.Device.SetAttribute(Attributes.CurrentIfsd, one, 0, 1));
            Assert.AreEqual(SmartcardStatus.InvalidParameter, f.Device.SetAttribute(Attributes.DeviceInUse, one, 0, 0), "empty value");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, f.Device.SetAttribute(Attributes.DeviceInUse, one, 1, 1), "range");
        }

        [TestMethod]
        public void AttributeValue_ComposesClassAndTag()
        {
            Assert.AreEqual(Attributes.AtrString, Attributes.Value(Attributes.ClassIccState, 0x0303));
            Assert.AreEqual(Attributes.DeviceUnit, Attributes.Value(Attributes.ClassSystem, 0x0001));
        }

        private static byte[] Dword(int value)
        {
            return new byte[] { (byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24) };
        }
    }
}
