using System;

namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>
    /// An <see cref="IAppendStorage"/> in RAM that can lose power. Appended bytes wait in a volatile
    /// cache, as in an OS page cache or a flash driver's write buffer; <see cref="Flush"/> moves them to
    /// the medium one byte at a time. <see cref="CutPowerAfter"/> lets only so many more bytes reach the
    /// medium: the write it interrupts is torn per <see cref="SimTornWrite"/>, and every call fails until
    /// <see cref="PowerCycle"/>, which comes back with what reached the medium and nothing of the cache.
    /// </summary>
    public sealed class SimAppendStorage : IAppendStorage
    {
        private const int InitialCapacity = 256;
        private const byte ErasedByte = 0xFF;
        private const int NoCut = -1;

        private readonly Random _garbage;
        private byte[] _medium = new byte[InitialCapacity];
        private int _mediumLength;
        private byte[] _cache = new byte[InitialCapacity];
        private int _cacheLength;
        private int _bytesUntilCut = NoCut;
        private SimTornWrite _tornWrite;
        private bool _powered = true;

        /// <param name="garbageSeed">Seed of the bytes a <see cref="SimTornWrite.Garbage"/> cut leaves, so runs repeat.</param>
        public SimAppendStorage(int garbageSeed)
        {
            _garbage = new Random(garbageSeed);
        }

        public long Length
        {
            get { return _mediumLength + _cacheLength; }
        }

        /// <summary>False from the moment the power is cut until <see cref="PowerCycle"/>.</summary>
        public bool IsPowered
        {
            get { return _powered; }
        }

        /// <summary>Bytes that have reached the medium since it was made (the positions a cut can fall on).</summary>
        public long MediumWrites { get; private set; }

        /// <summary>Cuts the power once <paramref name="bytes"/> more bytes have reached the medium
        /// (0: the next byte written is the first lost).</summary>
        public void CutPowerAfter(int bytes, SimTornWrite tornWrite)
        {
            _bytesUntilCut = bytes;
            _tornWrite = tornWrite;
        }

        /// <summary>Power off and on: the cache is lost, the medium stays as it is, no cut is armed.</summary>
        public void PowerCycle()
        {
            _cacheLength = 0;
            _bytesUntilCut = NoCut;
            _powered = true;
        }

        /// <summary>Overwrites bytes already on the medium (bit rot, a test's corruption); does not count as a write.</summary>
        public void Corrupt(long position, byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count && position + i < _mediumLength; i++)
            {
                _medium[(int)position + i] = buffer[offset + i];
            }
        }

        public int Read(long position, byte[] buffer, int offset, int count)
        {
            if (!_powered || position < 0 || count < 0)
            {
                return -1;
            }
            int copied = 0;
            while (copied < count && position + copied < Length)
            {
                int at = (int)position + copied;
                buffer[offset + copied] = at < _mediumLength ? _medium[at] : _cache[at - _mediumLength];
                copied++;
            }
            return copied;
        }

        public bool Append(byte[] buffer, int offset, int count)
        {
            if (!_powered || count < 0)
            {
                return false;
            }
            _cache = EnsureCapacity(_cache, _cacheLength + count);
            for (int i = 0; i < count; i++)
            {
                _cache[_cacheLength + i] = buffer[offset + i];
            }
            _cacheLength += count;
            return true;
        }

        public bool Flush()
        {
            if (!_powered)
            {
                return false;
            }
            _medium = EnsureCapacity(_medium, _mediumLength + _cacheLength);
            for (int i = 0; i < _cacheLength; i++)
            {
                if (_bytesUntilCut == 0)
                {
                    LoseRestOfWrite(i);
                    return false;
                }
                WriteToMedium(_cache[i]);
            }
            _cacheLength = 0;
            if (_bytesUntilCut == 0)
            {
                _powered = false;
            }
            return true;
        }

        public bool Truncate(long length)
        {
            if (!_powered || length < 0 || length > Length)
            {
                return false;
            }
            if (length < _mediumLength)
            {
                _mediumLength = (int)length;
                _cacheLength = 0;
            }
            else
            {
                _cacheLength = (int)(length - _mediumLength);
            }
            return Flush();
        }

        private void WriteToMedium(byte value)
        {
            _medium[_mediumLength++] = value;
            MediumWrites++;
            if (_bytesUntilCut > 0)
            {
                _bytesUntilCut--;
            }
        }

        /// <summary>The power goes while the cache is written from <paramref name="cutIndex"/> on.</summary>
        private void LoseRestOfWrite(int cutIndex)
        {
            if (_tornWrite != SimTornWrite.Prefix)
            {
                for (int i = cutIndex; i < _cacheLength; i++)
                {
                    _medium[_mediumLength++] = _tornWrite == SimTornWrite.Erased ? ErasedByte : (byte)_garbage.Next(256);
                }
            }
            _cacheLength = 0;
            _powered = false;
        }

        private static byte[] EnsureCapacity(byte[] buffer, int needed)
        {
            if (needed <= buffer.Length)
            {
                return buffer;
            }
            int capacity = buffer.Length;
            while (capacity < needed)
            {
                capacity *= 2;
            }
            byte[] grown = new byte[capacity];
            for (int i = 0; i < buffer.Length; i++)
            {
                grown[i] = buffer[i];
            }
            return grown;
        }
    }
}
