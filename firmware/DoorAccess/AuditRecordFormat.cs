namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// The bytes of one audit record on the medium, big-endian:
    /// length (2, the whole record), format version (1), sequence (4), timestamp µs (8), decision (1),
    /// reader (1 + n ASCII), card id (1 + n), reason (1 + n ASCII), CRC-32 (4) over everything before it.
    /// A record is taken only when its length is in range, its CRC matches and its fields fill it exactly,
    /// so a torn write, erased flash (FF FF …) or random bytes never decode as a record.
    /// </summary>
    public static class AuditRecordFormat
    {
        public const int LengthSize = 2;
        public const int Version = 1;
        private const int HeaderSize = LengthSize + 1 + 4 + 8 + 1;
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

        /// <summary>Decodes the <paramref name="length"/> bytes at the start of <paramref name="buffer"/>;
        /// false (and <paramref name="record"/> unspecified) when they are not one whole, intact record.</summary>
        public static bool Decode(byte[] buffer, int length, AuditRecord record)
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
            int at = LengthSize + 1;
            record.Sequence = (uint)GetUInt(buffer, at, 4);
            record.TimestampMicros = (long)GetUInt(buffer, at + 4, 8);
            record.Decision = buffer[at + 12];
            at = HeaderSize;
            if (!FieldFits(buffer, at, body, AuditRecord.MaxTextLength))
            {
                return false;
            }
            record.Reader = GetText(buffer, at);
            at += FieldLengthSize + buffer[at];
            if (!FieldFits(buffer, at, body, AuditRecord.MaxCardIdLength))
            {
                return false;
            }
            record.SetCardId(buffer, at + FieldLengthSize, buffer[at]);
            at += FieldLengthSize + buffer[at];
            if (!FieldFits(buffer, at, body, AuditRecord.MaxTextLength))
            {
                return false;
            }
            record.Reason = GetText(buffer, at);
            at += FieldLengthSize + buffer[at];
            return at == body && IsValid(record);
        }

        private static bool FieldFits(byte[] buffer, int at, int end, int maxLength)
        {
            return at < end && buffer[at] <= maxLength && at + FieldLengthSize + buffer[at] <= end;
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
