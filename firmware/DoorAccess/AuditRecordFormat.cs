namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// The bytes of one audit record on the medium, big-endian:
    /// length (2, the whole record), format version (1), sequence (4), timestamp µs (8), decision (1),
    /// reader (1 + n ASCII), card id (1 + n), reason (1 + n ASCII), CRC-32 (4) over everything before it.
    /// A record is taken only when its length is in range, its CRC matches and its fields fill it exactly:
    /// a torn write or erased flash (FF FF …) never passes, random bytes only at the odds of a CRC-32
    /// collision (2^-32).
    /// </summary>
    public static class AuditRecordFormat
    {
        public const int LengthSize = 2;
        public const int Version = 1;
        private const int SequenceOffset = LengthSize + 1;
        private const int TimestampOffset = SequenceOffset + 4;
        private const int DecisionOffset = TimestampOffset + 8;
        private const int HeaderSize = DecisionOffset + 1;
        private const int ChecksumSize = 4;
        private const int FieldLengthSize = 1;
        private const char Unprintable = '?';
        private const int FirstPrintable = 0x20;
        private const int LastPrintable = 0x7E;

        public const int MinLength = HeaderSize + 3 * FieldLengthSize + ChecksumSize;

        public const int MaxLength = MinLength + 2 * AuditRecord.MaxTextLength + AuditRecord.MaxCardIdLength;

        /// <summary>The record length that the first <see cref="LengthSize"/> bytes declare.</summary>
        public static int DeclaredLength(byte[] buffer, int offset)
        {
            return (buffer[offset] << 8) | buffer[offset + 1];
        }

        /// <summary>True when every field fits the format.</summary>
        public static bool IsValid(AuditRecord record)
        {
            return (record.Decision == AuditRecord.Granted || record.Decision == AuditRecord.Denied)
                && TextLength(record.Reader) <= AuditRecord.MaxTextLength
                && TextLength(record.Reason) <= AuditRecord.MaxTextLength;
        }

        /// <summary>Writes a valid record at the start of <paramref name="buffer"/> (at least
        /// <see cref="MaxLength"/> bytes); returns its length.</summary>
        public static int Encode(AuditRecord record, byte[] buffer)
        {
            int at = LengthSize;
            buffer[at++] = Version;
            at = PutUInt(buffer, at, record.Sequence, 4);
            at = PutUInt(buffer, at, (ulong)record.TimestampMicros, 8);
            buffer[at++] = (byte)record.Decision;
            at = PutText(buffer, at, record.Reader);
            buffer[at++] = (byte)record.CardIdLength;
            at += record.CopyCardId(buffer, at);
            at = PutText(buffer, at, record.Reason);
            int length = at + ChecksumSize;
            PutUInt(buffer, 0, (ulong)length, LengthSize);
            PutUInt(buffer, at, AuditRecordChecksum.Compute(buffer, 0, at), ChecksumSize);
            return length;
        }

        /// <summary>True when the <paramref name="length"/> bytes at the start of <paramref name="buffer"/>
        /// are one whole, intact record: length in range and as declared, known version, CRC matching,
        /// a known decision, and fields within their limits that fill the record exactly.</summary>
        public static bool IsIntact(byte[] buffer, int length)
        {
            if (length < MinLength || length > MaxLength || DeclaredLength(buffer, 0) != length
                || buffer[LengthSize] != Version)
            {
                return false;
            }
            int body = length - ChecksumSize;
            if ((uint)GetUInt(buffer, body, ChecksumSize) != AuditRecordChecksum.Compute(buffer, 0, body))
            {
                return false;
            }
            int decision = buffer[DecisionOffset];
            if (decision != AuditRecord.Granted && decision != AuditRecord.Denied)
            {
                return false;
            }
            int at = HeaderSize;
            if (!FieldFits(buffer, ref at, body, AuditRecord.MaxTextLength)
                || !FieldFits(buffer, ref at, body, AuditRecord.MaxCardIdLength)
                || !FieldFits(buffer, ref at, body, AuditRecord.MaxTextLength))
            {
                return false;
            }
            return at == body;
        }

        /// <summary>The sequence number of the record at the start of <paramref name="buffer"/>.</summary>
        public static uint SequenceOf(byte[] buffer)
        {
            return (uint)GetUInt(buffer, SequenceOffset, 4);
        }

        /// <summary>Fills <paramref name="record"/> from the record at the start of <paramref name="buffer"/>,
        /// which <see cref="IsIntact"/> has accepted.</summary>
        public static void Decode(byte[] buffer, AuditRecord record)
        {
            record.Sequence = SequenceOf(buffer);
            record.TimestampMicros = (long)GetUInt(buffer, TimestampOffset, 8);
            record.Decision = buffer[DecisionOffset];
            int at = HeaderSize;
            record.Reader = GetText(buffer, at);
            at += FieldLengthSize + buffer[at];
            record.SetCardId(buffer, at + FieldLengthSize, buffer[at]);
            at += FieldLengthSize + buffer[at];
            record.Reason = GetText(buffer, at);
        }

        /// <summary>True when the length-prefixed field at <paramref name="at"/> is within its limit and
        /// ends by <paramref name="end"/>; moves <paramref name="at"/> past it.</summary>
        private static bool FieldFits(byte[] buffer, ref int at, int end, int maxLength)
        {
            if (at >= end || buffer[at] > maxLength)
            {
                return false;
            }
            at += FieldLengthSize + buffer[at];
            return at <= end;
        }

        private static int TextLength(string text)
        {
            return text == null ? 0 : text.Length;
        }

        private static int PutText(byte[] buffer, int at, string text)
        {
            int length = TextLength(text);
            buffer[at++] = (byte)length;
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                buffer[at++] = (byte)(c >= FirstPrintable && c <= LastPrintable ? c : Unprintable);
            }
            return at;
        }

        private static string GetText(byte[] buffer, int at)
        {
            int length = buffer[at];
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = buffer[at + FieldLengthSize + i];
                chars[i] = b >= FirstPrintable && b <= LastPrintable ? (char)b : Unprintable;
            }
            return new string(chars);
        }

        private static int PutUInt(byte[] buffer, int at, ulong value, int size)
        {
            for (int i = size - 1; i >= 0; i--)
            {
                buffer[at + i] = (byte)value;
                value >>= 8;
            }
            return at + size;
        }

        private static ulong GetUInt(byte[] buffer, int at, int size)
        {
            ulong value = 0;
            for (int i = 0; i < size; i++)
            {
                value = (value << 8) | buffer[at + i];
            }
            return value;
        }
    }
}
