#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Tests.Pn532Support;

namespace EmbeddedSmartCard.Tests.Pn532Acceptance
{
    /// <summary>
    /// APDUs through SCardTransmit at the PN532's limits (reference iso7816-pn532.md §3.1, §3.3): one
    /// InDataExchange carries at most 262 bytes of DataOut and of DataIn; longer commands are metachained
    /// (MI in Tg) and longer answers gathered over MI rounds, up to the virtual chip's 4 KiB buffers.
    /// What does not fit is refused with a clear code and the next APDU still works.
    /// </summary>
    [TestClass]
    public class ApduLimitTests
    {
        /// <summary>DataOut / DataIn of one InDataExchange (reference §3.3, UM0701-02 §7.3.8: 0 up to 262 bytes).</summary>
        const int FrameData = 262;

        /// <summary>The virtual PN532 gathers a metachained command and the card's answer in 4096-byte buffers.</summary>
        const int ChipBuffer = 4096;

        /// <summary>The driver's longest command: extended case 4 with 65 535 data bytes (ISO 7816-4 §5.1).</summary>
        const int LongestCommand = 4 + 3 + 65535 + 2;

        const int ExtendedHeader = 4 + 3;
        const int ExtendedLe = 2;
        const int StatusWord = 2;

        const string SelectMf = "00 A4 00 0C 02 3F 00";

        /// <summary>ECHO (CLA 80 INS 12) of <paramref name="dataLength"/> bytes, extended case 4 with Le 00 00: <paramref name="dataLength"/> + 9 bytes.</summary>
        static byte[] Echo(int dataLength)
        {
            byte[] command = new byte[ExtendedHeader + dataLength + ExtendedLe];
            command[0] = CardApplet.ClaProprietary;
            command[1] = CardApplet.InsEcho;
            command[5] = (byte)(dataLength >> 8);
            command[6] = (byte)dataLength;
            for (int i = 0; i < dataLength; i++)
            {
                command[ExtendedHeader + i] = (byte)(i * 7);
            }

            return command;
        }

        /// <summary>PATTERN (CLA 80 INS 10) asking for <paramref name="count"/> bytes, extended case 2.</summary>
        static byte[] Pattern(int count)
        {
            return new byte[] { CardApplet.ClaProprietary, CardApplet.InsPattern, (byte)(count >> 8), (byte)count, 0x00, (byte)(count >> 8), (byte)count };
        }

        static void AssertEchoed(string response, int dataLength, string message)
        {
            byte[] bytes = TestSupport.Hex(response);
            Assert.AreEqual(dataLength + StatusWord, bytes.Length, message + ": answer length");
            for (int i = 0; i < dataLength; i++)
            {
                if (bytes[i] != (byte)(i * 7))
                {
                    Assert.AreEqual((int)(byte)(i * 7), (int)bytes[i], message + ": byte " + i);
                }
            }

            Assert.AreEqual("90 00", TestSupport.ToHex(bytes, dataLength, StatusWord), message + ": status word");
        }

        static void AssertPattern(string response, int count, string message)
        {
            byte[] bytes = TestSupport.Hex(response);
            Assert.AreEqual(count + StatusWord, bytes.Length, message + ": answer length");
            for (int i = 0; i < count; i++)
            {
                if (bytes[i] != CardApplet.PatternByte(i))
                {
                    Assert.AreEqual((int)CardApplet.PatternByte(i), (int)bytes[i], message + ": byte " + i);
                }
            }

            Assert.AreEqual("90 00", TestSupport.ToHex(bytes, count, StatusWord), message + ": status word");
        }

        static Pn532ManagerRig ConnectedRig(int bus, out int handle)
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(bus, false);
            rig.Chip.PlaceCard(Pn532ManagerRig.IsoCard(Pn532ManagerRig.IsoUid));
            handle = rig.Connect();
            Assert.IsTrue(handle != 0, "connect over " + Pn532ManagerRig.BusName(bus));
            return rig;
        }

