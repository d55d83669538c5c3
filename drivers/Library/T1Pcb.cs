namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// The protocol control byte of a T=1 block (ISO/IEC 7816-3 §11.3.2): block
    /// type, sequence numbers N(S)/N(R), the more-data bit M, R-block error codes and S-block types.
    /// </summary>
    public static class T1Pcb
    {
        /// <summary>I-block: b8 = 0.</summary>
        public const byte IBlock = 0x00;

        /// <summary>I-block b7: the send-sequence number N(S).</summary>
        public const byte SendSequence = 0x40;

        /// <summary>I-block b6: the more-data bit M (chaining, §11.6).</summary>
        public const byte MoreData = 0x20;

        /// <summary>R-block: b8 b7 = 10.</summary>
        public const byte RBlock = 0x80;

        /// <summary>R-block b5: N(R), the N(S) of the I-block expected next.</summary>
        public const byte ReceiveSequence = 0x10;

        /// <summary>R-block b4..b1 = 0: error-free acknowledgement.</summary>
        public const byte ErrorFree = 0x00;

        /// <summary>R-block b4..b1 = 1: EDC or parity error.</summary>
        public const byte EdcError = 0x01;

        /// <summary>R-block b4..b1 = 2: other error.</summary>
        public const byte OtherError = 0x02;

        /// <summary>S-block: b8 b7 = 11.</summary>
        public const byte SBlock = 0xC0;

        /// <summary>S-block b6: 0 request, 1 response.</summary>
        public const byte Response = 0x20;

        public const byte ResynchRequest = 0xC0;
        public const byte ResynchResponse = 0xE0;
        public const byte IfsRequest = 0xC1;
        public const byte IfsResponse = 0xE1;
        public const byte AbortRequest = 0xC2;
        public const byte AbortResponse = 0xE2;
        public const byte WtxRequest = 0xC3;
        public const byte WtxResponse = 0xE3;

        /// <summary>b8: 0 for an I-block, 1 for R and S.</summary>
        private const byte NotIBlockBit = 0x80;

        /// <summary>Bits that tell R from S (b8 b7).</summary>
        private const byte TypeMask = 0xC0;

        /// <summary>I-block bits b5..b1, reserved (must be 0).</summary>
        private const byte IBlockReservedMask = 0x1F;

        /// <summary>R-block b6 (reserved, must be 0) and the error code b4..b1.</summary>
        private const byte RBlockReservedMask = 0x20;
        private const byte RBlockErrorMask = 0x0F;

        /// <summary>S-block b5..b1: the type (RESYNCH 0, IFS 1, ABORT 2, WTX 3; the rest is invalid here).</summary>
        private const byte SBlockTypeMask = 0x1F;
        private const byte HighestSBlockType = 0x03;

        public static bool IsIBlock(byte pcb)
        {
            return (pcb & NotIBlockBit) == 0;
        }

        public static bool IsRBlock(byte pcb)
        {
            return (pcb & TypeMask) == RBlock;
        }

        public static bool IsSBlock(byte pcb)
        {
            return (pcb & TypeMask) == SBlock;
        }

        /// <summary>N(S) of an I-block or N(R) of an R-block, as 0 or 1.</summary>
        public static int Sequence(byte pcb)
        {
            if (IsIBlock(pcb))
            {
                return (pcb & SendSequence) != 0 ? 1 : 0;
            }

            return (pcb & ReceiveSequence) != 0 ? 1 : 0;
        }

        public static bool HasMoreData(byte pcb)
        {
            return IsIBlock(pcb) && (pcb & MoreData) != 0;
        }

        /// <summary>The R-block error code (ErrorFree, EdcError or OtherError).</summary>
        public static int RBlockError(byte pcb)
        {
            return pcb & RBlockErrorMask;
        }

        /// <summary>PCB of an I-block with the given N(S) and M.</summary>
        public static byte ForIBlock(int sendSequence, bool moreData)
        {
            int pcb = IBlock;
            if (sendSequence != 0)
            {
                pcb |= SendSequence;
            }

            if (moreData)
            {
                pcb |= MoreData;
            }

            return (byte)pcb;
        }

        /// <summary>PCB of an R-block with the given N(R) and error code.</summary>
        public static byte ForRBlock(int receiveSequence, byte error)
        {
            return (byte)(RBlock | (receiveSequence != 0 ? ReceiveSequence : 0) | error);
        }

        /// <summary>
        /// True when the PCB is one the standard defines: reserved bits clear, R-block error code
        /// 0–2, S-block type RESYNCH, IFS, ABORT or WTX (the obsolete VPP error is refused).
        /// </summary>
        public static bool IsDefined(byte pcb)
        {
            if (IsIBlock(pcb))
            {
                return (pcb & IBlockReservedMask) == 0;
            }

            if (IsRBlock(pcb))
            {
                return (pcb & RBlockReservedMask) == 0 && RBlockError(pcb) <= OtherError;
            }

            return (pcb & SBlockTypeMask) <= HighestSBlockType;
        }
    }
}
