namespace EmbeddedSmartCard.Firmware.Security
{
    /// <summary>
    /// SHA-256 (FIPS 180-4 §6.2) over data given in pieces. The message block, the schedule and the state
    /// are allocated once, so hashing allocates nothing; <see cref="Reset"/> starts a new message.
    /// </summary>
    public sealed class Sha256
    {
        /// <summary>Digest size in bytes (FIPS 180-4 §1, 256 bits).</summary>
        public const int HashLength = 32;

        /// <summary>Message block size in bytes (FIPS 180-4 §1, 512 bits).</summary>
        public const int BlockLength = 64;

        /// <summary>Bytes of the message length field at the end of the padding (FIPS 180-4 §5.1.1, 64 bits).</summary>
        private const int LengthFieldLength = 8;

        private const int ScheduleLength = 64;
        private const byte PaddingMarker = 0x80;

        /// <summary>K0..K63 (FIPS 180-4 §4.2.2).</summary>
        private static readonly uint[] RoundConstants = new uint[]
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        /// <summary>H(0) (FIPS 180-4 §5.3.3).</summary>
        private static readonly uint[] InitialHash = new uint[]
        {
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
        };

        private readonly uint[] _hash = new uint[8];
        private readonly uint[] _schedule = new uint[ScheduleLength];
        private readonly byte[] _block = new byte[BlockLength];
        private int _blockFill;
        private long _messageLength;

        public Sha256()
        {
            Reset();
        }

        /// <summary>Starts a new message.</summary>
        public void Reset()
        {
            for (int i = 0; i < _hash.Length; i++)
            {
                _hash[i] = InitialHash[i];
            }

            _blockFill = 0;
            _messageLength = 0;
        }

        /// <summary>Adds <paramref name="count"/> message bytes.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            _messageLength += count;
            for (int i = 0; i < count; i++)
            {
                _block[_blockFill] = data[offset + i];
                _blockFill++;
                if (_blockFill == BlockLength)
                {
                    Compress();
                    _blockFill = 0;
                }
            }
        }

        /// <summary>
        /// Pads the message (FIPS 180-4 §5.1.1: a 1 bit, zeros, the 64-bit bit length), writes the 32-byte
        /// digest at <paramref name="offset"/> and starts a new message.
        /// </summary>
        public void Finish(byte[] digest, int offset)
        {
            long bitLength = _messageLength * 8;
            _block[_blockFill] = PaddingMarker;
            _blockFill++;
            if (_blockFill > BlockLength - LengthFieldLength)
            {
                ZeroBlockFrom(_blockFill);
                Compress();
                _blockFill = 0;
            }

            ZeroBlockFrom(_blockFill);
            for (int i = 0; i < LengthFieldLength; i++)
            {
                _block[BlockLength - 1 - i] = (byte)(bitLength >> (8 * i));
            }

            Compress();
            for (int i = 0; i < _hash.Length; i++)
            {
                WriteBigEndian(_hash[i], digest, offset + 4 * i);
            }

            Reset();
        }

        private void ZeroBlockFrom(int start)
        {
            for (int i = start; i < BlockLength; i++)
            {
                _block[i] = 0;
            }
        }

        /// <summary>One block of the hash computation (FIPS 180-4 §6.2.2 steps 1-4).</summary>
        private void Compress()
        {
            PrepareSchedule();
            uint a = _hash[0];
            uint b = _hash[1];
            uint c = _hash[2];
            uint d = _hash[3];
            uint e = _hash[4];
            uint f = _hash[5];
            uint g = _hash[6];
            uint h = _hash[7];
            for (int t = 0; t < ScheduleLength; t++)
            {
                uint t1 = h + BigSigma1(e) + Choose(e, f, g) + RoundConstants[t] + _schedule[t];
                uint t2 = BigSigma0(a) + Majority(a, b, c);
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            _hash[0] += a;
            _hash[1] += b;
            _hash[2] += c;
            _hash[3] += d;
            _hash[4] += e;
            _hash[5] += f;
            _hash[6] += g;
            _hash[7] += h;
        }

        /// <summary>W0..W63 from the block (FIPS 180-4 §6.2.2 step 1).</summary>
        private void PrepareSchedule()
        {
            for (int t = 0; t < 16; t++)
            {
                int i = 4 * t;
                _schedule[t] = ((uint)_block[i] << 24) | ((uint)_block[i + 1] << 16) | ((uint)_block[i + 2] << 8) | _block[i + 3];
            }

            for (int t = 16; t < ScheduleLength; t++)
            {
                _schedule[t] = SmallSigma1(_schedule[t - 2]) + _schedule[t - 7] + SmallSigma0(_schedule[t - 15]) + _schedule[t - 16];
            }
        }

        private static void WriteBigEndian(uint value, byte[] buffer, int offset)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }

        private static uint RotateRight(uint x, int n)
        {
            return (x >> n) | (x << (32 - n));
        }

        // The functions of FIPS 180-4 §4.1.2 (4.2)-(4.7).
        private static uint Choose(uint x, uint y, uint z)
        {
            return (x & y) ^ (~x & z);
        }

        private static uint Majority(uint x, uint y, uint z)
        {
            return (x & y) ^ (x & z) ^ (y & z);
        }

        private static uint BigSigma0(uint x)
        {
            return RotateRight(x, 2) ^ RotateRight(x, 13) ^ RotateRight(x, 22);
        }

        private static uint BigSigma1(uint x)
        {
            return RotateRight(x, 6) ^ RotateRight(x, 11) ^ RotateRight(x, 25);
        }

        private static uint SmallSigma0(uint x)
        {
            return RotateRight(x, 7) ^ RotateRight(x, 18) ^ (x >> 3);
        }

        private static uint SmallSigma1(uint x)
        {
            return RotateRight(x, 17) ^ RotateRight(x, 19) ^ (x >> 10);
        }
    }
}
