#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Uart;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.EndToEnd
{
    /// <summary>
    /// A line with only I/O (no RST, VCC, CLK or card detect), as a card served over a serial device is
    /// wired: resets are the in-band FF FF of docs/architecture.md, sent at whatever rate the card uses.
    /// </summary>
    [TestClass]
    public class EndToEndInBandResetTests
    {
        [TestMethod]
        public void ColdResetWithoutRstWire()
        {
            SmartcardDevice device = RstLessDevice(CardProfile.DirectT0());
            int selected;

            Assert.AreEqual(SmartcardStatus.Success, device.Power(PowerAction.ColdReset));
            Assert.AreEqual(SmartcardStatus.Success, device.SetProtocol(Protocols.T0, out selected));
            Assert.AreEqual("00 01 90 00", Transmit(device, Protocols.T0, "80 10 00 02 02"));
        }

        [TestMethod]
        public void ResetAfterPpsIsSentAtTheNegotiatedRate()
        {
            SmartcardDevice device = RstLessDevice(CardProfile.DualT0T1());
            Assert.AreEqual(SmartcardStatus.Success, device.Power(PowerAction.ColdReset));
            int selected;
            Assert.AreEqual(SmartcardStatus.Success, device.SetProtocol(Protocols.T1, out selected));
            Assert.AreEqual("00 01 90 00", Transmit(device, Protocols.T1, "80 10 00 02 02"));

            Assert.AreEqual(SmartcardStatus.Success, device.Power(PowerAction.WarmReset));

            Assert.AreEqual(SmartcardStatus.Success, device.SetProtocol(Protocols.T0, out selected));
            Assert.AreEqual("00 01 90 00", Transmit(device, Protocols.T0, "80 10 00 02 02"));
        }

        [TestMethod]
        public void InverseCardResetsInBandTwice()
        {
            SmartcardDevice device = RstLessDevice(CardProfile.InverseT0());

            Assert.AreEqual(SmartcardStatus.Success, device.Power(PowerAction.ColdReset));
            Assert.AreEqual(SmartcardStatus.Success, device.Power(PowerAction.ColdReset));

            Assert.IsTrue(device.Atr.InverseConvention, "TS = 3F");
            int selected;
            Assert.AreEqual(SmartcardStatus.Success, device.SetProtocol(Protocols.T0, out selected));
            Assert.AreEqual("00 01 90 00", Transmit(device, Protocols.T0, "80 10 00 02 02"));
        }

        private static SmartcardDevice RstLessDevice(CardProfile profile)
        {
            VirtualClock clock = new VirtualClock(1000);
            SimUartLine line = new SimUartLine(clock, true);
            SimulatedCard card = new SimulatedCard(profile);
            card.Connect(line, null, null, null);
            UartCardReader reader = new UartCardReader(new UartReaderOptions(), line, clock, null, null, null, null);
            SmartcardDevice device = new SmartcardDevice(reader);
            Assert.AreEqual(SmartcardStatus.Success, device.Open());
            return device;
        }

        private static string Transmit(SmartcardDevice device, int protocol, string command)
        {
            byte[] apdu = TestSupport.Hex(command);
            byte[] response = new byte[258];
            int length;
            SmartcardStatus status = device.Transmit(protocol, apdu, 0, apdu.Length, response, 0, response.Length, out length);
            return status == SmartcardStatus.Success ? TestSupport.ToHex(response, 0, length) : "status " + ((int)status).ToString("X8");
        }
    }
}
