namespace EmbeddedSmartCard.Hal.Storage
{
    /// <summary>
    /// One copy of the storage's header: magic, committed length and sequence number (big-endian), followed by
    /// the one's complement of those 12 bytes. A write torn anywhere leaves the old header, the new one, or a
    /// header that fails the check: values and complements go out in that order, so a cut inside the values
    /// leaves old complements that match only if the new bytes written equal the old ones, and a cut inside the
    /// complements leaves new values whose complements match only if the bytes not written equal the new ones.
    /// The last byte is the complement of the sequence's low byte, which differs from that of the header two
    /// commits back that the write replaces, so a write cut short of its last byte never reads as the new
    /// header unless garbage happens to match. Erased (FF) and blank (00) memory fail the check, since no byte
    /// equals its own complement.
    /// </summary>
    internal static class I2cMemoryHeader
    {
        /// <summary>Header bytes: 12 of values, 12 of their complement.</summary>
        public const int Length = 2 * ValuesLength;

        /// <summary>"ESAL", EmbeddedSmartCard append log, layout 1.</summary>
        private const uint Magic = 0x4553414C;

        private const int ValuesLength = 12;
        private const int MagicOffset = 0;
        private const int LengthOffset = 4;
        private const int SequenceOffset = 8;

        /// <summary>Writes the header of <paramref name="sequence"/> committing <paramref name="committedLength"/> bytes.</summary>
        public static void Encode(uint sequence, int committedLength, byte[] header)
        {
            PutUInt32(header, MagicOffset, Magic);
            PutUInt32(header, LengthOffset, (uint)committedLength);
            PutUInt32(header, SequenceOffset, sequence);
            for (int i = 0; i < ValuesLength; i++)
            {
                header[ValuesLength + i] = (byte)~header[i];
            }
        }

        /// <summary>True when <paramref name="header"/> passes the complement check, has the magic and a length up to <paramref name="maxLength"/>.</summary>
        public static bool IsValid(byte[] header, int maxLength)
        {
            for (int i = 0; i < ValuesLength; i++)
            {
                if ((byte)~header[i] != header[ValuesLength + i])
                {
                    return false;
                }
            }

            uint length = GetUInt32(header, LengthOffset);
            return GetUInt32(header, MagicOffset) == Magic && length <= (uint)maxLength;
        }

        public static uint SequenceOf(byte[] header)
        {
            return GetUInt32(header, SequenceOffset);
        }

        public static int CommittedLengthOf(byte[] header)
        {
            return (int)GetUInt32(header, LengthOffset);
        }

        /// <summary>Serial number arithmetic (RFC 1982 §3.2): <paramref name="a"/> is newer across the 2^32 wrap.</summary>
        public static bool IsNewer(uint a, uint b)
        {
            return a != b && (int)(a - b) > 0;
        }

        private static void PutUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }

        private static uint GetUInt32(byte[] buffer, int offset)
        {
            return ((uint)buffer[offset] << 24) | ((uint)buffer[offset + 1] << 16) | ((uint)buffer[offset + 2] << 8) | buffer[offset + 3];
        }
    }
}
