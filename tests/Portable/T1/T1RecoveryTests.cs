#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.T1
{
    /// <summary>Error recovery (ISO/IEC 7816-3 §11.6.3): invalid and lost blocks, resynchronisation, a pulled card.</summary>
    [TestClass]
    public class T1RecoveryTests
    {
        [TestMethod]
        public void EveryBlockOfAChainedExchangeRecoversFromEachFault_Ifsc32Lrc()
        {
            AssertEveryFaultRecovers(100, 0x20, 70, 30, false);
        }

        [TestMethod]
        public void EveryBlockOfAThousandByteExchangeRecoversFromEachFault_Ifsc254Crc()
        {
            AssertEveryFaultRecovers(1000, 0xFE, 1000, 254, true);
        }

        [TestMethod]
        public void AnInvalidBlockAfterAnErrorRBlockRepeatsThatSameRBlock()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            ScriptedCardChannel channel = T1ProtocolTests.Started(blocks);
            channel.Step(blocks.I(0, false, "00 B0 00 00"), T1TestBlocks.Corrupt(blocks.I(0, false, "90 00")));
            channel.Step(blocks.R(0, 1), null);
            channel.Step(blocks.R(0, 1), blocks.I(0, false, "90 00"));
            T1ProtocolTests.AssertResponse(channel, 0xFE, TestSupport.Hex("00 B0 00 00"), "90 00");
        }

        [TestMethod]
        public void AParityErrorIsReportedAsAnEdcError()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            ScriptedCardChannel channel = T1ProtocolTests.Started(blocks);
            channel.StepWithParityError(blocks.I(0, false, "00 B0 00 00"), blocks.I(0, false, "90 00"));
            channel.Step(blocks.R(0, 1), blocks.I(0, false, "90 00"));
            T1ProtocolTests.AssertResponse(channel, 0xFE, TestSupport.Hex("00 B0 00 00"), "90 00");
        }

        [TestMethod]
        public void LenFFIsAnOtherError()
        {
            AssertRejectedWithOtherError(TestSupport.Hex("00 00 FF 01 02 03"));
        }

        [TestMethod]
        public void AWrongNsFromTheCardIsAnOtherError()
        {
            AssertRejectedWithOtherError(new T1TestBlocks(false).I(1, false, "90 00"));
        }

        [TestMethod]
        public void AWrongNadIsAnOtherError()
        {
            byte[] block = TestSupport.Hex("10 00 02 90 00 00");
            block[5] = Edc.ComputeLrc(block, 0, 5);
            AssertRejectedWithOtherError(block);
        }

        [TestMethod]
        public void ABlockCutShortIsAnOtherError()
        {
            AssertRejectedWithOtherError(T1TestBlocks.Truncate(new T1TestBlocks(false).I(0, false, "90 00"), 4));
        }

        [TestMethod]
        public void AResynchRequestFromTheCardIsAnOtherError()
        {
            AssertRejectedWithOtherError(new T1TestBlocks(false).S(0xC0, ""));
        }

        [TestMethod]
        public void FourFailuresResynchroniseAndRestartTheApduWithTheAtrIfsc()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            byte[] command = T1TestBlocks.Pattern(100, 1);
            ScriptedCardChannel channel = T1ProtocolTests.Started(blocks);
            channel.Step(blocks.I(0, true, command, 0, 32), blocks.S(0xC1, "40"));
            channel.Step(blocks.S(0xE1, "40"), blocks.R(1, 0));
            byte[] second = blocks.I(1, true, command, 32, 64);
            channel.Step(second, T1TestBlocks.Corrupt(blocks.R(0, 0)));
            channel.Step(blocks.R(0, 1), null);
            channel.Step(blocks.R(0, 1), T1TestBlocks.Corrupt(blocks.R(0, 0)));
            channel.Step(blocks.R(0, 1), T1TestBlocks.Corrupt(blocks.R(0, 0)));
            channel.Step(blocks.S(0xC0, ""), blocks.S(0xE0, ""));
            new ChainedExchange(blocks, command, 32, TestSupport.Hex("90 00"), 254, 0, 0).AddTo(channel);
            T1ProtocolTests.AssertResponse(channel, 0x20, command, "90 00");
        }

        [TestMethod]
        public void ThreeResynchronisationsThenDeviceProtocolError()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            byte[] command = TestSupport.Hex("00 B0 00 00");
            ScriptedCardChannel channel = T1ProtocolTests.Started(blocks);
            for (int attempt = 0; attempt <= T1Protocol.MaxResynchs; attempt++)
            {
                if (attempt > 0)
                {
                    channel.Step(blocks.S(0xC0, ""), blocks.S(0xE0, ""));
                }

                channel.Step(blocks.I(0, false, command, 0, 4), null);
                for (int retry = 0; retry < T1Protocol.MaxRetransmissions; retry++)
                {
                    channel.Step(blocks.R(0, 2), null);
                }
            }

            AssertTransmitFails(channel, command, SmartcardStatus.DeviceProtocolError);
        }

        [TestMethod]
        public void AnUnansweredResynchRequestIsRepeatedThreeTimesThenDeviceProtocolError()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            byte[] command = TestSupport.Hex("00 B0 00 00");
            ScriptedCardChannel channel = T1ProtocolTests.Started(blocks);
            channel.Step(blocks.I(0, false, command, 0, 4), null);
            for (int retry = 0; retry < T1Protocol.MaxRetransmissions; retry++)
            {
                channel.Step(blocks.R(0, 2), null);
            }

            channel.Step(blocks.S(0xC0, ""), null);
            channel.Step(blocks.S(0xC0, ""), blocks.R(0, 0));
            channel.Step(blocks.S(0xC0, ""), T1TestBlocks.Corrupt(blocks.S(0xE0, "")));
            AssertTransmitFails(channel, command, SmartcardStatus.DeviceProtocolError);
        }

        [TestMethod]
        public void ACardThatRequestsWtxForEverIsGivenUpOnAfterABoundedNumberOfBlocks()
        {
            EndlessWtxCard card = new EndlessWtxCard();
            T1Protocol t1 = new T1Protocol();
            t1.SuppressIfsRequest = true;
            Assert.AreEqual(SmartcardStatus.Success, t1.Start(card, T1TestBlocks.Timing(), T1TestBlocks.Atr(0xFE, false), 254));
            byte[] response = new byte[16];
            int length;
            Assert.AreEqual(SmartcardStatus.DeviceProtocolError, t1.Transmit(card, T1TestBlocks.Timing(), TestSupport.Hex("00 B0 00 00"), 0, 4, response, 0, 16, out length));
            Assert.IsTrue(card.BlocksReceived < 1000000, "blocks sent: " + card.BlocksReceived.ToString());
        }

        [TestMethod]
        public void APulledCardEndsTheExchangeAtOnce()
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            byte[] command = T1TestBlocks.Pattern(100, 1);
            ScriptedCardChannel channel = T1ProtocolTests.Started(blocks);
            channel.Step(blocks.I(0, true, command, 0, 32), blocks.R(1, 0));
            channel.StepThenCardPulled(blocks.I(1, true, command, 32, 32));
            AssertTransmitFails(channel, command, SmartcardStatus.NoMedia);
        }

        private static void AssertEveryFaultRecovers(int commandLength, int ifsc, int responseLength, int cardBlockSize, bool crc)
        {
            T1TestBlocks blocks = new T1TestBlocks(crc);
            byte[] command = T1TestBlocks.Pattern(commandLength, 9);
            byte[] expected = T1TestBlocks.Pattern(responseLength, 50);
            ChainedExchange exchange = new ChainedExchange(blocks, command, ifsc, expected, cardBlockSize, 0, 0);
            T1Fault[] faults = { T1Fault.HostBlockCorrupted, T1Fault.HostBlockLost, T1Fault.CardBlockCorrupted, T1Fault.CardBlockLost };
            for (int position = 0; position < exchange.StepCount; position++)
            {
                for (int f = 0; f < faults.Length; f++)
                {
                    string what = "fault " + f.ToString() + " at block " + position.ToString();
                    ScriptedCardChannel channel = new ScriptedCardChannel();
                    channel.Step(blocks.S(0xC1, "FE"), blocks.S(0xE1, "FE"));
                    exchange.AddWithFault(channel, position, faults[f]);
                    ChainedExchange next = new ChainedExchange(blocks, TestSupport.Hex("00 C0 00 00"), ifsc, TestSupport.Hex("90 00"), cardBlockSize, exchange.HostNsAfter, exchange.CardNsAfter);
                    next.AddTo(channel);

                    T1Protocol t1 = new T1Protocol();
                    Assert.AreEqual(SmartcardStatus.Success, t1.Start(channel, T1TestBlocks.Timing(), T1TestBlocks.Atr(ifsc, crc), 254), what);
                    byte[] response = new byte[responseLength];
                    int length;
                    SmartcardStatus status = t1.Transmit(channel, T1TestBlocks.Timing(), command, 0, command.Length, response, 0, response.Length, out length);
                    Assert.AreEqual(SmartcardStatus.Success, status, what + ": " + channel.Failure);
                    Assert.AreEqual(TestSupport.ToHex(expected), TestSupport.ToHex(response, 0, length), what);

                    // The sequence numbers are still in step: the next APDU goes through.
                    status = t1.Transmit(channel, T1TestBlocks.Timing(), TestSupport.Hex("00 C0 00 00"), 0, 4, response, 0, response.Length, out length);
                    Assert.AreEqual(SmartcardStatus.Success, status, what + ", next APDU: " + channel.Failure);
                    Assert.IsNull(channel.Failure, what + ": " + channel.Failure);
                    Assert.AreEqual(0, channel.Remaining, what + ": script steps left unplayed");
                }
            }
        }

        /// <summary>The card's answer to a one-block command is rejected with R(0, other error), then sent again correctly.</summary>
        private static void AssertRejectedWithOtherError(byte[] badReply)
        {
            T1TestBlocks blocks = new T1TestBlocks(false);
            ScriptedCardChannel channel = T1ProtocolTests.Started(blocks);
            channel.Step(blocks.I(0, false, "00 B0 00 00"), badReply);
            channel.Step(blocks.R(0, 2), blocks.I(0, false, "90 00"));
            T1ProtocolTests.AssertResponse(channel, 0xFE, TestSupport.Hex("00 B0 00 00"), "90 00");
        }

        private static void AssertTransmitFails(ScriptedCardChannel channel, byte[] command, SmartcardStatus expected)
        {
            T1Protocol t1 = T1ProtocolTests.StartedProtocol(channel, 0x20);
            byte[] response = new byte[16];
            int length;
            Assert.AreEqual(expected, t1.Transmit(channel, T1TestBlocks.Timing(), command, 0, command.Length, response, 0, response.Length, out length), channel.Failure);
            Assert.AreEqual(0, length);
            T1ProtocolTests.AssertScriptDone(channel);
        }
    }
}