        /// <summary>Commands of one DataOut and one byte more (the first that is metachained), the longest the chip gathers, one byte beyond it, and beyond the driver's limit.</summary>
        static void Commands(int bus)
        {
            int handle;
            Pn532ManagerRig rig = ConnectedRig(bus, out handle);
            try
            {
                string on = " over " + Pn532ManagerRig.BusName(bus);
                int oneFrame = FrameData - ExtendedHeader - ExtendedLe;
                AssertEchoed(rig.Send(handle, Echo(oneFrame), ScardConstants.MaxBufferSizeExtended), oneFrame, "262-byte command" + on);
                AssertEchoed(rig.Send(handle, Echo(oneFrame + 1), ScardConstants.MaxBufferSizeExtended), oneFrame + 1, "263-byte command, metachained" + on);
                int longest = ChipBuffer - ExtendedHeader - ExtendedLe;
                AssertEchoed(rig.Send(handle, Echo(longest), ScardConstants.MaxBufferSizeExtended), longest, "4096-byte command, 16 metachained parts" + on);
                Assert.AreEqual("SCARD_E_NOT_TRANSACTED", rig.Send(handle, Echo(longest + 1), ScardConstants.MaxBufferSizeExtended), "4097 bytes overflow the chip's buffer (status 0E): the transmit fails" + on);
                Assert.AreEqual("90 00", rig.Send(handle, SelectMf), "next APDU after the overflow" + on);
                Assert.AreEqual("SCARD_E_INVALID_PARAMETER", rig.Send(handle, new byte[LongestCommand + 1], ScardConstants.MaxBufferSizeExtended), "longer than any APDU" + on);
                Assert.AreEqual("90 00", rig.Send(handle, SelectMf), "next APDU after the refusal" + on);
            }
            finally
            {
                rig.Dispose();
            }
        }

        /// <summary>Answers of one DataIn and one byte more (the first MI round), the longest the card's buffer holds, one byte beyond it, and into a buffer one byte short.</summary>
        static void Answers(int bus)
        {
            int handle;
            Pn532ManagerRig rig = ConnectedRig(bus, out handle);
            try
            {
                string on = " over " + Pn532ManagerRig.BusName(bus);
                int oneFrame = FrameData - StatusWord;
                AssertPattern(rig.Send(handle, Pattern(oneFrame), ScardConstants.MaxBufferSizeExtended), oneFrame, "262-byte answer" + on);
                AssertPattern(rig.Send(handle, Pattern(oneFrame + 1), ScardConstants.MaxBufferSizeExtended), oneFrame + 1, "263-byte answer, one MI round" + on);
                int longest = ChipBuffer - StatusWord;
                AssertPattern(rig.Send(handle, Pattern(longest), ScardConstants.MaxBufferSizeExtended), longest, "4096-byte answer over 16 MI rounds" + on);
                Assert.AreEqual("67 00", rig.Send(handle, Pattern(longest + 1), ScardConstants.MaxBufferSizeExtended), "the card cannot answer 4097 bytes: wrong length" + on);
                Assert.AreEqual("SCARD_E_INSUFFICIENT_BUFFER", rig.Send(handle, Pattern(oneFrame + 1), oneFrame + 1 + StatusWord - 1), "receive buffer one byte short" + on);
                Assert.AreEqual("90 00", rig.Send(handle, SelectMf), "next APDU after the short buffer" + on);
            }
            finally
            {
                rig.Dispose();
            }
        }

        [TestMethod]
        public void CommandLimitsOverI2c()
        {
            Commands(Pn532ManagerRig.I2c);
        }

        [TestMethod]
        public void CommandLimitsOverSpi()
        {
            Commands(Pn532ManagerRig.Spi);
        }

        [TestMethod]
        public void CommandLimitsOverHsu()
        {
            Commands(Pn532ManagerRig.Hsu);
        }

        [TestMethod]
        public void AnswerLimitsOverI2c()
        {
            Answers(Pn532ManagerRig.I2c);
        }

        [TestMethod]
        public void AnswerLimitsOverSpi()
        {
            Answers(Pn532ManagerRig.Spi);
        }

        [TestMethod]
        public void AnswerLimitsOverHsu()
        {
            Answers(Pn532ManagerRig.Hsu);
        }
    }
}
