namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// Layout of the PN532 host frames (UM0701-02 §6.2.1, reference §3.1):
    /// normal   <c>00 00 FF LEN LCS TFI PD0..PDn DCS 00</c>,
    /// extended <c>00 00 FF FF FF LENm LENl LCS TFI PD0..PDn DCS 00</c>.
    /// LEN counts TFI..PDn; LEN + LCS ≡ 0 and TFI + PD0 + … + PDn + DCS ≡ 0 (mod 256).
    /// The "body" of a frame is TFI followed by PD0..PDn; PD0 is the command or response code.
    /// </summary>
    public static class Pn532Frame
    {
        public const byte Preamble = 0x00;
        public const byte StartCode1 = 0x00;
        public const byte StartCode2 = 0xFF;
        public const byte Postamble = 0x00;

        /// <summary>TFI of a frame from the host to the PN532.</summary>
        public const byte TfiHostToChip = 0xD4;

        /// <summary>TFI of a frame from the PN532 to the host.</summary>
        public const byte TfiChipToHost = 0xD5;

        /// <summary>TFI of the syntax error frame (UM0701-02 §6.2.1.5).</summary>
        public const byte TfiApplicationError = 0x7F;

        /// <summary>DCS of the syntax error frame: 7F + 81 ≡ 0.</summary>
        public const byte ApplicationErrorDcs = 0x81;

        /// <summary>LEN/LCS pair FF FF announcing an extended frame (UM0701-02 §6.2.1.2).</summary>
        public const byte ExtendedMarker = 0xFF;

        /// <summary>Largest body (TFI + PD) a normal frame can carry: LEN is one byte and FF is the extended marker.</summary>
        public const int MaxNormalBodyLength = 255;

        /// <summary>Largest body the PN532 accepts in one frame: "up to 265 bytes" incl. TFI (AN10449, reference §3.1).</summary>
        public const int MaxBodyLength = 265;

        /// <summary>Bytes of a normal frame around its body: preamble, start code (2), LEN, LCS, DCS, postamble.</summary>
        public const int NormalOverhead = 7;

        /// <summary>Bytes of an extended frame around its body: preamble, start code (2), FF FF, LENm, LENl, LCS, DCS, postamble.</summary>
        public const int ExtendedOverhead = 10;

        /// <summary>Length of the ACK and NACK frames.</summary>
        public const int AckLength = 6;

        /// <summary>Length of the syntax error frame.</summary>
        public const int ApplicationErrorLength = 8;

        /// <summary>Largest frame on the wire: an extended frame with the largest body.</summary>
        public const int MaxFrameLength = MaxBodyLength + ExtendedOverhead;

        /// <summary>Response code the PN532 answers to <paramref name="command"/> (UM0701-02 §6.2.1.1: command + 1).</summary>
        public static byte ResponseCode(byte command)
        {
            return (byte)(command + 1);
        }

        /// <summary>Frame length for a body of <paramref name="bodyLength"/> bytes (extended above 255).</summary>
        public static int FrameLength(int bodyLength)
        {
            return bodyLength > MaxNormalBodyLength ? bodyLength + ExtendedOverhead : bodyLength + NormalOverhead;
        }

        /// <summary>The byte that brings <paramref name="sum"/> to 0 mod 256: LCS from LEN (or LENm + LENl), DCS from TFI + PD.</summary>
        public static byte Checksum(int sum)
        {
            return (byte)(0x100 - (sum & 0xFF));
        }

        /// <summary>Sum of <paramref name="count"/> bytes modulo 256 (the DCS rule's left-hand side).</summary>
        public static int Sum(byte[] buffer, int offset, int count)
        {
            int sum = 0;
            for (int i = 0; i < count; i++)
            {
                sum += buffer[offset + i];
            }

            return sum & 0xFF;
        }
    }
}
