#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.T1
{
    /// <summary>Error-free T=1 exchanges: IFSD negotiation, single blocks, chaining, card S-block requests.</summary>
    [TestClass]
    public class T1ProtocolTests
    {
        private const int Bwt = 1600000;

        [TestMethod]
        public void Start_SendsIfsRequestWithIfsdAndAcceptsTheEcho()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Step(TestSupport.Hex("00 C1 01 FE 3E"), TestSupport.Hex("00 E1 01 FE 1E"));
            T1Protocol t1 = new T1Protocol();
            Assert.AreEqual(SmartcardStatus.Success, t1.Start(channel, T1TestBlocks.Timing(), T1TestBlocks.Atr(0x20, false), 254));
            AssertScriptDone(channel);
            Assert.AreEqual(32, t1.Ifsc);
        }

        [TestMethod]
        public void Start_ToleratesAnRBlockAnswer()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Step(blocks.S(0xC1, "FE"), blocks.R(0, 2));
            Assert.AreEqual(SmartcardStatus.Success, new T1Protocol().Start(channel, T1TestBlocks.Timing(), T1TestBlocks.Atr(0xFE, false), 254));
            AssertScriptDone(channel);
        }

        [TestMethod]
        public void Start_RepeatsTheIfsRequestAfterAnInvalidAnswerThenGivesUp()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Step(blocks.S(0xC1, "FE"), T1TestBlocks.Corrupt(blocks.S(0xE1, "FE")));
            channel.Step(blocks.S(0xC1, "FE"), blocks.S(0xE1, "FE"));
            Assert.AreEqual(SmartcardStatus.Success, new T1Protocol().Start(channel, T1TestBlocks.Timing(), T1TestBlocks.Atr(0xFE, false), 254));
            AssertScriptDone(channel);

            ScriptedCardChannel silent = new ScriptedCardChannel();
            for (int attempt = 0; attempt <= T1Protocol.MaxRetransmissions; attempt++)
            {
                silent.Step(blocks.S(0xC1, "FE"), null);
            }

            Assert.AreEqual(SmartcardStatus.DeviceProtocolError, new T1Protocol().Start(silent, T1TestBlocks.Timing(), T1TestBlocks.Atr(0xFE, false), 254));
            AssertScriptDone(silent);
        }

        [TestMethod]
        public void Start_SendsNothingWhenTheIfsRequestIsSuppressed()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Step(blocks.I(0, false, "00 B0 00 00"), blocks.I(0, false, "90 00"));
            T1Protocol t1 = new T1Protocol();
            t1.SuppressIfsRequest = true;
            Assert.AreEqual(SmartcardStatus.Success, t1.Start(channel, T1TestBlocks.Timing(), T1TestBlocks.Atr(0xFE, false), 254));
            AssertTransmit(t1, channel, "00 B0 00 00", "90 00");
            AssertScriptDone(channel);
        }

        [TestMethod]
        public void Start_RefusesBadArguments()
        {
            T1Protocol t1 = new T1Protocol();
            Atr atr = T1TestBlocks.Atr(0xFE, false);
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t1.Start(new ScriptedCardChannel(), T1TestBlocks.Timing(), atr, 0));
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t1.Start(new ScriptedCardChannel(), T1TestBlocks.Timing(), atr, 255));
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t1.Start(null, T1TestBlocks.Timing(), atr, 254));
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t1.Start(new ScriptedCardChannel(), T1TestBlocks.Timing(), null, 254));
        }

        [TestMethod]
        public void Transmit_SingleBlocksWithLrcToggleTheSequenceNumbers()
        {
            AssertSingleBlockExchanges(false);
        }

        [TestMethod]
        public void Transmit_SingleBlocksWithCrc()
        {
            AssertSingleBlockExchanges(true);
        }

        [TestMethod]
        public void Transmit_ChainsAtIfsc32()
        {
            AssertChained(100, 0x20, 100, 32, false);
        }

        [TestMethod]
        public void Transmit_ChainsAtIfsc254()
        {
            AssertChained(600, 0xFE, 600, 254, false);
        }

        [TestMethod]
        public void Transmit_ChainsAThousandByteExtendedApduBothWaysAtIfsc32()
        {
            AssertChained(1000, 0x20, 1000, 32, false);
        }

        [TestMethod]
        public void Transmit_ChainsAThousandByteExtendedApduBothWaysAtIfsc254WithCrc()
        {
            AssertChained(1000, 0xFE, 1000, 254, true);
        }

        [TestMethod]
        public void Transmit_ChainsTheLongestExtendedCommand()
        {
            AssertChained(T1Protocol.MaxCommandLength, 0xFE, 2, 254, false);
        }

        [TestMethod]
        public void Transmit_FollowsACardIfsRequestInTheMiddleOfAChain()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            byte[] command = T1TestBlocks.Pattern(100, 1);
            ScriptedCardChannel channel = Started(blocks);
            channel.Step(blocks.I(0, true, command, 0, 32), blocks.S(0xC1, "40"));
            channel.Step(blocks.S(0xE1, "40"), blocks.R(1, 0));
            channel.Step(blocks.I(1, true, command, 32, 64), blocks.R(0, 0));
            channel.Step(blocks.I(0, false, command, 96, 4), blocks.I(0, false, "90 00"));
            AssertResponse(channel, 0x20, command, "90 00");
        }

        [TestMethod]
        public void Transmit_AnswersWtxAndMultipliesOnlyTheNextBlockWaitingTime()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            ScriptedCardChannel channel = Started(blocks);
            channel.Step(blocks.I(0, false, "80 CA 00 00"), blocks.S(0xC3, "05"));
            channel.Step(blocks.S(0xE3, "05"), blocks.I(0, true, "01 02"));
            channel.Step(blocks.R(1, 0), blocks.I(1, false, "90 00"));
            AssertResponse(channel, 0xFE, TestSupport.Hex("80 CA 00 00"), "01 02 90 00");

            Assert.AreEqual(4, channel.BlockWaits.Count);
            Assert.AreEqual(Bwt, (int)channel.BlockWaits[1], "wait for the answer to the I-block");
            Assert.AreEqual(5 * Bwt, (int)channel.BlockWaits[2], "wait after S(WTX response): BWT x 5");
            Assert.AreEqual(Bwt, (int)channel.BlockWaits[3], "the multiplier applied once");
        }

        [TestMethod]
        public void Transmit_AnswersACardAbortOfOurChainAndTakesItsAnswer()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            byte[] command = T1TestBlocks.Pattern(100, 1);
            ScriptedCardChannel channel = Started(blocks);
            channel.Step(blocks.I(0, true, command, 0, 32), blocks.S(0xC2, ""));
            channel.Step(blocks.S(0xE2, ""), blocks.I(0, false, "67 00"));
            AssertResponse(channel, 0x20, command, "67 00");
        }

        [TestMethod]
        public void Transmit_ReturnsCancelledWhenTheCardAbortsItsChainAndHandsTheTurnBack()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            ScriptedCardChannel channel = Started(blocks);
            channel.Step(blocks.I(0, false, "00 B0 00 00"), blocks.I(0, true, "01 02 03"));
            channel.Step(blocks.R(1, 0), blocks.S(0xC2, ""));
            channel.Step(blocks.S(0xE2, ""), blocks.R(1, 0));
            channel.Step(blocks.I(1, false, "00 B0 00 00"), blocks.I(1, false, "90 00"));
            T1Protocol t1 = StartedProtocol(channel, 0xFE);
            byte[] response = new byte[16];
            int length;
            Assert.AreEqual(SmartcardStatus.Cancelled, t1.Transmit(channel, T1TestBlocks.Timing(), TestSupport.Hex("00 B0 00 00"), 0, 4, response, 0, 16, out length));
            Assert.AreEqual(0, length);
            Assert.AreEqual(SmartcardStatus.Success, t1.Transmit(channel, T1TestBlocks.Timing(), TestSupport.Hex("00 B0 00 00"), 0, 4, response, 0, 16, out length));
            TestSupport.AreEqualBytes(TestSupport.Hex("90 00"), response, 0, length);
            AssertScriptDone(channel);
        }

        [TestMethod]
        public void Transmit_ReadsAnOverlongResponseToItsEndThenReportsBufferTooSmall()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            byte[] command = TestSupport.Hex("00 B0 00 00 00");
            byte[] longResponse = T1TestBlocks.Pattern(300, 7);
            ScriptedCardChannel channel = Started(blocks);
            new ChainedExchange(blocks, command, 254, longResponse, 254, 0, 0).AddTo(channel);
            channel.Step(blocks.I(1, false, command, 0, 5), blocks.I(0, false, "90 00"));
            T1Protocol t1 = StartedProtocol(channel, 0xFE);
            byte[] response = new byte[100];
            int length;
            Assert.AreEqual(SmartcardStatus.BufferTooSmall, t1.Transmit(channel, T1TestBlocks.Timing(), command, 0, 5, response, 0, 100, out length));
            Assert.AreEqual(300, length, "the length the card sent");
            Assert.AreEqual(SmartcardStatus.Success, t1.Transmit(channel, T1TestBlocks.Timing(), command, 0, 5, response, 0, 100, out length));
            TestSupport.AreEqualBytes(TestSupport.Hex("90 00"), response, 0, length);
            AssertScriptDone(channel);
        }

        [TestMethod]
        public void Transmit_RefusesCommandsOutsideFourTo65544BytesAndBadBuffers()
        {
            ScriptedCardChannel channel = Started(new T1TestBlocks(false));
            T1Protocol t1 = StartedProtocol(channel, 0xFE);
            byte[] big = new byte[T1Protocol.MaxCommandLength + 1];
            byte[] response = new byte[258];
            int length;
            CardTiming timing = T1TestBlocks.Timing();
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t1.Transmit(channel, timing, big, 0, 3, response, 0, 258, out length), "3 bytes");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t1.Transmit(channel, timing, big, 0, big.Length, response, 0, 258, out length), "65545 bytes");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t1.Transmit(channel, timing, null, 0, 4, response, 0, 258, out length), "no command");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t1.Transmit(channel, timing, big, big.Length - 2, 4, response, 0, 258, out length), "command past the end");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t1.Transmit(channel, timing, big, 0, 4, response, 10, 258, out length), "response past the end");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t1.Transmit(channel, timing, big, 0, 4, null, 0, 0, out length), "no response buffer");
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t1.Transmit(channel, timing, big, -1, 4, response, 0, 258, out length), "negative offset");
            AssertScriptDone(channel);
        }

        private static void AssertSingleBlockExchanges(bool crc)
        {
            T1TestBlocks blocks = new T1TestBlocks(crc);
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Step(blocks.S(0xC1, "FE"), blocks.S(0xE1, "FE"));
            channel.Step(blocks.I(0, false, "00 A4 04 00 02 3F 00"), blocks.I(0, false, "90 00"));
            channel.Step(blocks.I(1, false, "00 B0 00 00 02"), blocks.I(1, false, "CA FE 90 00"));
            channel.Step(blocks.I(0, false, "00 B0 00 02 01"), blocks.I(0, false, "6B 00"));
            T1Protocol t1 = new T1Protocol();
            Assert.AreEqual(SmartcardStatus.Success, t1.Start(channel, T1TestBlocks.Timing(), T1TestBlocks.Atr(0xFE, crc), 254));
            AssertTransmit(t1, channel, "00 A4 04 00 02 3F 00", "90 00");
            AssertTransmit(t1, channel, "00 B0 00 00 02", "CA FE 90 00");
            AssertTransmit(t1, channel, "00 B0 00 02 01", "6B 00");
            AssertScriptDone(channel);
        }

        private static void AssertChained(int commandLength, int ifsc, int responseLength, int cardBlockSize, bool crc)
        {
            T1TestBlocks blocks = new T1TestBlocks(crc);
            byte[] command = T1TestBlocks.Pattern(commandLength, 3);
            byte[] expected = T1TestBlocks.Pattern(responseLength, 100);
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Step(blocks.S(0xC1, "FE"), blocks.S(0xE1, "FE"));
            ChainedExchange exchange = new ChainedExchange(blocks, command, ifsc, expected, cardBlockSize, 0, 0);
            exchange.AddTo(channel);
            T1Protocol t1 = new T1Protocol();
            Assert.AreEqual(SmartcardStatus.Success, t1.Start(channel, T1TestBlocks.Timing(), T1TestBlocks.Atr(ifsc, crc), 254));
            byte[] response = new byte[responseLength + 10];
            int length;
            Assert.AreEqual(SmartcardStatus.Success, t1.Transmit(channel, T1TestBlocks.Timing(), command, 0, commandLength, response, 5, responseLength + 5, out length));
            Assert.AreEqual(responseLength, length);
            TestSupport.AreEqualBytes(expected, response, 5, length);
            AssertScriptDone(channel);
        }

        /// <summary>A channel whose script starts with the IFSD negotiation of <see cref="StartedProtocol"/>.</summary>
        internal static ScriptedCardChannel Started(T1TestBlocks blocks)
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Step(blocks.S(0xC1, "FE"), blocks.S(0xE1, "FE"));
            return channel;
        }

        internal static T1Protocol StartedProtocol(ScriptedCardChannel channel, int ifsc)
        {
            T1Protocol t1 = new T1Protocol();
            Assert.AreEqual(SmartcardStatus.Success, t1.Start(channel, T1TestBlocks.Timing(), T1TestBlocks.Atr(ifsc, false), 254));
            return t1;
        }

        /// <summary>Starts with an ATR announcing <paramref name="ifsc"/>, transmits, checks the response and that the script was played out.</summary>
        internal static void AssertResponse(ScriptedCardChannel channel, int ifsc, byte[] command, string expectedHex)
        {
            T1Protocol t1 = StartedProtocol(channel, ifsc);
            byte[] response = new byte[300];
            int length;
            Assert.AreEqual(SmartcardStatus.Success, t1.Transmit(channel, T1TestBlocks.Timing(), command, 0, command.Length, response, 0, response.Length, out length), channel.Failure);
            TestSupport.AreEqualBytes(TestSupport.Hex(expectedHex), response, 0, length);
            AssertScriptDone(channel);
        }

        private static void AssertTransmit(T1Protocol t1, ScriptedCardChannel channel, string commandHex, string expectedHex)
        {
            byte[] command = TestSupport.Hex(commandHex);
            byte[] response = new byte[300];
            int length;
            Assert.AreEqual(SmartcardStatus.Success, t1.Transmit(channel, T1TestBlocks.Timing(), command, 0, command.Length, response, 0, response.Length, out length), channel.Failure);
            TestSupport.AreEqualBytes(TestSupport.Hex(expectedHex), response, 0, length);
        }

        internal static void AssertScriptDone(ScriptedCardChannel channel)
        {
            Assert.IsNull(channel.Failure, channel.Failure);
            Assert.AreEqual(0, channel.Remaining, "script steps left unplayed");
        }
    }
}
