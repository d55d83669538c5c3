#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Uart;

namespace EmbeddedSmartCard.Tests.EndToEnd
{
    /// <summary>T=1 end to end: IFSC 32 and 254, a 1 000-byte extended APDU chained both ways, WTX, IFSD.</summary>
    [TestClass]
    public class EndToEndT1Tests
    {
        private const int ExtendedLength = 1000;

        [TestMethod]
        public void ExtendedEchoIsChainedBothWaysAtIfsc32()
        {
            EndToEndSlot slot = T1Slot(32, false);

            AssertExtendedEcho(slot, ExtendedLength);
            Assert.AreEqual(254, slot.Card.Ifsd);
        }

        [TestMethod]
        public void ExtendedEchoIsChainedBothWaysAtIfsc254()
        {
            AssertExtendedEcho(T1Slot(254, false), ExtendedLength);
        }

        [TestMethod]
        public void ExtendedEchoWithCrc()
        {
            AssertExtendedEcho(T1Slot(32, true), ExtendedLength);
        }

        [TestMethod]
        public void WaitingTimeExtensionsAreGranted()
        {
            EndToEndSlot slot = T1Slot(32, false);

            Assert.AreEqual("01 02 03 04 90 00", slot.TransmitHex("80 14 03 04 04 01 02 03 04 04"));
        }

        [TestMethod]
        public void ShortCasesOverT1()
        {
            EndToEndSlot slot = T1Slot(32, false);

            Assert.AreEqual("90 00", slot.TransmitHex("80 12 00 00"));
            Assert.AreEqual("00 01 02 90 00", slot.TransmitHex("80 10 00 03 03"));
            Assert.AreEqual("90 00", slot.TransmitHex("80 12 00 00 02 AA BB"));
            Assert.AreEqual("AA BB 90 00", slot.TransmitHex("80 12 00 00 02 AA BB 00"));
        }

        internal static EndToEndSlot T1Slot(int ifsc, bool crc)
        {
            CardProfile profile = CardProfile.FastT1();
            profile.Ifsc = ifsc;
            profile.UseCrc = crc;
            UartReaderOptions options = new UartReaderOptions();
            options.MaxBaudRate = 230400;
            EndToEndSlot slot = EndToEndSlot.With(profile, options);
            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T1));
            return slot;
        }

        /// <summary>ECHO with extended Lc = Le = <paramref name="length"/>: the same bytes come back with 90 00.</summary>
        internal static void AssertExtendedEcho(EndToEndSlot slot, int length)
        {
            byte[] command = ExtendedEcho(length);

            Assert.AreEqual(SmartcardStatus.Success, slot.Transmit(command));

            Assert.AreEqual(length + 2, slot.ResponseLength);
            Assert.AreEqual(TestSupport.ToHex(command, 7, length), TestSupport.ToHex(slot.Response, 0, length));
            Assert.AreEqual("90 00", TestSupport.ToHex(slot.Response, length, 2));
        }

        internal static byte[] ExtendedEcho(int length)
        {
            byte[] command = new byte[7 + length + 2];
            command[0] = 0x80;
            command[1] = 0x12;
            command[5] = (byte)(length >> 8);
            command[6] = (byte)length;
            for (int i = 0; i < length; i++)
            {
                command[7 + i] = (byte)(i * 7 + 3);
            }

            command[7 + length] = (byte)(length >> 8);
            command[8 + length] = (byte)length;
            return command;
        }
    }
}
