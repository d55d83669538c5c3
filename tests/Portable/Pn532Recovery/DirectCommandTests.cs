#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Tests.Pn532Support;

namespace EmbeddedSmartCard.Tests.Pn532Recovery
{
    /// <summary>Direct PN532 commands through SCardControl with the reader's vendor IOCTL (ACS direct-transmit shape, reference §4.5.2).</summary>
    [TestClass]
    public class DirectCommandTests
    {
        /// <summary>SCARD_CTL_CODE(3500) as pcsc-lite writes it: 0x42000000 + 3500.</summary>
        private const int DirectCommandPcscLite = 0x42000DAC;

        /// <summary>The same code as Windows' CTL_CODE: 0x00310000 | 3500 &lt;&lt; 2.</summary>
        private const int DirectCommandWindows = 0x003136B0;

        private const int Capacity = 300;

        [TestMethod]
        public void TheIoctlIsScardCtlCode3500InTheWindowsEncoding()
        {
            Assert.AreEqual(DirectCommandWindows, Drivers.Pn532.Pn532Reader.IoctlDirectCommand);
            Assert.IsTrue(Drivers.Ioctl.IsVendor(Drivers.Pn532.Pn532Reader.IoctlDirectCommand), "a vendor code");
        }

        [TestMethod]
        public void FirmwareVersionOnADirectHandleWithoutACardInEitherEncoding()
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(Pn532ManagerRig.I2c, false);
            int direct = rig.ConnectDirect();

            Assert.AreEqual("D5 03 32 01 06 07", rig.Control(direct, DirectCommandPcscLite, "D4 02", Capacity));
            Assert.AreEqual("D5 03 32 01 06 07", rig.Control(direct, DirectCommandWindows, "D4 02", Capacity));
            rig.Dispose();
        }

        [TestMethod]
        public void DiagnoseEchoAndGeneralStatusOverEachBus()
        {
            for (int bus = Pn532ManagerRig.I2c; bus <= Pn532ManagerRig.Hsu; bus++)
            {
                Pn532ManagerRig rig = new Pn532ManagerRig(bus, false);
                int direct = rig.ConnectDirect();

                Assert.AreEqual("D5 01 00 6C 69 62 6E 66 63", rig.Control(direct, DirectCommandPcscLite, "D4 00 00 6C 69 62 6E 66 63", Capacity), "communication line test over " + Pn532ManagerRig.BusName(bus));
                Assert.IsTrue(rig.Control(direct, DirectCommandPcscLite, "D4 04", Capacity).StartsWith("D5 05 00"), "GetGeneralStatus: no error over " + Pn532ManagerRig.BusName(bus));
                rig.Dispose();
            }
        }

        [TestMethod]
        public void AnApduToTheCardThroughInDataExchange()
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(Pn532ManagerRig.Spi, false);
            rig.PlaceIsoCard(Pn532ManagerRig.IsoUid);
            int handle = rig.Connect();
            Assert.IsTrue(handle != 0, "connected");

