using System;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>
    /// A 24-series I2C memory (24LC256 EEPROM, MB85RC256V FRAM) behind a <see cref="SimI2cDevice"/>. A write
    /// transaction sets the two-byte word address (most significant byte first) and writes the bytes after it,
    /// wrapping inside the page (24LC256 datasheet "Page Write"); a read transaction reads on from the address,
    /// wrapping at the end of the memory ("Sequential Read"). After a write that stored bytes the chip does not
    /// acknowledge its address for the write cycle time (0 for FRAM), which is what acknowledge polling waits out.
    /// <see cref="CutPowerAfter"/> lets only so many more bytes reach the array: the write it interrupts is torn
    /// per <see cref="SimTornWrite"/> (<see cref="SimTornWrite.Prefix"/>: the rest keeps its old bytes), and the
    /// chip answers nothing until <see cref="PowerCycle"/>, which keeps the array.
    /// </summary>
    public sealed class SimI2cMemory : ISimI2cPeer
    {
        private const int WordAddressLength = 2;
        private const byte ErasedByte = 0xFF;
        private const int NoCut = -1;

        private readonly byte[] _array;
        private readonly int _pageBytes;
        private readonly long _writeCycleMicros;
        private readonly Random _garbage;
        private int _address;
        private long _busyUntilMicros;
        private int _bytesUntilCut = NoCut;
        private SimTornWrite _tornWrite;
        private bool _powered = true;

        /// <param name="capacityBytes">Array size (at most 65 536: two address bytes).</param>
        /// <param name="pageBytes">Write page (a power of two).</param>
        /// <param name="writeCycleMicros">How long the chip stays busy after a write (24LC256: up to 5 000; FRAM: 0).</param>
        /// <param name="garbageSeed">Seed of the bytes a <see cref="SimTornWrite.Garbage"/> cut leaves.</param>
        public SimI2cMemory(int capacityBytes, int pageBytes, long writeCycleMicros, int garbageSeed)
        {
            _array = new byte[capacityBytes];
            _pageBytes = pageBytes;
            _writeCycleMicros = writeCycleMicros;
            _garbage = new Random(garbageSeed);
            for (int i = 0; i < _array.Length; i++)
            {
                _array[i] = ErasedByte;
            }
        }

        /// <summary>The memory array (for tests: inspect or damage it).</summary>
        public byte[] Array
        {
            get { return _array; }
        }

        /// <summary>Bytes that have reached the array since the chip was made (the positions a cut can fall on).</summary>
        public long ArrayWrites { get; private set; }

        /// <summary>False from the moment the power is cut until <see cref="PowerCycle"/>.</summary>
        public bool IsPowered
        {
            get { return _powered; }
        }

        /// <summary>The host's side: a <see cref="SimI2cDevice"/> at <paramref name="address"/> on <paramref name="clock"/> with this chip on it.</summary>
        public SimI2cDevice Attach(VirtualClock clock, int address, int busHz)
        {
            SimI2cDevice device = new SimI2cDevice(clock, address, busHz);
            device.Peer = this;
            return device;
        }

        /// <summary>Cuts the power once <paramref name="bytes"/> more bytes have reached the array (0: the next byte is the first lost).</summary>
        public void CutPowerAfter(int bytes, SimTornWrite tornWrite)
        {
            _bytesUntilCut = bytes;
            _tornWrite = tornWrite;
        }

        /// <summary>Power off and on: the array stays, the address goes back to 0, no write cycle runs, no cut is armed.</summary>
        public void PowerCycle()
        {
            _address = 0;
            _busyUntilMicros = 0;
            _bytesUntilCut = NoCut;
            _powered = true;
        }

        public I2cStatus OnWrite(SimI2cDevice device, byte[] buffer, int offset, int count)
        {
            if (!Acknowledges(device))
            {
                return I2cStatus.AddressNak;
            }

            if (count < WordAddressLength)
            {
                // An address byte alone sets nothing: the chip waits for the second one.
                return I2cStatus.Ok;
            }

            _address = ((buffer[offset] << 8) | buffer[offset + 1]) % _array.Length;
            int data = count - WordAddressLength;
            if (data == 0)
            {
                return I2cStatus.Ok;
            }

            bool whole = Store(buffer, offset + WordAddressLength, data);
            _busyUntilMicros = device.Clock.NowMicros + _writeCycleMicros;
            return whole ? I2cStatus.Ok : I2cStatus.DataNak;
        }

        public I2cStatus OnRead(SimI2cDevice device, byte[] buffer, int offset, int count)
        {
            if (!Acknowledges(device))
            {
                return I2cStatus.AddressNak;
            }

            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = _array[_address];
                _address = (_address + 1) % _array.Length;
            }

            return I2cStatus.Ok;
        }

        /// <summary>Powered and not in a write cycle.</summary>
        private bool Acknowledges(SimI2cDevice device)
        {
            return _powered && device.Clock.NowMicros >= _busyUntilMicros;
        }

        /// <summary>Writes the page bytes from the address, wrapping inside the page; false when the power went during it.</summary>
        private bool Store(byte[] buffer, int offset, int count)
        {
            int pageStart = _address - (_address % _pageBytes);
            int inPage = _address - pageStart;
            for (int i = 0; i < count; i++)
            {
                int at = pageStart + ((inPage + i) % _pageBytes);
                if (_bytesUntilCut == 0)
                {
                    TearFrom(pageStart, inPage + i, count - i);
                    return false;
                }

                _array[at] = buffer[offset + i];
                ArrayWrites++;
                if (_bytesUntilCut > 0)
                {
                    _bytesUntilCut--;
                }
            }

            _address = pageStart + ((inPage + count) % _pageBytes);
            if (_bytesUntilCut == 0)
            {
                _powered = false;
            }

            return true;
        }

        /// <summary>The power goes with <paramref name="left"/> bytes of the write still to store from page position <paramref name="inPage"/>.</summary>
        private void TearFrom(int pageStart, int inPage, int left)
        {
            for (int i = 0; i < left && _tornWrite != SimTornWrite.Prefix; i++)
            {
                int at = pageStart + ((inPage + i) % _pageBytes);
                _array[at] = _tornWrite == SimTornWrite.Erased ? ErasedByte : (byte)_garbage.Next(256);
            }

            _powered = false;
        }
    }
}
