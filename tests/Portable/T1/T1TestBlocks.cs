using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.T1
{
    /// <summary>
    /// Builds the blocks of a test script by hand (NAD 00, PCB, LEN, INF, EDC), independently of the
    /// engine's block writer; the EDC comes from <see cref="Edc"/>, which EdcTests check against
    /// published values. Also corrupts blocks and builds ATRs announcing T=1.
    /// </summary>
    public sealed class T1TestBlocks
    {
        private readonly bool _useCrc;

        /// <summary>Blocks with an LRC (false) or CRC (true) epilogue.</summary>
        public T1TestBlocks(bool useCrc)
        {
            _useCrc = useCrc;
        }

        public byte[] I(int ns, bool more, byte[] inf, int offset, int length)
        {
            byte pcb = (byte)((ns != 0 ? 0x40 : 0x00) | (more ? 0x20 : 0x00));
            return Block(pcb, inf, offset, length);
        }

        public byte[] I(int ns, bool more, string infHex)
        {
            byte[] inf = TestSupport.Hex(infHex);
            return I(ns, more, inf, 0, inf.Length);
        }

        /// <summary>R-block: error 0 acknowledgement, 1 EDC/parity error, 2 other error.</summary>
        public byte[] R(int nr, int error)
        {
            return Block((byte)(0x80 | (nr != 0 ? 0x10 : 0x00) | error), null, 0, 0);
        }

        public byte[] S(int pcb, string infHex)
        {
            byte[] inf = TestSupport.Hex(infHex);
            return Block((byte)pcb, inf, 0, inf.Length);
        }

        public byte[] Block(byte pcb, byte[] inf, int offset, int length)
        {
            int edcLength = _useCrc ? 2 : 1;
            byte[] block = new byte[3 + length + edcLength];
            block[1] = pcb;
            block[2] = (byte)length;
            for (int i = 0; i < length; i++)
            {
                block[3 + i] = inf[offset + i];
            }

            if (_useCrc)
            {
                int crc = Edc.ComputeCrc(block, 0, 3 + length);
                block[3 + length] = (byte)(crc >> 8);
                block[4 + length] = (byte)crc;
            }
            else
            {
                block[3 + length] = Edc.ComputeLrc(block, 0, 3 + length);
            }

            return block;
        }

        /// <summary>A copy with the last EDC byte flipped: what a line error makes of the block.</summary>
        public static byte[] Corrupt(byte[] block)
        {
            byte[] copy = new byte[block.Length];
            for (int i = 0; i < block.Length; i++)
            {
                copy[i] = block[i];
            }

            copy[copy.Length - 1] ^= 0x5A;
            return copy;
        }

        /// <summary>The first <paramref name="count"/> bytes: the card stopped in the middle of the block.</summary>
        public static byte[] Truncate(byte[] block, int count)
        {
            byte[] part = new byte[count];
            for (int i = 0; i < count; i++)
            {
                part[i] = block[i];
            }

            return part;
        }

        /// <summary>Bytes 0, 1, 2 … (mod 256) as command or response data.</summary>
        public static byte[] Pattern(int length, int seed)
        {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++)
            {
                data[i] = (byte)(i + seed);
            }

            return data;
        }

        /// <summary>
        /// ATR 3B 80 81 71 TA3 TB3 TC3 TCK: T=1 only, IFSC = <paramref name="ifsc"/>, BWI 4 CWI 5,
        /// TC3 b1 = CRC.
        /// </summary>
        public static Atr Atr(int ifsc, bool crc)
        {
            byte[] bytes = { 0x3B, 0x80, 0x81, 0x71, (byte)ifsc, 0x45, (byte)(crc ? 0x01 : 0x00), 0x00 };
            byte tck = 0;
            for (int i = 1; i < bytes.Length - 1; i++)
            {
                tck ^= bytes[i];
            }

            bytes[bytes.Length - 1] = tck;
            return Drivers.Atr.Parse(bytes, 0, bytes.Length);
        }

        public static CardTiming Timing()
        {
            CardTiming timing = new CardTiming();
            timing.Protocol = Protocols.T1;
            timing.TurnaroundEtu = 22;
            timing.BlockWaitingTimeMicros = 1600000;
            timing.CharacterWaitingTimeMicros = 4000;
            return timing;
        }
    }
}
