#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    [TestClass]
    public class SimBusTests
    {
        [TestMethod]
        public void I2cWriteReachesThePeerAfterItsBusTime()
        {
            VirtualClock clock = new VirtualClock();
            SimI2cDevice device = new SimI2cDevice(clock, 0x24, 100000);
            RecordingPeer peer = new RecordingPeer();
            device.Peer = peer;

            I2cStatus status = device.Write(TestSupport.Hex("00 00 FF 02 FE D4 02 2A 00"), 0, 9);

            Assert.AreEqual((int)I2cStatus.Ok, (int)status);
            Assert.AreEqual("00 00 FF 02 FE D4 02 2A 00", peer.LastWrite);
            // (1 address + 9 data bytes) × 9 clocks + START/STOP = 92 clocks at 100 kHz = 920 µs.
            Assert.AreEqual(920L, peer.SeenAtMicros);
            Assert.AreEqual(1, device.TransactionCount);
            Assert.AreEqual(9L, device.ByteCount);
        }

        [TestMethod]
        public void I2cReadReturnsWhatThePeerShiftsOut()
        {
            VirtualClock clock = new VirtualClock();
            SimI2cDevice device = new SimI2cDevice(clock, 0x24, 400000);
            RecordingPeer peer = new RecordingPeer();
            peer.ReadData = TestSupport.Hex("01 00 00 FF 00 FF 00");
            device.Peer = peer;
            byte[] buffer = new byte[7];

            Assert.AreEqual((int)I2cStatus.Ok, (int)device.Read(buffer, 0, 7));
            Assert.AreEqual("01 00 00 FF 00 FF 00", TestSupport.ToHex(buffer));
        }

        [TestMethod]
        public void I2cWithoutPeerIsAnAddressNak()
        {
            VirtualClock clock = new VirtualClock();
            SimI2cDevice device = new SimI2cDevice(clock, 0x24, 100000);

            Assert.AreEqual((int)I2cStatus.AddressNak, (int)device.Write(new byte[] { 0x55 }, 0, 1));
            Assert.AreEqual((int)I2cStatus.AddressNak, (int)device.Read(new byte[1], 0, 1));
            Assert.AreEqual(2, device.TransactionCount);
        }

        [TestMethod]
        public void I2cInjectedNaksHideThePeerForThatManyTransactions()
        {
            VirtualClock clock = new VirtualClock();
            SimI2cDevice device = new SimI2cDevice(clock, 0x24, 100000);
            RecordingPeer peer = new RecordingPeer();
            device.Peer = peer;
            device.NakNext(2);
            byte[] frame = TestSupport.Hex("00 00 FF 00 FF 00");

            Assert.AreEqual((int)I2cStatus.AddressNak, (int)device.Write(frame, 0, 6));
            Assert.AreEqual((int)I2cStatus.AddressNak, (int)device.Write(frame, 0, 6));
            Assert.AreEqual(0, peer.WriteCount);
            Assert.AreEqual((int)I2cStatus.Ok, (int)device.Write(frame, 0, 6));
            Assert.AreEqual(1, peer.WriteCount);
        }

        [TestMethod]
        public void I2cStretchedTransactionsLastLongerAndLoseNothing()
        {
            VirtualClock clock = new VirtualClock();
            SimI2cDevice device = new SimI2cDevice(clock, 0x24, 100000);
            RecordingPeer peer = new RecordingPeer();
            device.Peer = peer;
            device.StretchNext(2, 1500);
            byte[] frame = TestSupport.Hex("00 00 FF 02 FE D4 02 2A 00");

            // 920 µs of bus time (see above) plus 1 500 µs of SCL held low, twice, then plain again.
            Assert.AreEqual((int)I2cStatus.Ok, (int)device.Write(frame, 0, 9));
            Assert.AreEqual(2420L, peer.SeenAtMicros);
            Assert.AreEqual("00 00 FF 02 FE D4 02 2A 00", peer.LastWrite);
            device.Write(frame, 0, 9);
            Assert.AreEqual(4840L, peer.SeenAtMicros);
            device.Write(frame, 0, 9);
            Assert.AreEqual(5760L, peer.SeenAtMicros);
            Assert.AreEqual(3, peer.WriteCount);
        }

        [TestMethod]
        public void I2cNakedTransactionsDoNotUseUpTheStretch()
        {
            VirtualClock clock = new VirtualClock();
            SimI2cDevice device = new SimI2cDevice(clock, 0x24, 100000);
            RecordingPeer peer = new RecordingPeer();
            device.Peer = peer;
            device.NakNext(1);
            device.StretchNext(1, 1000);
            byte[] frame = TestSupport.Hex("00 00 FF 02 FE D4 02 2A 00");

            Assert.AreEqual((int)I2cStatus.AddressNak, (int)device.Write(frame, 0, 9));
            // The NAKed address byte: 9 clocks + START/STOP = 110 µs; then 920 µs + 1 000 µs stretched.
            Assert.AreEqual(110L, clock.NowMicros);
            device.Write(frame, 0, 9);

            Assert.AreEqual(2030L, peer.SeenAtMicros);
        }

        [TestMethod]
        public void SpiPeerSeesBytesAsSentWhenBitOrdersAgree()
        {
            VirtualClock clock = new VirtualClock();
            SimSpiDevice device = new SimSpiDevice(clock, true, 1000000);
            RecordingPeer peer = new RecordingPeer();
            peer.LsbFirst = true;
            peer.ReadData = TestSupport.Hex("AA 01");
            device.Peer = peer;
            byte[] miso = new byte[2];

            device.TransferFullDuplex(TestSupport.Hex("02 00"), 0, miso, 0, 2);

            Assert.AreEqual("02 00", peer.LastWrite);
            Assert.AreEqual("AA 01", TestSupport.ToHex(miso));
            // 16 clocks at 1 MHz.
            Assert.AreEqual(16L, clock.NowMicros);
        }

        [TestMethod]
        public void SpiMsbFirstControllerMirrorsEveryByteForAnLsbFirstPeer()
        {
            VirtualClock clock = new VirtualClock();
            SimSpiDevice device = new SimSpiDevice(clock, false, 1000000);
            RecordingPeer peer = new RecordingPeer();
            peer.LsbFirst = true;
            peer.ReadData = TestSupport.Hex("01 D5");
            device.Peer = peer;
            byte[] miso = new byte[2];

            device.TransferFullDuplex(TestSupport.Hex("02 D4"), 0, miso, 0, 2);

            Assert.AreEqual("40 2B", peer.LastWrite);
            Assert.AreEqual("80 AB", TestSupport.ToHex(miso));
        }

        [TestMethod]
        public void SpiWithoutPeerReadsPulledUpMiso()
        {
            VirtualClock clock = new VirtualClock();
            SimSpiDevice device = new SimSpiDevice(clock, false, 1000000);
            byte[] miso = new byte[3];

            device.TransferFullDuplex(new byte[3], 0, miso, 0, 3);

            Assert.AreEqual("FF FF FF", TestSupport.ToHex(miso));
            Assert.AreEqual(1, device.TransferCount);
        }

        [TestMethod]
        public void ReverseBitsMirrorsTheByte()
        {
            Assert.AreEqual(0x80, (int)SimSpiDevice.ReverseBits(0x01));
            Assert.AreEqual(0x2B, (int)SimSpiDevice.ReverseBits(0xD4));
            Assert.AreEqual(0xFF, (int)SimSpiDevice.ReverseBits(0xFF));
        }

        /// <summary>Records what the host sent and answers with fixed bytes, on both buses.</summary>
        private sealed class RecordingPeer : ISimI2cPeer, ISimSpiPeer
        {
            public string LastWrite;
            public long SeenAtMicros;
            public int WriteCount;
            public byte[] ReadData = new byte[0];
            public bool LsbFirst;

            public bool ShiftsLsbFirst
            {
                get { return LsbFirst; }
            }

            public I2cStatus OnWrite(SimI2cDevice device, byte[] buffer, int offset, int count)
            {
                Record(device.Clock, buffer, offset, count);
                return I2cStatus.Ok;
            }

            public I2cStatus OnRead(SimI2cDevice device, byte[] buffer, int offset, int count)
            {
                CopyReadData(buffer, offset, count);
                return I2cStatus.Ok;
            }

            public void OnTransfer(SimSpiDevice device, byte[] mosi, int mosiOffset, byte[] miso, int misoOffset, int count)
            {
                Record(device.Clock, mosi, mosiOffset, count);
                CopyReadData(miso, misoOffset, count);
            }

            private void Record(VirtualClock clock, byte[] buffer, int offset, int count)
            {
                LastWrite = TestSupport.ToHex(buffer, offset, count);
                SeenAtMicros = clock.NowMicros;
                WriteCount++;
            }

            private void CopyReadData(byte[] buffer, int offset, int count)
            {
                for (int i = 0; i < count; i++)
                {
                    buffer[offset + i] = i < ReadData.Length ? ReadData[i] : (byte)0;
                }
            }
        }
    }
}
