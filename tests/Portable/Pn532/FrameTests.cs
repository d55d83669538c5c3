#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532
{
    /// <summary>The PN532 host frame codec against the frames of UM0701-02 §6.2.1 quoted in the reference §3.1/§3.2.</summary>
    [TestClass]
    public class FrameTests
    {
        [TestMethod]
        public void GetFirmwareVersionCommandFrameMatchesTheReference()
        {
            byte[] frame = new byte[16];
            int length = Pn532FrameWriter.WriteCommand(Pn532Command.GetFirmwareVersion, null, 0, 0, frame, 0);
            Assert.AreEqual("00 00 FF 02 FE D4 02 2A 00", TestSupport.ToHex(frame, 0, length));
        }

        [TestMethod]
        public void FirmwareVersionResponseFrameMatchesTheTrace()
        {
            byte[] frame = new byte[16];
            int length = Pn532FrameWriter.WriteResponse(Pn532Command.GetFirmwareVersion, TestSupport.Hex("32 01 06 07"), 0, 4, frame, 0);
            Assert.AreEqual("00 00 FF 06 FA D5 03 32 01 06 07 E8 00", TestSupport.ToHex(frame, 0, length));
        }

        [TestMethod]
        public void AckNackAndErrorFramesAreWritten()
        {
            byte[] frame = new byte[8];
            Assert.AreEqual("00 00 FF 00 FF 00", TestSupport.ToHex(frame, 0, Pn532FrameWriter.WriteAck(frame, 0)));
            Assert.AreEqual("00 00 FF FF 00 00", TestSupport.ToHex(frame, 0, Pn532FrameWriter.WriteNack(frame, 0)));
            Assert.AreEqual("00 00 FF 01 FF 7F 81 00", TestSupport.ToHex(frame, 0, Pn532FrameWriter.WriteApplicationError(frame, 0)));
        }

        [TestMethod]
        public void WriterRefusesWhatDoesNotFit()
        {
            byte[] small = new byte[8];
            Assert.AreEqual(0, Pn532FrameWriter.WriteCommand(Pn532Command.Diagnose, TestSupport.Hex("00"), 0, 1, small, 0));
            Assert.AreEqual(0, Pn532FrameWriter.WriteAck(small, 3));
            byte[] big = new byte[400];
            byte[] parameters = new byte[264];
            Assert.AreEqual(0, Pn532FrameWriter.WriteCommand(Pn532Command.InDataExchange, parameters, 0, 264, big, 0));
            Assert.AreEqual(0, Pn532FrameWriter.WriteCommand(Pn532Command.InDataExchange, parameters, 200, 100, big, 0));
        }

        [TestMethod]
        public void DecodesAnInformationFrameAfterJunk()
        {
            byte[] bytes = TestSupport.Hex("55 AA 00 00 00 FF 06 FA D5 03 32 01 06 07 E8 00 11");
            int bodyOffset;
            int bodyLength;
            int consumed;
            Assert.AreEqual((int)Pn532FrameKind.Information, (int)Pn532FrameReader.Decode(bytes, 0, bytes.Length, out bodyOffset, out bodyLength, out consumed));
            Assert.AreEqual(8, bodyOffset);
            Assert.AreEqual(6, bodyLength);
            Assert.AreEqual(16, consumed);
            Assert.IsTrue(Pn532FrameReader.IsResponseTo(bytes, bodyOffset, bodyLength, Pn532Command.GetFirmwareVersion), "D5 03 answers 02");
            Assert.IsFalse(Pn532FrameReader.IsResponseTo(bytes, bodyOffset, bodyLength, Pn532Command.GetGeneralStatus), "D5 03 does not answer 04");
            Assert.IsFalse(Pn532FrameReader.IsCommand(bytes, bodyOffset, bodyLength), "TFI D5 is not a command");
        }

        [TestMethod]
        public void DecodesAckNackAndApplicationError()
        {
            Assert.AreEqual((int)Pn532FrameKind.Ack, (int)Kind("00 00 FF 00 FF 00"));
            Assert.AreEqual((int)Pn532FrameKind.Nack, (int)Kind("00 00 FF FF 00 00"));
            Assert.AreEqual((int)Pn532FrameKind.ApplicationError, (int)Kind("00 00 FF 01 FF 7F 81 00"));
            Assert.AreEqual((int)Pn532FrameKind.Ack, (int)Kind("00 FF 00 FF 00"), "the preamble is optional");
        }

        [TestMethod]
        public void DamagedFramesAreReported()
        {
            Assert.AreEqual((int)Pn532FrameKind.Damaged, (int)Kind("00 00 FF 06 FB D5 03 32 01 06 07 E8 00"), "LCS");
            Assert.AreEqual((int)Pn532FrameKind.Damaged, (int)Kind("00 00 FF 06 FA D5 03 32 01 06 07 E9 00"), "DCS");
            Assert.AreEqual((int)Pn532FrameKind.Damaged, (int)Kind("00 00 FF 06 FA D5 03 32 01 06 07 E8 01"), "postamble");
            Assert.AreEqual((int)Pn532FrameKind.Damaged, (int)Kind("00 00 FF 00 FF 55"), "ACK postamble");
            Assert.AreEqual((int)Pn532FrameKind.Damaged, (int)Kind("00 00 FF 00 00 00"), "LEN 0 carries no TFI");
            Assert.AreEqual((int)Pn532FrameKind.Damaged, (int)Kind("00 00 FF FF FF 01 0B F4"), "extended LEN above 265");
        }

        [TestMethod]
        public void RangesOutsideTheBufferAreRefusedNotThrown()
        {
            byte[] bytes = TestSupport.Hex("00 00 FF 00 FF 00");
            int bodyOffset;
            int bodyLength;
            int consumed;
            Assert.AreEqual((int)Pn532FrameKind.Damaged, (int)Pn532FrameReader.Decode(null, 0, 6, out bodyOffset, out bodyLength, out consumed));
            Assert.AreEqual((int)Pn532FrameKind.Damaged, (int)Pn532FrameReader.Decode(bytes, 2, 6, out bodyOffset, out bodyLength, out consumed));
            Assert.AreEqual((int)Pn532FrameKind.Damaged, (int)Pn532FrameReader.Decode(bytes, -1, 3, out bodyOffset, out bodyLength, out consumed));
            Assert.AreEqual(0, Pn532FrameReader.RemainingLength(bytes, 0, -1));
        }

        [TestMethod]
        public void ExtendedFrameRoundTrips()
        {
            byte[] parameters = new byte[262];
            for (int i = 0; i < parameters.Length; i++)
            {
                parameters[i] = (byte)(i * 7);
            }

            byte[] frame = new byte[Pn532Frame.MaxFrameLength];
            int length = Pn532FrameWriter.WriteCommand(Pn532Command.InDataExchange, parameters, 0, parameters.Length, frame, 0);
            Assert.AreEqual(264 + Pn532Frame.ExtendedOverhead, length);
            Assert.AreEqual("00 00 FF FF FF 01 08 F7 D4 40", TestSupport.ToHex(frame, 0, 10));
            int bodyOffset;
            int bodyLength;
            int consumed;
            Assert.AreEqual((int)Pn532FrameKind.Information, (int)Pn532FrameReader.Decode(frame, 0, length, out bodyOffset, out bodyLength, out consumed));
            Assert.AreEqual(264, bodyLength);
            Assert.AreEqual(length, consumed);
            Assert.IsTrue(Pn532FrameReader.IsCommand(frame, bodyOffset, bodyLength), "TFI D4");
            TestSupport.AreEqualBytes(parameters, frame, bodyOffset + 2, parameters.Length);
        }

        [TestMethod]
        public void NormalFrameUpToLen255()
        {
            byte[] parameters = new byte[253];
            byte[] frame = new byte[Pn532Frame.MaxFrameLength];
            int length = Pn532FrameWriter.WriteCommand(Pn532Command.Diagnose, parameters, 0, parameters.Length, frame, 0);
            Assert.AreEqual(255 + Pn532Frame.NormalOverhead, length);
            Assert.AreEqual("00 00 FF FF 01", TestSupport.ToHex(frame, 0, 5));
            Assert.AreEqual((int)Pn532FrameKind.Information, (int)Kind(frame, length));
        }

        [TestMethod]
        public void RemainingLengthGrowsToTheWholeFrame()
        {
            byte[] frame = TestSupport.Hex("00 00 FF 06 FA D5 03 32 01 06 07 E8 00");
            Assert.AreEqual(6, Pn532FrameReader.RemainingLength(frame, 0, 0));
            Assert.AreEqual(2, Pn532FrameReader.RemainingLength(frame, 0, 3));
            Assert.AreEqual(8, Pn532FrameReader.RemainingLength(frame, 0, 5));
            Assert.AreEqual(1, Pn532FrameReader.RemainingLength(frame, 0, 12));
            Assert.AreEqual(0, Pn532FrameReader.RemainingLength(frame, 0, 13));
            byte[] ack = TestSupport.Hex("00 00 FF 00 FF 00");
            Assert.AreEqual(1, Pn532FrameReader.RemainingLength(ack, 0, 5));
            byte[] extended = TestSupport.Hex("00 00 FF FF FF 01 08 F7");
            Assert.AreEqual(3, Pn532FrameReader.RemainingLength(extended, 0, 5));
            Assert.AreEqual(266, Pn532FrameReader.RemainingLength(extended, 0, 8));
            byte[] badLength = TestSupport.Hex("00 00 FF 06 FB");
            Assert.AreEqual(0, Pn532FrameReader.RemainingLength(badLength, 0, 5));
        }

        [TestMethod]
        public void EveryPartialFrameIsIncomplete()
        {
            byte[] frame = TestSupport.Hex("00 00 FF 06 FA D5 03 32 01 06 07 E8 00");
            for (int n = 0; n < frame.Length; n++)
            {
                Assert.AreEqual((int)Pn532FrameKind.Incomplete, (int)Kind(frame, n), "prefix of " + n.ToString());
            }
        }

        private static Pn532FrameKind Kind(string hex)
        {
            byte[] bytes = TestSupport.Hex(hex);
            return Kind(bytes, bytes.Length);
        }

        private static Pn532FrameKind Kind(byte[] bytes, int count)
        {
            int bodyOffset;
            int bodyLength;
            int consumed;
            return Pn532FrameReader.Decode(bytes, 0, count, out bodyOffset, out bodyLength, out consumed);
        }
    }
}
