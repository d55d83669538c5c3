using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>
    /// The host side of a simulated I2C device on a <see cref="VirtualClock"/>. Each transaction costs its
    /// bus time (9 clocks per byte, the address byte included, plus START and STOP) before the peer sees it,
    /// so a driver's bus traffic shows up in virtual time. No peer means nobody acknowledges the address.
    /// Faults: address NAKs, and clock stretching (the device holds SCL low, so a transaction lasts longer;
    /// the host waits and no data is lost — the PN532 does it while it wakes up, reference iso7816-pn532.md §3.2).
    /// </summary>
    public sealed class SimI2cDevice : II2cDevice
    {
        /// <summary>Standard-mode clock (I2C-bus specification UM10204 §3.1, 100 kHz).</summary>
        public const int StandardModeHz = 100000;

        // Eight data bits and the acknowledge bit (UM10204 §3.1.6); START and STOP take about one more.
        private const int ClocksPerByte = 9;
        private const int StartStopClocks = 2;
        private const int AddressBytes = 1;

        private readonly VirtualClock _clock;
        private readonly int _address;
        private readonly int _busHz;
        private ISimI2cPeer _peer;
        private int _nakCount;
        private int _stretchCount;
        private long _stretchMicros;
        private int _transactionCount;
        private long _byteCount;

        /// <param name="clock">The host's virtual clock.</param>
        /// <param name="address">The 7-bit address the host addresses.</param>
        /// <param name="busHz">The SCL frequency, which sets the bus time of each transaction.</param>
        public SimI2cDevice(VirtualClock clock, int address, int busHz)
        {
            _clock = clock;
            _address = address;
            _busHz = busHz > 0 ? busHz : StandardModeHz;
        }

        public int Address
        {
            get { return _address; }
        }

        public VirtualClock Clock
        {
            get { return _clock; }
        }

        public int BusHz
        {
            get { return _busHz; }
        }

        /// <summary>The device at the other end, or null for an empty bus (every transaction is an address NAK).</summary>
        public ISimI2cPeer Peer
        {
            get { return _peer; }
            set { _peer = value; }
        }

        /// <summary>Transactions (reads and writes) the host started, NAKed ones included.</summary>
        public int TransactionCount
        {
            get { return _transactionCount; }
        }

        /// <summary>Data bytes clocked on the bus (address bytes not counted).</summary>
        public long ByteCount
        {
            get { return _byteCount; }
        }

        /// <summary>Fault injection: the next <paramref name="transactions"/> transactions get an address NAK without reaching the peer.</summary>
        public void NakNext(int transactions)
        {
            _nakCount = transactions > 0 ? transactions : 0;
        }

        /// <summary>
        /// Fault injection: the next <paramref name="transactions"/> transactions the device acknowledges each
        /// last <paramref name="micros"/> longer (clock stretching); NAKed transactions do not count.
        /// </summary>
        public void StretchNext(int transactions, long micros)
        {
            bool armed = transactions > 0 && micros > 0;
            _stretchCount = armed ? transactions : 0;
            _stretchMicros = armed ? micros : 0;
        }

        /// <summary>Bus time of a transaction carrying <paramref name="dataBytes"/> data bytes, rounded up, in microseconds.</summary>
        public long TransactionMicros(int dataBytes)
        {
            long clocks = (long)(AddressBytes + dataBytes) * ClocksPerByte + StartStopClocks;
            return (clocks * 1000000L + _busHz - 1) / _busHz;
        }

        public I2cStatus Write(byte[] buffer, int offset, int count)
        {
            ISimI2cPeer peer = BeginTransaction();
            if (peer == null)
            {
                return I2cStatus.AddressNak;
            }

            ClockTransaction(count);
            return peer.OnWrite(this, buffer, offset, count);
        }

        public I2cStatus Read(byte[] buffer, int offset, int count)
        {
            ISimI2cPeer peer = BeginTransaction();
            if (peer == null)
            {
                return I2cStatus.AddressNak;
            }

            ClockTransaction(count);
            return peer.OnRead(this, buffer, offset, count);
        }

        /// <summary>The bus time of an acknowledged transaction, stretched if a fault asked for it.</summary>
        private void ClockTransaction(int dataBytes)
        {
            long micros = TransactionMicros(dataBytes);
            if (_stretchCount > 0)
            {
                _stretchCount--;
                micros += _stretchMicros;
            }

            _clock.Advance(micros);
            _byteCount += dataBytes;
        }

        /// <summary>Counts the transaction and returns the peer that acknowledges its address, or null (address NAK, one address byte of bus time).</summary>
        private ISimI2cPeer BeginTransaction()
        {
            _transactionCount++;
            ISimI2cPeer peer = _peer;
            if (peer == null || _nakCount > 0)
            {
                if (_nakCount > 0)
                {
                    _nakCount--;
                }

                _clock.Advance(TransactionMicros(0));
                return null;
            }

            return peer;
        }
    }
}
