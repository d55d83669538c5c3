#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.Simulator
{
    [TestClass]
    public class CardActivationTests
    {
        [TestMethod]
        public void ColdResetIsAnsweredWithTheAtrWithin400To40000Clocks()
        {
            CardTestRig rig = new CardTestRig(CardProfile.DirectT0());
            byte[] atr = rig.ColdReset();

            Assert.AreEqual("3B 05 80 31 80 65 B0", TestSupport.ToHex(atr));
            long delay = rig.Card.LastAtrStartMicros - rig.ResetReleasedMicros;
            // 400 clocks = 112 µs and 40 000 clocks = 11.2 ms at 3.5712 MHz (ISO 7816-3 §6.2.2, reference §1.1).
            Assert.IsTrue(delay >= 112 && delay <= 11200, "ATR start " + delay.ToString() + " µs after RST");
            Assert.AreEqual(1, rig.Card.ResetCount);
            Assert.AreEqual(0, rig.Line.ReceiveErrorCount);
        }

        [TestMethod]
        public void AtrCharactersAreTwelveEtuApart()
        {
            CardTestRig rig = new CardTestRig(CardProfile.DirectT0());
            rig.Vcc.Write(true);
            rig.Clk.Start(CardTestRig.ClockHz);
            rig.Reset.Write(true);
            byte[] buffer = new byte[2];

            rig.Line.Read(buffer, 0, 1, CardTestRig.AnswerTimeoutMicros);
            long first = rig.Clock.NowMicros;
            rig.Line.Read(buffer, 1, 1, CardTestRig.AnswerTimeoutMicros);
            Assert.AreEqual(CardTestRig.InitialCharacterMicros, rig.Clock.NowMicros - first);
        }

        [TestMethod]
        public void NoAtrWithoutClockOrWithRstLow()
        {
            CardTestRig rig = new CardTestRig(CardProfile.DirectT0());
            byte[] buffer = new byte[4];
            rig.Vcc.Write(true);
            rig.Reset.Write(true);
            Assert.AreEqual(0, rig.Line.Read(buffer, 0, 4, 50000), "no CLK");

            rig.Reset.Write(false);
            rig.Clk.Start(CardTestRig.ClockHz);
            Assert.AreEqual(0, rig.Line.Read(buffer, 0, 4, 50000), "RST held low");
        }

        [TestMethod]
        public void RstLowDuringTheAtrStopsIt()
        {
            CardTestRig rig = new CardTestRig(CardProfile.DirectT0());
            byte[] buffer = new byte[8];
            rig.Vcc.Write(true);
            rig.Clk.Start(CardTestRig.ClockHz);
            rig.Reset.Write(true);
            Assert.AreEqual(1, rig.Line.Read(buffer, 0, 1, 50000));
            rig.Reset.Write(false);
            rig.Clock.Advance(100000);
            rig.Line.DiscardInput();
            Assert.AreEqual(0, rig.Line.Read(buffer, 0, 8, 50000));
        }

        [TestMethod]
        public void WarmResetAnswersAgain()
        {
            CardTestRig rig = new CardTestRig(CardProfile.DirectT0());
            rig.ColdReset();
            rig.Reset.Write(false);
            rig.Clock.Advance(200);
            rig.Reset.Write(true);
            Assert.AreEqual("3B 05 80 31 80 65 B0", TestSupport.ToHex(rig.ReadAtr()));
            Assert.AreEqual(2, rig.Card.ResetCount);
        }

        [TestMethod]
        public void InverseConventionTsReadsAsZeroThreeWithAParityError()
        {
            CardTestRig rig = new CardTestRig(CardProfile.InverseT0());
            rig.Vcc.Write(true);
            rig.Clk.Start(CardTestRig.ClockHz);
            rig.Reset.Write(true);
            byte[] buffer = new byte[1];

            Assert.AreEqual(1, rig.Line.Read(buffer, 0, 1, CardTestRig.AnswerTimeoutMicros));
            Assert.AreEqual(0x03, (int)buffer[0]);
            Assert.AreEqual(1, rig.Line.ReceiveErrorCount, "even-parity UART sees odd parity");
        }

        [TestMethod]
        public void InverseConventionAtrDecodesWithOddParity()
        {
            CardTestRig rig = new CardTestRig(CardProfile.InverseT0());
            byte[] atr = rig.ColdReset();

            Assert.IsTrue(rig.Inverse, "TS = 03 on the wire");
            Assert.AreEqual("3F 05 80 31 80 65 B0", TestSupport.ToHex(atr));
            Assert.AreEqual(1, rig.Line.ReceiveErrorCount, "only TS, read before switching to odd parity");
        }

        [TestMethod]
        public void ProfilesBuildTheirAtrs()
        {
            Assert.AreEqual("3B 95 96 81 31 FE 45 80 31 80 65 B0 EC", TestSupport.ToHex(CardProfile.FastT1().BuildAtr()));
            Assert.AreEqual("3B 95 13 80 31 80 4D 80 31 80 65 B0 1E", TestSupport.ToHex(Dual()));
            CardProfile specific = CardProfile.DirectT0();
            specific.SpecificMode = true;
            specific.Ta1 = 0x13;
            specific.WaitingTimeInteger = 20;
            Assert.AreEqual("3B 95 13 50 00 14 80 31 80 65 B0", TestSupport.ToHex(specific.BuildAtr()));
        }

        private static byte[] Dual()
        {
            CardProfile profile = CardProfile.DualT0T1();
            profile.Ifsc = 0x80;
            return profile.BuildAtr();
        }

        [TestMethod]
        public void CardEtuFollowsTheClock()
        {
            CardTestRig rig = new CardTestRig(CardProfile.DirectT0());
            rig.Vcc.Write(true);
            rig.Clk.Start(2 * CardTestRig.ClockHz);
            rig.Reset.Write(true);
            rig.Line.Configure(19200, UartParity.Even, UartStopBits.Two);
            Assert.AreEqual("3B 05 80 31 80 65 B0", rig.Receive(7, 100000));
            Assert.AreEqual(0, rig.Line.ReceiveErrorCount);

            rig.Clk.Start(CardTestRig.ClockHz);
            rig.Line.Configure(9600, UartParity.Even, UartStopBits.Two);
            rig.Send("00 20 00 81 00");
            Assert.AreEqual("63 C3", rig.Receive(2));
        }

        [TestMethod]
        public void VccOffSilencesTheCard()
        {
            CardTestRig rig = new CardTestRig(CardProfile.DirectT0());
            rig.ColdReset();
            rig.Vcc.Write(false);
            Assert.AreEqual(SimulatedCardState.Off, rig.Card.State);
            rig.Send("00 B0 00 00 01");
            Assert.AreEqual("", rig.Receive(1, 100000));
        }
    }
}
