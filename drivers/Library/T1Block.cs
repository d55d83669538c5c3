namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// Layout of a T=1 block (ISO/IEC 7816-3 §11.3.1): prologue NAD, PCB, LEN; information field
    /// INF of LEN bytes; epilogue EDC. Builds blocks to send and checks received ones in
    /// caller-provided buffers.
    /// </summary>
    public static class T1Block
    {
        public const int NadOffset = 0;
        public const int PcbOffset = 1;
        public const int LenOffset = 2;
        public const int InfOffset = 3;
        public const int PrologueLength = 3;

        /// <summary>LEN 0..254 (§11.3.2.3); the largest IFSC and IFSD.</summary>
        public const int MaxInfLength = 254;

        /// <summary>The smallest IFSC/IFSD (§11.4.2).</summary>
        public const int MinIfs = 1;

        /// <summary>LEN = FF is reserved (§11.3.2.3): such a block is invalid.</summary>
        public const int ReservedLen = 0xFF;

        /// <summary>The largest block: prologue, 254 INF bytes and a CRC.</summary>
        public const int MaxLength = PrologueLength + MaxInfLength + Edc.CrcLength;

        /// <summary>
        /// Writes NAD, PCB, LEN, the INF bytes and the EDC into <paramref name="block"/> from index 0;
        /// returns the block length. <paramref name="infLength"/> must be 0..254.
        /// </summary>
        public static int Write(byte[] block, byte nad, byte pcb, byte[] inf, int infOffset, int infLength, bool useCrc)
        {
            block[NadOffset] = nad;
            block[PcbOffset] = pcb;
            block[LenOffset] = (byte)infLength;
            for (int i = 0; i < infLength; i++)
            {
                block[InfOffset + i] = inf[infOffset + i];
            }

            int length = PrologueLength + infLength;
            return length + Edc.Append(useCrc, block, 0, length);
        }

        /// <summary>
        /// Checks a received block of <paramref name="length"/> bytes. Returns the R-block error code a
        /// receiver reports for it (§11.6.3 rule 7.1): <see cref="T1Pcb.ErrorFree"/> for a valid block,
        /// <see cref="T1Pcb.EdcError"/> when the EDC is wrong, <see cref="T1Pcb.OtherError"/> for a
        /// reserved LEN, a length that disagrees with LEN, an unexpected NAD, an undefined PCB or an
        /// S-block whose INF does not fit its type.
        /// </summary>
        public static byte Check(byte[] block, int length, bool useCrc, byte expectedNad)
        {
            if (length < PrologueLength || block[LenOffset] == ReservedLen
                || length != PrologueLength + block[LenOffset] + Edc.Length(useCrc))
            {
                return T1Pcb.OtherError;
            }

            if (!Edc.IsValid(useCrc, block, 0, length))
            {
                return T1Pcb.EdcError;
            }

            byte pcb = block[PcbOffset];
            if (block[NadOffset] != expectedNad || !T1Pcb.IsDefined(pcb) || !HasInfLengthOfItsType(pcb, block))
            {
                return T1Pcb.OtherError;
            }

            return T1Pcb.ErrorFree;
        }

        /// <summary>True for an information field size IFSC/IFSD the standard allows: 1..254 (§11.4.2).</summary>
        public static bool IsValidIfs(int size)
        {
            return size >= MinIfs && size <= MaxInfLength;
        }

        /// <summary>INF length of the block (valid after <see cref="Check"/>).</summary>
        public static int InfLength(byte[] block)
        {
            return block[LenOffset];
        }

        /// <summary>
        /// R-blocks carry no INF; S(RESYNCH) and S(ABORT) none either; S(IFS) one byte 01..FE and
        /// S(WTX) one non-zero multiplier (§11.3.2, §11.4.2).
        /// </summary>
        private static bool HasInfLengthOfItsType(byte pcb, byte[] block)
        {
            int len = block[LenOffset];
            if (T1Pcb.IsIBlock(pcb))
            {
                return true;
            }

            if (T1Pcb.IsRBlock(pcb))
            {
                return len == 0;
            }

            byte type = (byte)(pcb & ~T1Pcb.Response);
            if (type == T1Pcb.IfsRequest)
            {
                return len == 1 && IsValidIfs(block[InfOffset]);
            }

            if (type == T1Pcb.WtxRequest)
            {
                return len == 1 && block[InfOffset] != 0;
            }

            return len == 0;
        }
    }
}
