#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Uart;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.Uart
{
    /// <summary>Activation, resets, the ATR window and deactivation of the UART reader (ISO 7816-3 §6, reference §1.1).</summary>
    [TestClass]
    public class UartActivationTests
    {
        private const string Atr = "3B 95 13 81 01 80 73 FF 01 00 0B";

        [TestMethod]
        public void ColdResetActivatesInOrderAndReturnsTheAtr()
        {
            UartRig rig = UartRig.Open(null);
            rig.Card.Atr = TestSupport.Hex(Atr);

            Assert.AreEqual(SmartcardStatus.Success, rig.ColdReset());

            Assert.AreEqual("RST0 VCC1 CLK1 RST1", rig.Log);
            Assert.AreEqual(Atr, TestSupport.ToHex(rig.AtrBuffer, 0, rig.AtrLength));
            Assert.AreEqual(9600, rig.Line.BaudRate);
            Assert.AreEqual((int)UartParity.Even, (int)rig.Line.Parity);
            Assert.AreEqual((int)UartStopBits.Two, (int)rig.Line.StopBits);
        }

        [TestMethod]
        public void ResetHoldIsCountedInCyclesOfTheActualClock()
        {
            Assert.AreEqual(125L, MeasureResetHold(4000000, 500));
            Assert.AreEqual(500L, MeasureResetHold(1000000, 500));
        }

        [TestMethod]
        public void DefaultResetHoldExceedsFourHundredClocks()
        {
            Assert.IsTrue(new UartReaderOptions().ResetHoldClocks >= 400, "ISO 7816-3 tb ≥ 400 clock cycles");
        }

        [TestMethod]
        public void PowerDownDeactivatesResetThenClockThenSupply()
        {
            UartRig rig = UartRig.Open(null);
            rig.ColdReset();
            rig.Log = "";

            int length;
            Assert.AreEqual(SmartcardStatus.Success, rig.Reader.Power(PowerAction.PowerDown, null, 0, out length));

            Assert.AreEqual("RST0 CLK0 VCC0", rig.Log);
        }

        [TestMethod]
        public void AtrInsideTheWindowIsAccepted()
        {
            UartRig rig = UartRig.Open(null);
            rig.Card.AtrDelayClocks = 39000;

            Assert.AreEqual(SmartcardStatus.Success, rig.ColdReset());
        }

        [TestMethod]
        public void AtrAfterFortyThousandClocksFailsAndDeactivates()
        {
            UartRig rig = UartRig.Open(null);
            rig.Card.AtrDelayClocks = 41000;

            Assert.AreEqual(SmartcardStatus.IoTimeout, rig.ColdReset());

            Assert.AreEqual("RST0 VCC1 CLK1 RST1 RST0 CLK0 VCC0", rig.Log);
            long windowEnd = rig.ResetRiseMicros + 40000L * 1000000L / 3571200 + rig.EtuMicros(12) + 1;
            Assert.IsTrue(rig.Clock.NowMicros <= windowEnd, "gave up at the end of the ATR window");
        }

        [TestMethod]
        public void MuteCardTimesOut()
        {
            UartRig rig = UartRig.Open(null);
            rig.Card.Atr = null;

            Assert.AreEqual(SmartcardStatus.IoTimeout, rig.ColdReset());
            Assert.IsFalse(rig.Vcc.Value, "deactivated");
        }

        [TestMethod]
        public void UnknownTsIsUnrecognizedMediaAfterDeactivation()
        {
            UartRig rig = UartRig.Open(null);
            rig.Card.Atr = TestSupport.Hex("55 00");

            Assert.AreEqual(SmartcardStatus.UnrecognizedMedia, rig.ColdReset());
            Assert.IsFalse(rig.Vcc.Value, "VCC off");
            Assert.IsFalse(rig.Reset.Value, "RST low");
        }

        [TestMethod]
        public void InverseTsIsDetectedAndTheAtrDecoded()
        {
            UartRig rig = UartRig.Open(null);
            rig.Card.Inverse = true;
            rig.Card.Atr = TestSupport.Hex("3F 94 11 00 11 22 33 44");

            Assert.AreEqual(SmartcardStatus.Success, rig.ColdReset());

            Assert.AreEqual("3F 94 11 00 11 22 33 44", TestSupport.ToHex(rig.AtrBuffer, 0, rig.AtrLength));
            Assert.AreEqual((int)UartParity.Odd, (int)rig.Line.Parity);
        }

        [TestMethod]
        public void AtrCharacterLaterThanTheInitialWaitingTimeFails()
        {
            UartRig rig = UartRig.Open(null);
            rig.Card.Atr = TestSupport.Hex(Atr);
            rig.Card.AtrGapIndex = 4;
            rig.Card.AtrGapEtu = 9700;

            Assert.AreEqual(SmartcardStatus.IoTimeout, rig.ColdReset());
            Assert.IsFalse(rig.Vcc.Value, "deactivated");
        }

        [TestMethod]
        public void AtrCharacterWithinTheInitialWaitingTimeIsAccepted()
        {
            UartRig rig = UartRig.Open(null);
            rig.Card.Atr = TestSupport.Hex(Atr);
            rig.Card.AtrGapIndex = 4;
            rig.Card.AtrGapEtu = 9500;

            Assert.AreEqual(SmartcardStatus.Success, rig.ColdReset());
        }

        [TestMethod]
        public void ParityErrorInTheAtrFailsAndDeactivates()
        {
            UartRig rig = UartRig.Open(null);
            rig.Card.Atr = TestSupport.Hex(Atr);
            rig.Card.ParityErrorIndex = 3;

            Assert.AreEqual(SmartcardStatus.ParityError, rig.ColdReset());
            Assert.IsFalse(rig.Vcc.Value, "deactivated");
        }

        [TestMethod]
        public void WarmResetKeepsSupplyAndClock()
        {
            UartRig rig = UartRig.Open(null);
            rig.ColdReset();
            rig.Log = "";

            Assert.AreEqual(SmartcardStatus.Success, rig.Reader.Power(PowerAction.WarmReset, rig.AtrBuffer, 0, out rig.AtrLength));

            Assert.AreEqual("RST0 RST1", rig.Log);
            Assert.AreEqual(2, rig.Card.ResetCount);
        }

        [TestMethod]
        public void WarmResetReturnsToTheInitialBaudRate()
        {
            UartRig rig = UartRig.Open(null);
            rig.ColdReset();
            CardTiming fast = new CardTiming();
            fast.F = 372;
            fast.D = 4;
            rig.Reader.ApplyTiming(fast);

            Assert.AreEqual(38400, rig.Line.BaudRate);
            Assert.AreEqual(SmartcardStatus.Success, rig.Reader.Power(PowerAction.WarmReset, rig.AtrBuffer, 0, out rig.AtrLength));
            Assert.AreEqual(9600, rig.Line.BaudRate);
        }

        [TestMethod]
        public void NoResetPinSendsFfFfAndReadsTheAtr()
        {
            UartRig rig = new UartRig(null, false, false);
            rig.Reader.Open();
            rig.Card.Atr = TestSupport.Hex(Atr);

            Assert.AreEqual(SmartcardStatus.Success, rig.ColdReset());

            Assert.AreEqual(2, rig.Card.HostCount);
            Assert.AreEqual("FF FF", TestSupport.ToHex(rig.Card.HostData, 0, 2));
            Assert.AreEqual(Atr, TestSupport.ToHex(rig.AtrBuffer, 0, rig.AtrLength));
        }

        [TestMethod]
        public void SmallAtrBufferIsRejected()
        {
            UartRig rig = UartRig.Open(null);
            int length;

            Assert.AreEqual(SmartcardStatus.InvalidParameter, rig.Reader.Power(PowerAction.ColdReset, new byte[10], 0, out length));
        }

        private static long MeasureResetHold(int clockHz, int holdClocks)
        {
            UartReaderOptions options = new UartReaderOptions();
            options.ClockHz = clockHz;
            options.ResetHoldClocks = holdClocks;
            UartRig rig = UartRig.Open(options);

            Assert.AreEqual(SmartcardStatus.Success, rig.ColdReset());
            return rig.ResetRiseMicros - rig.Clk.StartedMicros;
        }
    }
}
