#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Uart;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Uart
{
    /// <summary>The character channel: echo, guard time, turnaround, convention, parity and time-outs.</summary>
    [TestClass]
    public class UartChannelTests
    {
        private const int Second = 1000000;

        [TestMethod]
        public void EchoIsRemovedBeforeTheReply()
        {
            UartRig rig = PoweredRig(null);
            rig.Card.ReplyAfter(5, TestSupport.Hex("A4 90 00"));
            byte[] reply = new byte[3];
            int received;

            Assert.AreEqual(SmartcardStatus.Success, rig.Reader.Send(TestSupport.Hex("00 A4 04 00 02"), 0, 5));
            Assert.AreEqual(SmartcardStatus.Success, rig.Reader.Receive(reply, 0, 3, Second, Second, out received));

            Assert.AreEqual("A4 90 00", TestSupport.ToHex(reply, 0, received));
            Assert.AreEqual("00 A4 04 00 02", TestSupport.ToHex(rig.Card.HostData, 0, 5));
        }

        [TestMethod]
        public void EchoMismatchIsADeviceError()
        {
            UartRig rig = PoweredRig(null);
            CorruptingLine corrupting = new CorruptingLine(rig.Line);
            UartCardReader reader = new UartCardReader(rig.Options, corrupting, rig.Clock, rig.Reset, rig.Vcc, null, rig.Clk);
            reader.Open();
            int length;
            Assert.AreEqual(SmartcardStatus.Success, reader.Power(PowerAction.ColdReset, rig.AtrBuffer, 0, out length));
            corrupting.CorruptNextRead = true;

            Assert.AreEqual(SmartcardStatus.IoDeviceError, reader.Send(TestSupport.Hex("00 B0 00 00 10"), 0, 5));
        }

        [TestMethod]
        public void TwoWireLineHasNoEchoToRemove()
        {
            Assert.AreEqual(SmartcardStatus.Success, SendOverTwoWireLine(false));
        }

        [TestMethod]
        public void LineEchoesOptionExpectsTheEchoTheLineCannotReport()
        {
            Assert.AreEqual(SmartcardStatus.IoDeviceError, SendOverTwoWireLine(true), "no echo came back");
        }

        [TestMethod]
        public void CharactersAreSpacedByTheGuardTime()
        {
            UartRig rig = PoweredRig(null);
            Assert.AreEqual(SmartcardStatus.Success, rig.ApplyTiming(12 + 10, false));
            int first = rig.Card.HostCount;

            rig.Reader.Send(TestSupport.Hex("00 B0 00 00 10"), 0, 5);

            for (int i = first + 1; i < first + 5; i++)
            {
                long spacing = rig.Card.HostStartMicros[i] - rig.Card.HostStartMicros[i - 1];
                Assert.IsTrue(spacing >= rig.EtuMicros(22), "at least 22 etu between leading edges");
                Assert.IsTrue(spacing <= rig.EtuMicros(22) + 2, "no more than needed");
            }
        }

        [TestMethod]
        public void WithoutExtraGuardTimeCharactersAreTwelveEtuApart()
        {
            UartRig rig = PoweredRig(null);

            rig.Reader.Send(TestSupport.Hex("00 B0 00 00 10"), 0, 5);

            long spacing = rig.Card.HostStartMicros[4] - rig.Card.HostStartMicros[3];
            Assert.IsTrue(spacing >= rig.EtuMicros(12) && spacing <= rig.EtuMicros(12) + 1, "12 etu");
        }

        [TestMethod]
        public void ElevenEtuGuardTimeUsesOneStopBit()
        {
            UartRig rig = PoweredRig(null);

            Assert.AreEqual(SmartcardStatus.Success, rig.ApplyTiming(11, false));

            Assert.AreEqual((int)UartStopBits.One, (int)rig.Line.StopBits);
        }

        [TestMethod]
        public void SendWaitsForTheTurnaroundAfterAReception()
        {
            UartRig rig = PoweredRig(null);
            rig.Card.ReplyAfter(1, TestSupport.Hex("60"));
            byte[] reply = new byte[1];
            int received;
            rig.Reader.Send(TestSupport.Hex("80"), 0, 1);
            rig.Reader.Receive(reply, 0, 1, Second, Second, out received);
            long lastReceivedEnd = rig.Clock.NowMicros;

            rig.Reader.Send(TestSupport.Hex("81"), 0, 1);

            Assert.IsTrue(rig.Card.HostStartMicros[1] - lastReceivedEnd >= rig.EtuMicros(16), "16 etu turnaround");
        }

        [TestMethod]
        public void InverseConventionIsEncodedAndDecoded()
        {
            UartRig rig = new UartRig(null, true, true);
            rig.Reader.Open();
            rig.Card.Inverse = true;
            rig.Card.Atr = TestSupport.Hex("3F 00");
            Assert.AreEqual(SmartcardStatus.Success, rig.ColdReset());
            Assert.AreEqual(SmartcardStatus.Success, rig.ApplyTiming(12, true));
            rig.Card.ReplyAfter(3, TestSupport.Hex("90 00"));
            byte[] reply = new byte[2];
            int received;

            Assert.AreEqual(SmartcardStatus.Success, rig.Reader.Send(TestSupport.Hex("00 C0 3B"), 0, 3));
            Assert.AreEqual(SmartcardStatus.Success, rig.Reader.Receive(reply, 0, 2, Second, Second, out received));

            Assert.AreEqual("90 00", TestSupport.ToHex(reply, 0, received));
            Assert.AreEqual((int)ScriptedCardPeer.InverseByte(0x3B), (int)rig.Card.HostData[2]);
            Assert.IsFalse(SimUartLine.ParityMatches(rig.Card.HostData[2], rig.Card.HostParity[2], UartParity.Even), "odd parity on the wire");
        }

        [TestMethod]
        public void ParityErrorIsReportedAfterEveryByteArrived()
        {
            UartRig rig = PoweredRig(null);
            rig.Card.ParityErrorIndex = 1;
            rig.Card.ReplyAfter(1, TestSupport.Hex("61 10"));
            byte[] reply = new byte[2];
            int received;
            rig.Reader.Send(TestSupport.Hex("80"), 0, 1);

            Assert.AreEqual(SmartcardStatus.ParityError, rig.Reader.Receive(reply, 0, 2, Second, Second, out received));
            Assert.AreEqual(2, received);
        }

        [TestMethod]
        public void SendAfterAFailedReceptionWaitsForTheCardToFinish()
        {
            UartRig rig = PoweredRig(null);
            rig.Card.ParityErrorIndex = 0;
            rig.Card.ReplyAfter(1, TestSupport.Hex("A1 A2 A3 90 00"));
            byte[] reply = new byte[1];
            int received;
            rig.Reader.Send(TestSupport.Hex("80"), 0, 1);
            Assert.AreEqual(SmartcardStatus.ParityError, rig.Reader.Receive(reply, 0, 1, Second, Second, out received));

            Assert.AreEqual(SmartcardStatus.Success, rig.Reader.Send(TestSupport.Hex("81"), 0, 1));

            long lastCardCharacterEnd = rig.Card.LastTransmitStartMicros + rig.EtuMicros(4 * 12 + 11);
            Assert.IsTrue(rig.Card.HostStartMicros[1] >= lastCardCharacterEnd, "sent after the card fell silent");
        }

        [TestMethod]
        public void SilentCardTimesOutAfterTheFirstCharacterTimeout()
        {
            UartRig rig = PoweredRig(null);
            byte[] reply = new byte[2];
            int received;
            long start = rig.Clock.NowMicros;

            Assert.AreEqual(SmartcardStatus.IoTimeout, rig.Reader.Receive(reply, 0, 2, 50000, 10000, out received));

            Assert.AreEqual(0, received);
            Assert.AreEqual(start + 50000, rig.Clock.NowMicros);
        }

        [TestMethod]
        public void PartialReplyTimesOutAfterTheNextCharacterTimeout()
        {
            UartRig rig = PoweredRig(null);
            rig.Card.ReplyAfter(1, TestSupport.Hex("6C"));
            byte[] reply = new byte[2];
            int received;
            rig.Reader.Send(TestSupport.Hex("80"), 0, 1);

            Assert.AreEqual(SmartcardStatus.IoTimeout, rig.Reader.Receive(reply, 0, 2, Second, 30000, out received));

            Assert.AreEqual(1, received);
        }

        [TestMethod]
        public void DiscardInputDropsPendingCharacters()
        {
            UartRig rig = PoweredRig(null);
            rig.Card.SendNow(TestSupport.Hex("11 22"));
            rig.Clock.Advance(10000);
            byte[] reply = new byte[2];
            int received;

            rig.Reader.DiscardInput();

            Assert.AreEqual(SmartcardStatus.IoTimeout, rig.Reader.Receive(reply, 0, 2, 1000, 1000, out received));
        }

        [TestMethod]
        public void BaudRateAboveTheLineLimitIsNotSupported()
        {
            UartRig rig = PoweredRig(null);
            CardTiming timing = new CardTiming();
            timing.F = 32;
            timing.D = 64;

            Assert.AreEqual(SmartcardStatus.NotSupported, rig.Reader.ApplyTiming(timing));
            Assert.AreEqual(9600, rig.Line.BaudRate);
        }

        [TestMethod]
        public void BaudRateFollowsClockFandD()
        {
            UartRig rig = PoweredRig(null);
            CardTiming timing = new CardTiming();
            timing.F = 512;
            timing.D = 8;

            Assert.AreEqual(SmartcardStatus.Success, rig.Reader.ApplyTiming(timing));
            Assert.AreEqual(55800, rig.Line.BaudRate);
        }

        [TestMethod]
        public void ChannelCallsWithoutPowerAreRefused()
        {
            UartRig rig = UartRig.Open(null);
            int received;

            Assert.AreEqual(SmartcardStatus.InvalidDeviceState, rig.Reader.Send(TestSupport.Hex("00"), 0, 1));
            Assert.AreEqual(SmartcardStatus.InvalidDeviceState, rig.Reader.Receive(new byte[1], 0, 1, 10, 10, out received));
            Assert.AreEqual(SmartcardStatus.InvalidParameter, rig.Reader.Send(null, 0, 1));
            Assert.AreEqual(SmartcardStatus.InvalidParameter, rig.Reader.Receive(new byte[1], 0, 2, 10, 10, out received));
        }

        [TestMethod]
        public void CapabilitiesComeFromTheOptions()
        {
            UartReaderOptions options = new UartReaderOptions();
            options.SerialNumber = "uart0";
            options.MaxBaudRate = 230400;
            UartRig rig = new UartRig(options, true, true);

            Assert.AreEqual(3571200, rig.Reader.Capabilities.ClockHz);
            Assert.AreEqual(9600, rig.Reader.Capabilities.DefaultDataRate);
            Assert.AreEqual(230400, rig.Reader.Capabilities.MaxDataRate);
            Assert.AreEqual(254, rig.Reader.Capabilities.MaxIfsd);
            Assert.AreEqual("uart0", rig.Reader.Capabilities.SerialNumber);
            Assert.AreSame(rig.Reader, rig.Reader.Channel);
            int length;
            Assert.AreEqual(SmartcardStatus.NotSupported, rig.Reader.Transmit(new byte[4], 0, 4, new byte[2], 0, 2, out length));
        }

        /// <summary>Powers a card on a line whose TX and RX are separate (no echo) and sends one command.</summary>
        private static SmartcardStatus SendOverTwoWireLine(bool lineEchoesOption)
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = new SimUartLine(clock, false);
            SimClockOutput clk = new SimClockOutput();
            SimOutputPin reset = new SimOutputPin(clock, false);
            ScriptedCardPeer card = new ScriptedCardPeer(clock, line, clk);
            card.WatchReset(reset);
            UartReaderOptions options = new UartReaderOptions();
            options.LineEchoes = lineEchoesOption;
            UartCardReader reader = new UartCardReader(options, line, clock, reset, null, null, clk);
            reader.Open();
            int atrLength;
            Assert.AreEqual(SmartcardStatus.Success, reader.Power(PowerAction.ColdReset, new byte[40], 0, out atrLength));
            return reader.Send(TestSupport.Hex("00 B0 00 00 10"), 0, 5);
        }

        private static UartRig PoweredRig(UartReaderOptions options)
        {
            UartRig rig = UartRig.Open(options);
            Assert.AreEqual(SmartcardStatus.Success, rig.ColdReset());
            return rig;
        }
    }
}
