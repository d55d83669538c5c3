namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>
    /// The host side of a simulated SPI device (mode 0) on a <see cref="VirtualClock"/>. Each transfer costs
    /// 8 clocks per byte. When the controller's bit order (<see cref="LsbFirst"/>) differs from the peer's,
    /// every byte arrives bit-reversed on both sides, as on a real bus: the driver must reverse in software.
    /// No peer leaves MISO pulled up (every byte read is FF).
    /// </summary>
    public sealed class SimSpiDevice : ISpiDevice
    {
        private const int BitsPerByte = 8;
        private const byte IdleMiso = 0xFF;

        private readonly VirtualClock _clock;
        private readonly bool _lsbFirst;
        private readonly int _clockHz;
        private byte[] _peerMosi = new byte[0];
        private byte[] _peerMiso = new byte[0];
        private ISimSpiPeer _peer;
        private int _transferCount;
        private long _byteCount;

        /// <param name="clock">The host's virtual clock.</param>
        /// <param name="lsbFirst">True when the controller shifts LSB first itself.</param>
        /// <param name="clockHz">SCK frequency, which sets the bus time of each transfer.</param>
        public SimSpiDevice(VirtualClock clock, bool lsbFirst, int clockHz)
        {
            _clock = clock;
            _lsbFirst = lsbFirst;
            _clockHz = clockHz > 0 ? clockHz : 1000000;
        }

        public bool LsbFirst
        {
            get { return _lsbFirst; }
        }

        public VirtualClock Clock
        {
            get { return _clock; }
        }

        public int ClockHz
        {
            get { return _clockHz; }
        }

        /// <summary>The device at the other end, or null for an empty bus.</summary>
        public ISimSpiPeer Peer
        {
            get { return _peer; }
            set { _peer = value; }
        }

        /// <summary>Chip-select assertions (transfers) the host made.</summary>
        public int TransferCount
        {
            get { return _transferCount; }
        }

        /// <summary>Bytes clocked on the bus.</summary>
        public long ByteCount
        {
            get { return _byteCount; }
        }

        /// <summary>The byte with its bit order reversed (bit 0 becomes bit 7).</summary>
        public static byte ReverseBits(byte value)
        {
            int reversed = 0;
            for (int bit = 0; bit < BitsPerByte; bit++)
            {
                reversed = (reversed << 1) | ((value >> bit) & 1);
            }

            return (byte)reversed;
        }

        /// <summary>Bus time of a transfer of <paramref name="count"/> bytes, rounded up, in microseconds.</summary>
        public long TransferMicros(int count)
        {
            return ((long)count * BitsPerByte * 1000000L + _clockHz - 1) / _clockHz;
        }

        public void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
        {
            _transferCount++;
            _byteCount += count;
            _clock.Advance(TransferMicros(count));
            ISimSpiPeer peer = _peer;
            if (peer == null)
            {
                FillIdle(readBuffer, readOffset, count);
                return;
            }

            if (peer.ShiftsLsbFirst == _lsbFirst)
            {
                peer.OnTransfer(this, writeBuffer, writeOffset, readBuffer, readOffset, count);
                return;
            }

            TransferReversed(peer, writeBuffer, writeOffset, readBuffer, readOffset, count);
        }

        /// <summary>Controller and peer disagree on bit order: each byte reaches the other side mirrored.</summary>
        private void TransferReversed(ISimSpiPeer peer, byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
        {
            if (_peerMosi.Length < count)
            {
                _peerMosi = new byte[count];
                _peerMiso = new byte[count];
            }

            for (int i = 0; i < count; i++)
            {
                _peerMosi[i] = ReverseBits(writeBuffer[writeOffset + i]);
            }

            peer.OnTransfer(this, _peerMosi, 0, _peerMiso, 0, count);
            for (int i = 0; i < count; i++)
            {
                readBuffer[readOffset + i] = ReverseBits(_peerMiso[i]);
            }
        }

        private static void FillIdle(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = IdleMiso;
            }
        }
    }
}
