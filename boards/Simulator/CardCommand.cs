namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// A command APDU as the card's applet sees it, decoded per ISO 7816-4 §5.1 (cases 1, 2S/2E,
    /// 3S/3E, 4S/4E): header, Nc data bytes at <see cref="DataOffset"/> and Ne (0 when no Le field).
    /// Reused for every command, so decoding allocates nothing.
    /// </summary>
    public sealed class CardCommand
    {
        /// <summary>Ne for a short Le of 00.</summary>
        public const int MaxShortNe = 256;

        /// <summary>Ne for an extended Le of 0000.</summary>
        public const int MaxExtendedNe = 65536;

        private const int HeaderLength = 4;

        public byte[] Buffer;
        public int Offset;
        public byte Cla;
        public byte Ins;
        public byte P1;
        public byte P2;
        public int DataOffset;
        public int Nc;
        public int Ne;

        /// <summary>P1 and P2 as one 16-bit number.</summary>
        public int P1P2
        {
            get { return (P1 << 8) | P2; }
        }

        /// <summary>Decodes <paramref name="length"/> bytes; false when the length fits no case (6700).</summary>
        public bool Decode(byte[] buffer, int offset, int length)
        {
            Buffer = buffer;
            Offset = offset;
            Nc = 0;
            Ne = 0;
            DataOffset = offset + HeaderLength;
            if (length < HeaderLength)
            {
                return false;
            }

            Cla = buffer[offset];
            Ins = buffer[offset + 1];
            P1 = buffer[offset + 2];
            P2 = buffer[offset + 3];
            int body = length - HeaderLength;
            if (body == 0)
            {
                return true;
            }

            int b1 = buffer[offset + HeaderLength];
            if (body == 1)
            {
                Ne = b1 == 0 ? MaxShortNe : b1;
                return true;
            }

            if (b1 != 0)
            {
                return DecodeShortData(b1, body);
            }

            return DecodeExtended(buffer, offset + HeaderLength, body);
        }

        /// <summary>Cases 3S (Lc data) and 4S (Lc data Le).</summary>
        private bool DecodeShortData(int lc, int body)
        {
            Nc = lc;
            DataOffset = Offset + HeaderLength + 1;
            if (body == 1 + lc)
            {
                return true;
            }

            if (body == 2 + lc)
            {
                int le = Buffer[Offset + HeaderLength + 1 + lc];
                Ne = le == 0 ? MaxShortNe : le;
                return true;
            }

            return false;
        }

        /// <summary>Cases 2E (00 Le Le), 3E (00 Lc Lc data) and 4E (00 Lc Lc data Le Le).</summary>
        private bool DecodeExtended(byte[] buffer, int body0, int body)
        {
            if (body < 3)
            {
                return false;
            }

            int value = (buffer[body0 + 1] << 8) | buffer[body0 + 2];
            if (body == 3)
            {
                Ne = value == 0 ? MaxExtendedNe : value;
                return true;
            }

            if (value == 0)
            {
                return false;
            }

            Nc = value;
            DataOffset = body0 + 3;
            if (body == 3 + value)
            {
                return true;
            }

            if (body == 5 + value)
            {
                int le = (buffer[body0 + 3 + value] << 8) | buffer[body0 + 4 + value];
                Ne = le == 0 ? MaxExtendedNe : le;
                return true;
            }

            return false;
        }
    }
}
