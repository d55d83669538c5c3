namespace EmbeddedSmartCard.Hal.Storage
{
    /// <summary>
    /// An <see cref="IAppendStorage"/> on a 24-series I2C FRAM or EEPROM (a nanoFramework board has no file
    /// system). The first two pages hold two copies of a header naming the committed length; the log's bytes
    /// follow from the third page. <see cref="Append"/> writes past the committed length, where nothing reads
    /// them yet; <see cref="Flush"/> commits them by writing a header with the next sequence number into the
    /// copy that is not the newest, so a power cut during any write leaves the previous commit readable and
    /// never loses an append whose flush returned true (<see cref="I2cMemoryHeader"/>). An EEPROM busy with its
    /// write cycle does not acknowledge its address; every transaction is retried up to
    /// <see cref="MaxBusyRetries"/> times (the acknowledge polling of the 24LC256 datasheet), so every wait is bounded.
    /// Call <see cref="Open"/> first; a bus failure is a false or -1 result, never an exception.
    /// </summary>
    public sealed class I2cMemoryAppendStorage : IAppendStorage
    {
        /// <summary>
        /// Address NAKs tolerated per transaction: a 5 ms EEPROM write cycle is over before 500 NAKed address
        /// bytes at 1 MHz (11 clocks each); 2000 leaves room and still gives up on a missing chip in well under a second.
        /// </summary>
        public const int MaxBusyRetries = 2000;

        private const int HeaderCopies = 2;
        private const int WordAddressLength = 2;
        private const int NoCopy = -1;

        private readonly II2cDevice _device;
        private readonly I2cMemoryChip _chip;
        private readonly int _dataStart;
        private readonly byte[] _header = new byte[I2cMemoryHeader.Length];
        private readonly byte[] _transfer;
        private bool _open;
        private int _length;
        private int _committedLength;
        private uint _sequence;
        private int _newestCopy = NoCopy;

        public I2cMemoryAppendStorage(II2cDevice device, I2cMemoryChip chip)
        {
            _device = device;
            _chip = chip;
            _dataStart = HeaderCopies * chip.PageBytes;
            _transfer = new byte[WordAddressLength + chip.PageBytes];
        }

        /// <summary>Bytes the log can hold: the chip less the two header pages.</summary>
        public int CapacityBytes
        {
            get { return _chip.CapacityBytes - _dataStart; }
        }

        public bool IsOpen
        {
            get { return _open; }
        }

        public long Length
        {
            get { return _length; }
        }

        /// <summary>
        /// Reads both header copies and takes the newest valid one; with none (a new chip) the log is empty.
        /// False when the chip cannot be read.
        /// </summary>
        public bool Open()
        {
            _open = false;
            _newestCopy = NoCopy;
            _sequence = 0;
            _committedLength = 0;
            for (int copy = 0; copy < HeaderCopies; copy++)
            {
                if (!ReadBytes(HeaderAddress(copy), _header, 0, _header.Length))
                {
                    return false;
                }

                TakeIfNewest(copy);
            }

            _length = _committedLength;
            _open = true;
            return true;
        }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            if (!_open || position < 0 || count < 0)
            {
                return -1;
            }

            int available = position >= _length ? 0 : _length - (int)position;
            int wanted = count < available ? count : available;
            return ReadBytes(_dataStart + (int)position, buffer, offset, wanted) ? wanted : -1;
        }

        public bool Append(byte[] buffer, int offset, int count)
        {
            if (!_open || count < 0 || count > CapacityBytes - _length)
            {
                return false;
            }

            if (!WriteBytes(_dataStart + _length, buffer, offset, count))
            {
                return false;
            }

            _length += count;
            return true;
        }

        public bool Flush()
        {
            return _open && (_length == _committedLength || Commit(_length));
        }

        public bool Truncate(long length)
        {
            if (!_open || length < 0 || length > _length)
            {
                return false;
            }

            _length = (int)length;
            return Flush();
        }

        /// <summary>Writes the header of the next sequence into the older copy; the new length counts once it is whole.</summary>
        private bool Commit(int length)
        {
            int copy = _newestCopy == 0 ? 1 : 0;
            uint sequence = _sequence + 1;
            I2cMemoryHeader.Encode(sequence, length, _header);
            if (!WriteBytes(HeaderAddress(copy), _header, 0, _header.Length))
            {
                return false;
            }

            _newestCopy = copy;
            _sequence = sequence;
            _committedLength = length;
            return true;
        }

        private void TakeIfNewest(int copy)
        {
            if (!I2cMemoryHeader.IsValid(_header, CapacityBytes))
            {
                return;
            }

            uint sequence = I2cMemoryHeader.SequenceOf(_header);
            if (_newestCopy == NoCopy || I2cMemoryHeader.IsNewer(sequence, _sequence))
            {
                _newestCopy = copy;
                _sequence = sequence;
                _committedLength = I2cMemoryHeader.CommittedLengthOf(_header);
            }
        }

        private int HeaderAddress(int copy)
        {
            return copy * _chip.PageBytes;
        }

        /// <summary>Page writes: each transaction stays inside one page, since an EEPROM wraps at the page's end (24LC256 "Page Write").</summary>
        private bool WriteBytes(int address, byte[] buffer, int offset, int count)
        {
            int done = 0;
            while (done < count)
            {
                int at = address + done;
                int room = _chip.PageBytes - (at % _chip.PageBytes);
                int chunk = count - done < room ? count - done : room;
                SetWordAddress(at);
                for (int i = 0; i < chunk; i++)
                {
                    _transfer[WordAddressLength + i] = buffer[offset + done + i];
                }

                if (!Transact(true, WordAddressLength + chunk))
                {
                    return false;
                }

                done += chunk;
            }

            return true;
        }

        /// <summary>Random read: a write of the word address, then a sequential read from it (24LC256 "Random Read").</summary>
        private bool ReadBytes(int address, byte[] buffer, int offset, int count)
        {
            if (count == 0)
            {
                return true;
            }

            SetWordAddress(address);
            if (!Transact(true, WordAddressLength))
            {
                return false;
            }

            return Retry(false, buffer, offset, count);
        }

        private void SetWordAddress(int address)
        {
            _transfer[0] = (byte)(address >> 8);
            _transfer[1] = (byte)address;
        }

        private bool Transact(bool write, int count)
        {
            return Retry(write, _transfer, 0, count);
        }

        /// <summary>One transaction, repeated while the chip does not acknowledge its address (busy with a write cycle).</summary>
        private bool Retry(bool write, byte[] buffer, int offset, int count)
        {
            for (int attempt = 0; attempt <= MaxBusyRetries; attempt++)
            {
                I2cStatus status = write ? _device.Write(buffer, offset, count) : _device.Read(buffer, offset, count);
                if (status != I2cStatus.AddressNak)
                {
                    return status == I2cStatus.Ok;
                }
            }

            return false;
        }
    }
}
