#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Simulator
{
    /// <summary>A byte-only line (like a pty) whose reads wait on a clock the test controls.</summary>
    internal sealed class ByteLine : IUartLine
    {
        private readonly VirtualClock _clock;
        private readonly byte[] _incoming = new byte[256];
        private readonly byte[] _written = new byte[256];
        private int _incomingCount;
        private int _incomingRead;

        public ByteLine(VirtualClock clock)
        {
            _clock = clock;
        }

        public int WrittenCount { get; private set; }

        public int BaudRate
        {
            get { return 9600; }
        }

        public UartParity Parity
        {
            get { return UartParity.Even; }
        }

        public UartStopBits StopBits
        {
            get { return UartStopBits.Two; }
        }

        public bool EchoesWrites
        {
            get { return false; }
        }

        public int ReceiveErrorCount
        {
            get { return 0; }
        }

        public string Written
        {
            get { return TestSupport.ToHex(_written, 0, WrittenCount); }
        }

        public void Feed(string hex)
        {
            byte[] bytes = TestSupport.Hex(hex);
            for (int i = 0; i < bytes.Length; i++)
            {
                _incoming[_incomingCount++] = bytes[i];
            }
        }

        public void Configure(int baudRate, UartParity parity, UartStopBits stopBits)
        {
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _written[WrittenCount++] = buffer[offset + i];
            }
        }

        public void Drain()
        {
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMicros)
        {
            int n = 0;
            while (n < count && _incomingRead < _incomingCount)
            {
                buffer[offset + n++] = _incoming[_incomingRead++];
            }

            if (n == 0)
            {
                _clock.Advance(timeoutMicros);
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
    public class SerialCardServerTests
    {
        private static void Serve(SerialCardServer server, int steps)
        {
            for (int i = 0; i < steps; i++)
            {
                server.RunOnce();
            }
        }

        [TestMethod]
        public void ServerAnswersFfFfWithTheAtrAndThenCommands()
        {
            VirtualClock realTime = new VirtualClock();
            ByteLine line = new ByteLine(realTime);
            SerialCardServer server = new SerialCardServer(new SimulatedCard(CardProfile.DirectT0()), line, realTime);

            Serve(server, 50);
            Assert.AreEqual(0, line.WrittenCount, "nothing before the reset");

            line.Feed("FF FF");
            Serve(server, 100);
            Assert.AreEqual("3B 05 80 31 80 65 B0", line.Written);

            line.Feed("00 20 00 81 00");
            Serve(server, 100);
            Assert.AreEqual("3B 05 80 31 80 65 B0 63 C3", line.Written);
            Assert.AreEqual(9, server.BytesToReader);
            Assert.AreEqual(7, server.BytesFromReader);
        }

        [TestMethod]
        public void ServerCarriesAnInverseCardsBytesAsTheyAre()
        {
            VirtualClock realTime = new VirtualClock();
            ByteLine line = new ByteLine(realTime);
            SerialCardServer server = new SerialCardServer(new SimulatedCard(CardProfile.InverseT0()), line, realTime);

            line.Feed("FF FF");
            Serve(server, 100);
            Assert.AreEqual("03", line.Written.Substring(0, 2));
            Assert.AreEqual(7, line.WrittenCount);
        }
    }
}
