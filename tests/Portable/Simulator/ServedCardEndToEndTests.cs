#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Uart;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Simulator
{
    /// <summary>
    /// A byte-only link (what a pty pair is) between a reader's simulated line and a <see cref="SerialCardServer"/>:
    /// the reader's characters queue up for the server, the server's bytes go back as characters at the reader's format.
    /// </summary>
    internal sealed class BytePipe : ISimUartPeer, IUartLine
    {
        private readonly SimUartLine _readerLine;
        private readonly byte[] _queue = new byte[1024];
        private int _head;
        private int _count;

        public BytePipe(SimUartLine readerLine)
        {
            _readerLine = readerLine;
            readerLine.Peer = this;
        }

        public int BaudRate
        {
            get { return _readerLine.BaudRate; }
        }

        public UartParity Parity
        {
            get { return UartParity.None; }
        }

        public UartStopBits StopBits
        {
            get { return UartStopBits.One; }
        }

        public bool EchoesWrites
        {
            get { return false; }
        }

        public int ReceiveErrorCount
        {
            get { return 0; }
        }

        public void OnCharacter(SimUartLine line, byte data, bool parityBit, long startMicros, int baudRate)
        {
            _queue[(_head + _count) % _queue.Length] = data;
            _count++;
        }

        public void Configure(int baudRate, UartParity parity, UartStopBits stopBits)
        {
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                byte data = buffer[offset + i];
                bool parityBit = _readerLine.Parity == UartParity.Odd ? !SimUartLine.EvenParityBit(data) : SimUartLine.EvenParityBit(data);
                _readerLine.Transmit(data, parityBit, _readerLine.Clock.NowMicros, _readerLine.BaudRate);
            }
        }

        public void Drain()
        {
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMicros)
        {
            int n = 0;
            while (n < count && _count > 0)
            {
                buffer[offset + n++] = _queue[_head];
                _head = (_head + 1) % _queue.Length;
                _count--;
            }

            return n;
        }

        public void DiscardInput()
        {
        }

        public void Dispose()
        {
        }
    }

    [TestClass]
    public class ServedCardEndToEndTests
    {
        private const long ServerTickMicros = 200;

        [TestMethod]
        public void ReaderWithoutRstWireResetsAndTalksToTheServedCard()
        {
            CardProfile[] profiles = new CardProfile[] { CardProfile.DirectT0(), CardProfile.FastT1(), CardProfile.InverseT0() };
            for (int p = 0; p < profiles.Length; p++)
            {
                VirtualClock clock = new VirtualClock();
                SimUartLine line = new SimUartLine(clock, false);
                SerialCardServer server = new SerialCardServer(new SimulatedCard(profiles[p]), new BytePipe(line), clock);
                server.PollMicros = 0;
                VirtualTimerHandler tick = null;
                tick = delegate(VirtualTimer timer, long due)
                {
                    server.RunOnce();
                    clock.Schedule(due + ServerTickMicros, tick, null);
                };
                clock.Schedule(ServerTickMicros, tick, null);
                SmartcardDevice device = new SmartcardDevice(new UartCardReader(new UartReaderOptions(), line, clock, null, null, null, null));
                Assert.AreEqual(SmartcardStatus.Success, device.Open());

                for (int round = 1; round <= 2; round++)
                {
                    Assert.AreEqual(SmartcardStatus.Success, device.Power(PowerAction.ColdReset), "reset by FF FF");
                    int selected;
                    Assert.AreEqual(SmartcardStatus.Success, device.SetProtocol(Protocols.T0 | Protocols.T1, out selected));
                    byte[] apdu = TestSupport.Hex("80 10 00 08 08");
                    byte[] response = new byte[16];
                    int length;
                    Assert.AreEqual(SmartcardStatus.Success, device.Transmit(selected, apdu, 0, apdu.Length, response, 0, response.Length, out length));
                    Assert.AreEqual("00 01 02 03 04 05 06 07 90 00", TestSupport.ToHex(response, 0, length));
                    Assert.AreEqual(round, server.Card.ResetCount);
                }
            }
        }
    }
}