            Assert.AreEqual("D5 41 00 90 00", rig.Control(handle, DirectCommandPcscLite, "D4 40 01 " + Pn532ManagerRig.SelectMf, Capacity));
            Assert.AreEqual("90 00", rig.Send(handle, Pn532ManagerRig.SelectMf), "the driver's own exchanges carry on");
            rig.Dispose();
        }

        [TestMethod]
        public void RawFramesThroughInCommunicateThru()
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(Pn532ManagerRig.Hsu, false);
            UltralightCard card = new UltralightCard(TestSupport.Hex("04 A1 B2 C3 D4 E5 F6"));
            rig.Chip.PlaceCard(card);
            int handle = rig.Connect();

            Assert.AreEqual("D5 43 00 " + TestSupport.ToHex(card.Memory, 0, 16), rig.Control(handle, DirectCommandPcscLite, "D4 42 30 00", Capacity), "Ultralight READ of pages 0..3");
            rig.Manager.Disconnect(handle, ScardConstants.UnpowerCard);

            rig.Chip.RemoveCard();
            Assert.IsNotNull(rig.WaitFor(ScardConstants.StateEmpty, 0), "the Ultralight left");
            rig.PlaceIsoCard(Pn532ManagerRig.IsoUid);
            handle = rig.Connect();
            string answer = rig.Control(handle, DirectCommandPcscLite, "D4 42 B2", Capacity);
            Assert.IsTrue(answer == "D5 43 00 A2" || answer == "D5 43 00 A3", "R(NAK) answered by R(ACK), libnfc's presence probe: " + answer);
            Assert.AreEqual("90 00", rig.Send(handle, Pn532ManagerRig.SelectMf), "the session goes on");
            rig.Dispose();
        }

        [TestMethod]
        public void CommandsThatWouldChangeTheChipBehindTheDriverAreRefused()
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(Pn532ManagerRig.I2c, false);
            int direct = rig.ConnectDirect();
            string refused = ScardError.GetName(ScardError.InvalidParameter) + " 0";
            string[] commands =
            {
                "D4 10 07",             // SetSerialBaudRate 921 600
                "D4 16 F0",             // PowerDown
                "D4 14 01",             // SAMConfiguration
                "D4 12 00",             // SetParameters without automatic RATS
                "D4 32 05 FF FF FF",    // RFConfiguration: InListPassiveTarget forever
                "D4 08 63 02 00",       // WriteRegister
                "D4 4A 01 00",          // InListPassiveTarget
                "D4 52 00",             // InRelease
                "D4 60 FF 01 00",       // InAutoPoll
                "D4 8C 00",             // TgInitAsTarget
            };

            for (int i = 0; i < commands.Length; i++)
            {
                Assert.AreEqual(refused, rig.Control(direct, DirectCommandPcscLite, commands[i], Capacity), commands[i]);
            }

            Assert.AreEqual(115200, rig.Chip.SerialBaudRate, "the chip's host interface is untouched");
            Assert.AreEqual(ScardError.Success, rig.Manager.Disconnect(direct, ScardConstants.LeaveCard));
            rig.PlaceIsoCard(Pn532ManagerRig.IsoUid);
            int handle = rig.Connect();
            Assert.AreEqual("90 00", rig.Send(handle, Pn532ManagerRig.SelectMf), "the reader still works");
            rig.Dispose();
        }

        [TestMethod]
        public void BadInputIsAnInvalidParameter()
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(Pn532ManagerRig.Hsu, false);
            int direct = rig.ConnectDirect();
            string invalid = ScardError.GetName(ScardError.InvalidParameter) + " 0";

            Assert.AreEqual(invalid, rig.Control(direct, DirectCommandPcscLite, "", Capacity), "empty");
            Assert.AreEqual(invalid, rig.Control(direct, DirectCommandPcscLite, "D4", Capacity), "no command code");
            Assert.AreEqual(invalid, rig.Control(direct, DirectCommandPcscLite, "D5 02", Capacity), "not a host frame");
            Assert.AreEqual(invalid, rig.Control(direct, DirectCommandPcscLite, "D4 00 09", Capacity), "a Diagnose test the chip rejects as malformed");
            Assert.AreEqual(invalid, rig.Control(direct, DirectCommandPcscLite, "D4 00 00 " + Filler(300), Capacity), "longer than a frame carries");
            Assert.AreEqual("D5 03 32 01 06 07", rig.Control(direct, DirectCommandPcscLite, "D4 02", Capacity), "the chip is fine");
            rig.Dispose();
        }

        [TestMethod]
        public void AShortOutputBufferSaysHowMuchItNeeds()
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(Pn532ManagerRig.I2c, false);
            int direct = rig.ConnectDirect();

            Assert.AreEqual(ScardError.GetName(ScardError.InsufficientBuffer) + " 6", rig.Control(direct, DirectCommandPcscLite, "D4 02", 5));
            Assert.AreEqual("D5 03 32 01 06 07", rig.Control(direct, DirectCommandPcscLite, "D4 02", 6));
            rig.Dispose();
        }

        [TestMethod]
        public void AnotherVendorCodeIsNotSupported()
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(Pn532ManagerRig.I2c, false);
            int direct = rig.ConnectDirect();

            Assert.AreEqual(ScardError.GetName(ScardError.UnsupportedFeature) + " 0", rig.Control(direct, DirectCommandPcscLite + 1, "D4 02", Capacity));
            rig.Dispose();
        }

        private static string Filler(int count)
        {
            string text = "";
            for (int i = 0; i < count; i++)
            {
                text += "00 ";
            }

            return text;
        }
    }
}
