namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>
    /// Walks BER-TLV data objects in place (ISO 7816-4 §5.2, EMV Book 3 Annex B): a tag of one byte, or
    /// more when its low five bits are all set (each further byte with b8 set announcing another); a
    /// length of one byte below 128, or 81/82 followed by one or two length bytes. Nothing is allocated;
    /// malformed data ends the walk instead of throwing.
    /// </summary>
    public static class BerTlv
    {
        /// <summary>00 and FF between data objects are padding (ISO 7816-4 §5.2.2.1).</summary>
        private const byte PaddingZero = 0x00;
        private const byte PaddingFF = 0xFF;

        private const int TagNumberMask = 0x1F;
        private const int MoreTagBytes = 0x80;
        private const int LongLengthFlag = 0x80;
        private const int OneLengthByte = 0x81;
        private const int TwoLengthBytes = 0x82;

        /// <summary>Tags longer than three bytes are beyond what ISO 7816-4 uses.</summary>
        private const int MaxTagBytes = 3;

        /// <summary>
        /// Reads the data object at <paramref name="position"/> (padding skipped) ending no later than
        /// <paramref name="end"/>. Returns the position after it, or -1 when there is none or it is malformed.
        /// </summary>
        public static int Next(byte[] data, int position, int end, out int tag, out int valueOffset, out int valueLength)
        {
            tag = 0;
            valueOffset = 0;
            valueLength = 0;
            while (position < end && (data[position] == PaddingZero || data[position] == PaddingFF))
            {
                position++;
            }

            position = ReadTag(data, position, end, out tag);
            if (position < 0)
            {
                return -1;
            }

            position = ReadLength(data, position, end, out valueLength);
            if (position < 0 || valueLength > end - position)
            {
                return -1;
            }

            valueOffset = position;
            return position + valueLength;
        }

        /// <summary>
        /// Finds the first data object tagged <paramref name="wanted"/> among those in data[offset, offset + length)
        /// (one level, not inside constructed ones). False when absent or when the data is malformed before it.
        /// </summary>
        public static bool Find(byte[] data, int offset, int length, int wanted, out int valueOffset, out int valueLength)
        {
            int end = offset + length;
            int position = offset;
            int tag;
            while ((position = Next(data, position, end, out tag, out valueOffset, out valueLength)) >= 0)
            {
                if (tag == wanted)
                {
                    return true;
                }
            }

            valueOffset = 0;
            valueLength = 0;
            return false;
        }

        private static int ReadTag(byte[] data, int position, int end, out int tag)
        {
            tag = 0;
            if (position >= end)
            {
                return -1;
            }

            tag = data[position++];
            if ((tag & TagNumberMask) != TagNumberMask)
            {
                return position;
            }

            for (int count = 1; count < MaxTagBytes; count++)
            {
                if (position >= end)
                {
                    return -1;
                }

                int next = data[position++];
                tag = (tag << 8) | next;
                if ((next & MoreTagBytes) == 0)
                {
                    return position;
                }
            }

            return -1;
        }

        private static int ReadLength(byte[] data, int position, int end, out int length)
        {
            length = 0;
            if (position >= end)
            {
                return -1;
            }

            int first = data[position++];
            if ((first & LongLengthFlag) == 0)
            {
                length = first;
                return position;
            }

            int count = first == OneLengthByte ? 1 : first == TwoLengthBytes ? 2 : 0;
            if (count == 0 || position + count > end)
            {
                return -1;
            }

            for (int i = 0; i < count; i++)
            {
                length = (length << 8) | data[position++];
            }

            return position;
        }
    }
}
