#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Simulator
{
    /// <summary>A peer that records what the host sent and can answer with scheduled characters.</summary>
    internal sealed class RecordingPeer : ISimUartPeer
    {
        public readonly byte[] Data = new byte[64];
        public readonly long[] Starts = new long[64];
        public readonly bool[] ParityBits = new bool[64];
        public int Count;
        public int LastBaudRate;

        public void OnCharacter(SimUartLine line, byte data, bool parityBit, long startMicros, int baudRate)
        {
            Data[Count] = data;
            Starts[Count] = startMicros;
            ParityBits[Count] = parityBit;
            LastBaudRate = baudRate;
            Count++;
        }
    }

    [TestClass]
    public class SimUartLineTests
    {
        // 9600 baud: 12 bits (start, 8 data, parity, 2 stop) = 1250 µs; a peer character (one stop bit) = 11 bits = 1146 µs.
        private const long HostCharMicros = 1250;
        private const long PeerCharMicros = 1146;

        private static SimUartLine NewLine(VirtualClock clock, bool singleWire)
        {
            SimUartLine line = new SimUartLine(clock, singleWire);
            line.Configure(9600, UartParity.Even, UartStopBits.Two);
            return line;
        }

        [TestMethod]
        public void WriteQueuesCharactersBackToBackAndDrainWaitsForTheLast()
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = NewLine(clock, false);
            RecordingPeer peer = new RecordingPeer();
            line.Peer = peer;

            line.Write(TestSupport.Hex("00 A4 04"), 0, 3);
            Assert.AreEqual(0L, clock.NowMicros, "Write does not wait");
            Assert.AreEqual(3, peer.Count);
            Assert.AreEqual(HostCharMicros, peer.Starts[1]);
            Assert.AreEqual(2 * HostCharMicros, peer.Starts[2]);
            Assert.AreEqual(9600, peer.LastBaudRate);
            Assert.IsTrue(peer.ParityBits[1], "A4 has three ones: even parity bit is 1");

            line.Drain();
            Assert.AreEqual(3 * HostCharMicros, clock.NowMicros);
        }

        [TestMethod]
        public void SingleWireLineEchoesEveryWrittenCharacter()
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = NewLine(clock, true);
            byte[] buffer = new byte[8];

            line.Write(TestSupport.Hex("FF 10 96"), 0, 3);
            Assert.AreEqual(0, line.Read(buffer, 0, 8, 0), "the echo is not there before the stop bit ends");
            int total = 0;
            while (total < 3)
            {
                int n = line.Read(buffer, total, 8 - total, 100000);
                Assert.IsTrue(n > 0, "echo arrives");
                total += n;
            }

            Assert.AreEqual("FF 10 96", TestSupport.ToHex(buffer, 0, 3));
            Assert.AreEqual(3 * HostCharMicros, clock.NowMicros);
            Assert.AreEqual(0, line.ReceiveErrorCount);
        }

        [TestMethod]
        public void TwoWireLineHasNoEcho()
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = NewLine(clock, false);
            byte[] buffer = new byte[4];

            line.Write(TestSupport.Hex("3B"), 0, 1);
            Assert.AreEqual(0, line.Read(buffer, 0, 4, 5000));
            Assert.AreEqual(5000L, clock.NowMicros, "a read time-out advances virtual time by the timeout");
        }

        [TestMethod]
        public void ReadAdvancesToTheEndOfThePeerCharacter()
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = NewLine(clock, false);
            byte[] buffer = new byte[4];

            long start = line.Transmit(0x3B, true, 2000, 9600);
            Assert.AreEqual(2000L, start);
            Assert.AreEqual(0, line.Read(buffer, 0, 4, 3000), "stop bit ends at 3146 µs");
            Assert.AreEqual(3000L, clock.NowMicros);
            Assert.AreEqual(1, line.Read(buffer, 0, 4, 1000000));
            Assert.AreEqual(2000L + PeerCharMicros, clock.NowMicros);
            Assert.AreEqual(0x3B, (int)buffer[0]);
        }

        [TestMethod]
        public void PeerCharactersNeverOverlapOnTheWire()
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = NewLine(clock, false);

            long first = line.Transmit(0x01, true, 100, 9600);
            long second = line.Transmit(0x02, true, 100, 9600);
            Assert.AreEqual(100L, first);
            Assert.AreEqual(100L + PeerCharMicros, second);

            line.Write(TestSupport.Hex("00"), 0, 1);
            long third = line.Transmit(0x03, true, 0, 9600);
            Assert.AreEqual(100L + 2 * PeerCharMicros, third, "and wait for the host's character too");
        }

        [TestMethod]
        public void WrongParityBitCountsAReceiveErrorButDeliversTheByte()
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = NewLine(clock, false);
            byte[] buffer = new byte[4];

            line.Transmit(0x90, true, 0, 9600);
            Assert.AreEqual(1, line.Read(buffer, 0, 4, 10000));
            Assert.AreEqual(0x90, (int)buffer[0]);
            Assert.AreEqual(1, line.ReceiveErrorCount);
        }

        [TestMethod]
        public void InverseConventionTsShowsAsZeroThreeWithOddParity()
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = NewLine(clock, false);
            byte[] buffer = new byte[4];

            // reverse(~3F) = 03 with the 9 bits made odd (ISO 7816-3 §8.1; reference §1.2).
            line.Transmit(0x03, true, 0, 9600);
            Assert.AreEqual(1, line.Read(buffer, 0, 4, 10000));
            Assert.AreEqual(0x03, (int)buffer[0]);
            Assert.AreEqual(1, line.ReceiveErrorCount, "even parity UART sees a parity error");

            line.Configure(9600, UartParity.Odd, UartStopBits.Two);
            line.Transmit(0x03, true, clock.NowMicros, 9600);
            Assert.AreEqual(1, line.Read(buffer, 0, 4, 10000));
            Assert.AreEqual(1, line.ReceiveErrorCount, "an odd parity UART accepts it");
        }

        [TestMethod]
        public void BaudRateMoreThanFivePercentOffGarblesTheCharacter()
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = NewLine(clock, false);
            byte[] buffer = new byte[4];

            line.Transmit(0x11, false, 0, 9900);
            Assert.AreEqual(1, line.Read(buffer, 0, 4, 10000));
            Assert.AreEqual(0x11, (int)buffer[0], "3 % off is within tolerance");
            Assert.AreEqual(0, line.ReceiveErrorCount);

            line.Transmit(0x11, false, clock.NowMicros, 19200);
            Assert.AreEqual(1, line.Read(buffer, 0, 4, 10000));
            Assert.IsTrue(buffer[0] != 0x11, "garbled");
            Assert.AreEqual(1, line.ReceiveErrorCount);
        }

        [TestMethod]
        public void CharacterIsJudgedByTheFormatInForceWhenItArrives()
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = NewLine(clock, false);
            byte[] buffer = new byte[4];

            line.Transmit(0x03, true, 0, 9600);
            line.Transmit(0x03, true, 0, 9600);
            Assert.AreEqual(1, line.Read(buffer, 0, 1, 10000));
            line.Configure(9600, UartParity.Odd, UartStopBits.Two);
            Assert.AreEqual(1, line.Read(buffer, 0, 1, 10000));
            Assert.AreEqual(1, line.ReceiveErrorCount, "only the first, received under even parity, is an error");
        }

        [TestMethod]
        public void DiscardInputDropsOnlyWhatHasArrived()
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = NewLine(clock, false);
            byte[] buffer = new byte[4];

            line.Transmit(0x01, false, 0, 9600);
            line.Transmit(0x02, false, 0, 9600);
            clock.AdvanceTo(PeerCharMicros);
            line.DiscardInput();
            Assert.AreEqual(1, line.Read(buffer, 0, 4, 10000));
            Assert.AreEqual(0x02, (int)buffer[0]);
        }

        [TestMethod]
        public void CancelledPeerCharactersNeverArrive()
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = NewLine(clock, false);
            byte[] buffer = new byte[4];

            line.Transmit(0x01, false, 0, 9600);
            line.Transmit(0x02, false, 0, 9600);
            line.CancelTransmissions(PeerCharMicros);
            Assert.AreEqual(1, line.Read(buffer, 0, 4, 10000));
            Assert.AreEqual(0, line.Read(buffer, 0, 4, 10000));
            Assert.AreEqual(10000L + PeerCharMicros, clock.NowMicros);
        }

        [TestMethod]
        public void ReadRunsTimersThatScheduleCharactersWithinTheTimeout()
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = NewLine(clock, false);
            byte[] buffer = new byte[4];
            clock.Schedule(5000, delegate(VirtualTimer timer, long due) { line.Transmit(0x60, false, due, 9600); }, null);

            Assert.AreEqual(1, line.Read(buffer, 0, 4, 7000));
            Assert.AreEqual(0x60, (int)buffer[0]);
            Assert.AreEqual(5000L + PeerCharMicros, clock.NowMicros);
        }
    }
}
