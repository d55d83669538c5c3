#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.T0
{
    /// <summary>The T=0 engine against scripted cards: ISO 7816-3 §10.3 procedure bytes and the §12.2 APDU cases.</summary>
    [TestClass]
    public class T0ProtocolTests
    {
        /// <summary>WT used by these tests: 1 s (WI = 10 at 9600 bd is 0.99 s).</summary>
        private const int WaitingTime = 1000000;

        private static CardTiming NewTiming()
        {
            CardTiming timing = new CardTiming();
            timing.WaitingTimeMicros = WaitingTime;
            return timing;
        }

        /// <summary>Runs one APDU through a fresh engine; returns the status and the response as hex ("" when none).</summary>
        private static SmartcardStatus Run(ScriptedCardChannel card, string apdu, out string response, out int responseLength, int capacity)
        {
            T0Protocol t0 = new T0Protocol();
            byte[] command = TestSupport.Hex(apdu);
            byte[] buffer = new byte[capacity];
            SmartcardStatus status = t0.Transmit(card, NewTiming(), command, 0, command.Length, buffer, 0, capacity, out responseLength);
            response = status == SmartcardStatus.Success ? TestSupport.ToHex(buffer, 0, responseLength) : "";
            return status;
        }

        private static string Exchange(ScriptedCardChannel card, string apdu)
        {
            string response;
            int length;
            SmartcardStatus status = Run(card, apdu, out response, out length, 300);
            Assert.AreEqual(SmartcardStatus.Success, status, "status");
            Assert.IsNull(card.Failure, card.Failure);
            Assert.IsTrue(card.Finished, "script not finished, host sent " + card.SentHex);
            return response;
        }

        [TestMethod]
        public void Case1_SendsP3Zero_AndReturnsTheStatusWord()
        {
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 70 00 01 00").Reply("90 00");
            Assert.AreEqual("90 00", Exchange(card, "00 70 00 01"));
        }

        [TestMethod]
        public void Case1_NullBytesBeforeSw1_AreSkipped()
        {
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 70 00 01 00").Reply("60 60 60 6A 81");
            Assert.AreEqual("6A 81", Exchange(card, "00 70 00 01"));
        }

        [TestMethod]
        public void Case2_InsAck_ReceivesAllBytesThenSw()
        {
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 B0 00 00 04").Reply("B0 01 02 03 04 90 00");
            Assert.AreEqual("01 02 03 04 90 00", Exchange(card, "00 B0 00 00 04"));
        }

        [TestMethod]
        public void Case2_ComplementedInsAck_ReceivesOneByteAtATime_MixedWithNullAndAck()
        {
            // ~B0 = 4F: one byte each; a NULL in between; then B0 for the rest.
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 B0 00 00 04").Reply("4F 01 4F 02 60 B0 03 04 90 00");
            Assert.AreEqual("01 02 03 04 90 00", Exchange(card, "00 B0 00 00 04"));
        }

        [TestMethod]
        public void Case2_Le00_Means256()
        {
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 B0 00 00 00");
            string data = "";
            for (int i = 0; i < 256; i++)
            {
                data += ((byte)i).ToString("X2") + " ";
            }

            card.Reply("B0 " + data + "90 00");
            string response = Exchange(card, "00 B0 00 00 00");
            Assert.AreEqual(258 * 3 - 1, response.Length, "256 data bytes + SW");
            Assert.IsTrue(response.EndsWith("FE FF 90 00"), response);
        }

        [TestMethod]
        public void Case2_6Cxx_ReissuesTheHeaderWithP3xx()
        {
            ScriptedCardChannel card = new ScriptedCardChannel()
                .Expect("00 CA 9F 7F 00").Reply("6C 02")
                .Expect("00 CA 9F 7F 02").Reply("CA AA BB 90 00");
            Assert.AreEqual("AA BB 90 00", Exchange(card, "00 CA 9F 7F 00"));
        }

        [TestMethod]
        public void Case2_6CxxLargerThanNe_ReturnsOnlyNeBytes()
        {
            ScriptedCardChannel card = new ScriptedCardChannel()
                .Expect("00 CA 9F 7F 02").Reply("6C 04")
                .Expect("00 CA 9F 7F 04").Reply("CA 11 22 33 44 90 00");
            Assert.AreEqual("11 22 90 00", Exchange(card, "00 CA 9F 7F 02"));
        }

        [TestMethod]
        public void Case2_61xx_FetchesWithGetResponse()
        {
            ScriptedCardChannel card = new ScriptedCardChannel()
                .Expect("80 CA 00 00 00").Reply("61 03")
                .Expect("80 C0 00 00 03").Reply("C0 01 02 03 90 00");
            Assert.AreEqual("01 02 03 90 00", Exchange(card, "80 CA 00 00 00"));
        }

        [TestMethod]
        public void Case3_InsAck_SendsAllData()
        {
            ScriptedCardChannel card = new ScriptedCardChannel()
                .Expect("00 D6 00 00 03").Reply("D6").Expect("01 02 03").Reply("90 00");
            Assert.AreEqual("90 00", Exchange(card, "00 D6 00 00 03 01 02 03"));
        }

        [TestMethod]
        public void Case3_ComplementedInsAck_SendsOneByteEach()
        {
            // ~D6 = 29.
            ScriptedCardChannel card = new ScriptedCardChannel()
                .Expect("00 D6 00 00 03").Reply("29").Expect("01").Reply("60 29").Expect("02").Reply("D6").Expect("03").Reply("90 00");
            Assert.AreEqual("90 00", Exchange(card, "00 D6 00 00 03 01 02 03"));
        }

        [TestMethod]
        public void Case3_SwBeforeData_EndsTheTpdu()
        {
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 D6 00 00 02").Reply("69 82");
            Assert.AreEqual("69 82", Exchange(card, "00 D6 00 00 02 01 02"));
        }

        [TestMethod]
        public void Case4_SentAsCase3_Then61xxGetResponseWithMinOfXxAndNe()
        {
            ScriptedCardChannel card = new ScriptedCardChannel()
                .Expect("00 A4 04 00 02").Reply("A4").Expect("3F 00").Reply("61 05")
                .Expect("00 C0 00 00 03").Reply("C0 01 02 03 90 00");
            Assert.AreEqual("01 02 03 90 00", Exchange(card, "00 A4 04 00 02 3F 00 03"));
        }

        [TestMethod]
        public void Case4_61xxChain_IsFollowedUntilNeBytes()
        {
            ScriptedCardChannel card = new ScriptedCardChannel()
                .Expect("00 A4 04 00 01").Reply("A4").Expect("3F").Reply("61 02")
                .Expect("00 C0 00 00 02").Reply("C0 01 02 61 02")
                .Expect("00 C0 00 00 02").Reply("C0 03 04 90 00");
            Assert.AreEqual("01 02 03 04 90 00", Exchange(card, "00 A4 04 00 01 3F 00"));
        }

        [TestMethod]
        public void Case4_61xxChain_StopsAtNe_AndReportsTheRemaining61xx()
        {
            ScriptedCardChannel card = new ScriptedCardChannel()
                .Expect("00 A4 04 00 01").Reply("A4").Expect("3F").Reply("61 02")
                .Expect("00 C0 00 00 02").Reply("C0 01 02 61 10");
            Assert.AreEqual("01 02 61 10", Exchange(card, "00 A4 04 00 01 3F 02"));
        }

        [TestMethod]
        public void Case4_9000WithoutData_GetResponseWithNe()
        {
            ScriptedCardChannel card = new ScriptedCardChannel()
                .Expect("00 88 00 00 02").Reply("88").Expect("AA BB").Reply("90 00")
                .Expect("00 C0 00 00 04").Reply("C0 01 02 03 04 90 00");
            Assert.AreEqual("01 02 03 04 90 00", Exchange(card, "00 88 00 00 02 AA BB 04"));
        }

        [TestMethod]
        public void Case4_9000ThenGetResponseRejected_Returns9000()
        {
            ScriptedCardChannel card = new ScriptedCardChannel()
                .Expect("00 88 00 00 01").Reply("88").Expect("AA").Reply("90 00")
                .Expect("00 C0 00 00 00").Reply("6D 00");
            Assert.AreEqual("90 00", Exchange(card, "00 88 00 00 01 AA 00"));
        }

        [TestMethod]
        public void Case4_GetResponseAnswered6Cxx_IsReissuedWithXx()
        {
            ScriptedCardChannel card = new ScriptedCardChannel()
                .Expect("00 88 00 00 01").Reply("88").Expect("AA").Reply("61 00")
                .Expect("00 C0 00 00 00").Reply("6C 02")
                .Expect("00 C0 00 00 02").Reply("C0 0A 0B 90 00");
            Assert.AreEqual("0A 0B 90 00", Exchange(card, "00 88 00 00 01 AA 00"));
        }

        [TestMethod]
        public void Case4_ErrorStatus_IsTheAnswerWithoutGetResponse()
        {
            ScriptedCardChannel card = new ScriptedCardChannel()
                .Expect("00 88 00 00 01").Reply("88").Expect("AA").Reply("6A 88");
            Assert.AreEqual("6A 88", Exchange(card, "00 88 00 00 01 AA 00"));
        }

        [TestMethod]
        public void UnexpectedProcedureByte_IsDeviceProtocolError_AndInputDiscarded()
        {
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 B0 00 00 02").Reply("12 34");
            string response;
            int length;
            Assert.AreEqual(SmartcardStatus.DeviceProtocolError, Run(card, "00 B0 00 00 02", out response, out length, 10));
            Assert.AreEqual(1, card.DiscardCount, "input discarded after the error");
        }

        [TestMethod]
        public void AckWhenNoDataIsLeft_IsDeviceProtocolError()
        {
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 70 00 01 00").Reply("70");
            string response;
            int length;
            Assert.AreEqual(SmartcardStatus.DeviceProtocolError, Run(card, "00 70 00 01", out response, out length, 10));
        }

        [TestMethod]
        public void SilentCard_IsIoTimeoutAfterExactlyWt()
        {
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 B0 00 00 02");
            string response;
            int length;
            Assert.AreEqual(SmartcardStatus.IoTimeout, Run(card, "00 B0 00 00 02", out response, out length, 10));
            Assert.AreEqual((long)WaitingTime, card.FakeClock.NowMicros, "gave up after WT on the virtual clock");
        }

        [TestMethod]
        public void CardSilentAfterPartOfTheData_IsIoTimeout()
        {
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 B0 00 00 04").Reply("B0 01 02");
            string response;
            int length;
            Assert.AreEqual(SmartcardStatus.IoTimeout, Run(card, "00 B0 00 00 04", out response, out length, 10));
            Assert.AreEqual(3 * ScriptedCardChannel.CharacterMicros + WaitingTime, card.FakeClock.NowMicros, "WT after the last character");
        }

        [TestMethod]
        public void NullBytes_RestartWt()
        {
            // Three waits of 0.9 WT each: 2.7 WT in all, never WT without a character.
            long wait = WaitingTime * 9L / 10;
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 70 00 01 00")
                .ReplyAfter(wait, "60").ReplyAfter(wait, "60").ReplyAfter(wait, "90 00");
            Assert.AreEqual("90 00", Exchange(card, "00 70 00 01"));
            Assert.IsTrue(card.FakeClock.NowMicros > 2 * WaitingTime, "longer than WT in all");
        }

        [TestMethod]
        public void EndlessNullBytes_EndWithIoTimeoutAfterTheNullLimit()
        {
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 70 00 01 00").ReplyForever(0x60, WaitingTime / 2);
            string response;
            int length;
            Assert.AreEqual(SmartcardStatus.IoTimeout, Run(card, "00 70 00 01", out response, out length, 10));
            long seconds = card.FakeClock.NowMicros / 1000000;
            Assert.IsTrue(seconds >= 300 && seconds <= 301, "cut off after 5 min of NULLs, at " + seconds.ToString() + " s");
        }

        [TestMethod]
        public void ParityError_IsReported()
        {
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 B0 00 00 02").Reply("B0").ReplyWithParityError("01 02").Reply("90 00");
            string response;
            int length;
            Assert.AreEqual(SmartcardStatus.ParityError, Run(card, "00 B0 00 00 02", out response, out length, 10));
        }

        [TestMethod]
        public void MalformedApdus_AreInvalidParameter_WithoutTouchingTheCard()
        {
            string[] malformed = new string[] { "", "00", "00 A4 04", "00 A4 04 00 02 3F", "00 A4 04 00 02 3F 00 00 00", "00 A4 04 00 00 00" };
            for (int i = 0; i < malformed.Length; i++)
            {
                ScriptedCardChannel card = new ScriptedCardChannel();
                string response;
                int length;
                Assert.AreEqual(SmartcardStatus.InvalidParameter, Run(card, malformed[i], out response, out length, 10), "'" + malformed[i] + "'");
                Assert.AreEqual(0, card.SentCount, "nothing sent for '" + malformed[i] + "'");
            }
        }

        [TestMethod]
        public void Ins6xOr9x_IsInvalidParameter()
        {
            ScriptedCardChannel card = new ScriptedCardChannel();
            string response;
            int length;
            Assert.AreEqual(SmartcardStatus.InvalidParameter, Run(card, "00 60 00 00", out response, out length, 10));
            Assert.AreEqual(SmartcardStatus.InvalidParameter, Run(card, "00 92 00 00 01", out response, out length, 10));
            Assert.AreEqual(0, card.SentCount);
        }

        [TestMethod]
        public void ExtendedApdu_IsNotSupportedUnderT0()
        {
            ScriptedCardChannel card = new ScriptedCardChannel();
            string response;
            int length;
            Assert.AreEqual(SmartcardStatus.NotSupported, Run(card, "00 B0 00 00 00 01 00", out response, out length, 300));
            Assert.AreEqual(SmartcardStatus.NotSupported, Run(card, "00 D6 00 00 00 00 02 01 02", out response, out length, 300));
            Assert.AreEqual(0, card.SentCount);
        }

        [TestMethod]
        public void ResponseLargerThanBuffer_IsBufferTooSmall_WithNeededLength()
        {
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 B0 00 00 04").Reply("B0 01 02 03 04 90 00");
            string response;
            int length;
            Assert.AreEqual(SmartcardStatus.BufferTooSmall, Run(card, "00 B0 00 00 04", out response, out length, 5));
            Assert.AreEqual(6, length, "needed length");
        }

        [TestMethod]
        public void BufferWithoutRoomForSw_IsRejectedBeforeSending()
        {
            ScriptedCardChannel card = new ScriptedCardChannel();
            string response;
            int length;
            Assert.AreEqual(SmartcardStatus.BufferTooSmall, Run(card, "00 70 00 01", out response, out length, 1));
            Assert.AreEqual(0, card.SentCount);
        }

        [TestMethod]
        public void BadBufferRanges_AreInvalidParameter()
        {
            T0Protocol t0 = new T0Protocol();
            ScriptedCardChannel card = new ScriptedCardChannel();
            byte[] command = TestSupport.Hex("00 70 00 01");
            byte[] response = new byte[4];
            int length;
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t0.Transmit(card, NewTiming(), command, 2, 4, response, 0, 4, out length));
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t0.Transmit(card, NewTiming(), null, 0, 4, response, 0, 4, out length));
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t0.Transmit(card, NewTiming(), command, 0, 4, response, 3, 4, out length));
            Assert.AreEqual(SmartcardStatus.InvalidParameter, t0.Transmit(card, NewTiming(), command, -1, 4, response, 0, 4, out length));
        }

        [TestMethod]
        public void EngineIsReusable_AcrossApdus()
        {
            T0Protocol t0 = new T0Protocol();
            ScriptedCardChannel card = new ScriptedCardChannel()
                .Expect("00 B0 00 00 02").Reply("B0 01 02 90 00")
                .Expect("00 B0 00 00 01").Reply("B0 03 90 00");
            byte[] response = new byte[8];
            byte[] first = TestSupport.Hex("00 B0 00 00 02");
            byte[] second = TestSupport.Hex("00 B0 00 00 01");
            int length;
            Assert.AreEqual(SmartcardStatus.Success, t0.Transmit(card, NewTiming(), first, 0, first.Length, response, 0, 8, out length));
            Assert.AreEqual("01 02 90 00", TestSupport.ToHex(response, 0, length));
            Assert.AreEqual(SmartcardStatus.Success, t0.Transmit(card, NewTiming(), second, 0, second.Length, response, 0, 8, out length));
            Assert.AreEqual("03 90 00", TestSupport.ToHex(response, 0, length));
        }

        [TestMethod]
        public void WithoutWtInTheTiming_TheInitial9600EtuApply()
        {
            ScriptedCardChannel card = new ScriptedCardChannel().Expect("00 B0 00 00 02");
            T0Protocol t0 = new T0Protocol();
            byte[] command = TestSupport.Hex("00 B0 00 00 02");
            byte[] response = new byte[8];
            int length;
            CardTiming timing = new CardTiming();
            Assert.AreEqual(SmartcardStatus.IoTimeout, t0.Transmit(card, timing, command, 0, command.Length, response, 0, 8, out length));
            Assert.AreEqual(timing.EtuToMicros(9600), card.FakeClock.NowMicros);
        }
    }
}
