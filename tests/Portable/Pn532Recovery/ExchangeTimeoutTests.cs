#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Tests.Pn532Reader;
using EmbeddedSmartCard.Tests.Pn532Support;

namespace EmbeddedSmartCard.Tests.Pn532Recovery
{
    /// <summary>The InDataExchange response wait from the target's FWI (ISO 14443-4 §7.2, §7.3; reference §5.1, §3.5).</summary>
    [TestClass]
    public class ExchangeTimeoutTests
    {
        private const long Floor = 350000;
        private const long Ceiling = 5000000;

        /// <summary>Air time of a 7-byte DataOut and the longest DataIn: (7 + 262) bytes × 85 µs.</summary>
        private const long SelectAirMicros = (7 + 262) * 85;

        [TestMethod]
        public void FrameWaitingTimeFollowsFwi()
        {
            Assert.AreEqual(303L, Pn532ExchangeTimeout.FrameWaitingTimeMicros(0), "4096 / fc");
            Assert.AreEqual(4834L, Pn532ExchangeTimeout.FrameWaitingTimeMicros(4), "FWI 4: 4.83 ms");
            Assert.AreEqual(77329L, Pn532ExchangeTimeout.FrameWaitingTimeMicros(8));
            Assert.AreEqual(4949032L, Pn532ExchangeTimeout.FrameWaitingTimeMicros(14), "FWI 14: 4 949 ms");
            Assert.AreEqual(4834L, Pn532ExchangeTimeout.FrameWaitingTimeMicros(15), "RFU FWI 15 is read as 4");
        }

        [TestMethod]
        public void TheWaitIsFwtTimesTheLargestWtxmPlusAirTimeWithinTheBounds()
        {
            Assert.AreEqual(4834L * 59 + SelectAirMicros, Pn532ExchangeTimeout.ForExchange(4, 7, 0, Ceiling), "FWI 4 without a floor");
            Assert.AreEqual(Floor, Pn532ExchangeTimeout.ForExchange(4, 7, Floor, Ceiling), "FWI 4 is under the floor");
            Assert.AreEqual(77329L * 59 + SelectAirMicros, Pn532ExchangeTimeout.ForExchange(8, 7, Floor, Ceiling), "FWI 8");
            Assert.AreEqual(Ceiling, Pn532ExchangeTimeout.ForExchange(14, 7, Floor, Ceiling), "FWI 14 reaches ifdnfc's 5 s");
            Assert.AreEqual(Ceiling, Pn532ExchangeTimeout.ForExchange(9, 262, Floor, Ceiling), "FWI 9 with WTX is beyond it too");
        }

        [TestMethod]
        public void MifareUsesTheChipsCommunicationTimeout()
        {
            Assert.AreEqual(51200L + (16 + 262) * 85, Pn532ExchangeTimeout.ForExchange(Pn532ReaderTarget.NoFrameWaitingIndex, 16, 0, Ceiling));
            Assert.AreEqual(Floor, Pn532ExchangeTimeout.ForExchange(Pn532ReaderTarget.NoFrameWaitingIndex, 16, Floor, Ceiling));
        }

        [TestMethod]
        public void TheReaderWaitsForTheAnswerAsTheTargetsFwiSays()
        {
            // ATS 06 75 77 81 02 80: TB(1) 81, FWI 8.
            Assert.AreEqual(77329L * 59 + SelectAirMicros, ResponseWait("01 00 04 20 04 08 11 22 33 06 75 77 81 02 80", Pn532ManagerRig.SelectMf, Floor));
            // ATS 04 58 80 02: TA(1) and TC(1) only, FWI 4 by default.
            Assert.AreEqual(4834L * 59 + SelectAirMicros, ResponseWait("01 00 04 20 04 08 11 22 33 04 58 80 02", Pn532ManagerRig.SelectMf, 0));
            // MIFARE Classic 1K, READ BINARY of block 4 (DataOut 30 04): the chip's communication time-out.
            Assert.AreEqual(51200L + (2 + 262) * 85, ResponseWait("01 00 04 08 04 F6 8E 2A 99", "FF B0 00 04 10", 0));
        }

        /// <summary>The response wait the reader gave the last InDataExchange of <paramref name="apdu"/> to the scripted card.</summary>
        private static long ResponseWait(string card, string apdu, long floor)
        {
            ScriptedPn532 chip = new ScriptedPn532();
            chip.Card = card;
            chip.QueueExchangeAnswer("00 90 00");
            WaitRecordingTransport transport = new WaitRecordingTransport(chip);
            Pn532ReaderOptions options = new Pn532ReaderOptions();
            options.PollPeriodMicros = 0;
            options.CommandTimeoutMicros = floor;
            Drivers.Pn532.Pn532Reader reader = new Drivers.Pn532.Pn532Reader(options, transport, new VirtualClock());
            Assert.AreEqual((int)SmartcardStatus.Success, (int)reader.Open());
            reader.Poll();
            byte[] atr = new byte[33];
            int atrLength;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)reader.Power(PowerAction.ColdReset, atr, 0, out atrLength));
            byte[] command = TestSupport.Hex(apdu);
            byte[] response = new byte[64];
            int length;
            reader.Transmit(command, 0, command.Length, response, 0, response.Length, out length);
            return transport.LastWaitMicros;
        }

        /// <summary>Passes frames through and remembers the wait the link asked for on the last read (the response's).</summary>
        private sealed class WaitRecordingTransport : IPn532Transport
        {
            private readonly IPn532Transport inner;

            public WaitRecordingTransport(IPn532Transport inner)
            {
                this.inner = inner;
            }

            public long LastWaitMicros;

            public SmartcardStatus WakeUp()
            {
                return inner.WakeUp();
            }

            public SmartcardStatus WriteFrame(byte[] frame, int offset, int count)
            {
                return inner.WriteFrame(frame, offset, count);
            }

            public SmartcardStatus ReadFrame(byte[] buffer, int offset, int capacity, long timeoutMicros, out int length)
            {
                LastWaitMicros = timeoutMicros;
                return inner.ReadFrame(buffer, offset, capacity, timeoutMicros, out length);
            }
        }
    }
}
