using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// The door controller's append-only audit log of access decisions. <see cref="Open"/> walks the
    /// medium from the start, keeps every whole record whose CRC matches and whose sequence number
    /// follows the one before, and cuts everything from the first record that fails: a power cut only
    /// ever tears the last write, so that tail holds no completed record. <see cref="Append"/> returns
    /// <see cref="AuditLogStatus.Ok"/> only once the record is flushed to the medium. Records go through
    /// one preallocated buffer: appending and the open's scan allocate nothing.
    /// </summary>
    public sealed class AuditLog
    {
        private readonly IAppendStorage _storage;
        private readonly byte[] _buffer = new byte[AuditRecordFormat.MaxLength];
        private bool _open;
        private long _end;

        public AuditLog(IAppendStorage storage)
        {
            _storage = storage;
        }

        /// <summary>Records in the log.</summary>
        public int Count { get; private set; }

        /// <summary>The sequence number the next appended record gets (1 in an empty log).</summary>
        public uint NextSequence { get; private set; }

        /// <summary>Bytes of torn or corrupt tail the last <see cref="Open"/> cut.</summary>
        public long DiscardedBytes { get; private set; }

        public AuditLogStatus Open()
        {
            _open = false;
            Count = 0;
            NextSequence = 1;
            long position = 0;
            int length;
            AuditLogStatus status;
            while ((status = ReadIntact(position, out length)) == AuditLogStatus.Ok
                && FollowsLast(AuditRecordFormat.SequenceOf(_buffer)))
            {
                NextSequence = AuditRecordFormat.SequenceOf(_buffer) + 1;
                Count++;
                position += length;
            }
            if (status == AuditLogStatus.StorageFailure)
            {
                // A read that failed says nothing about the bytes: cutting there could lose completed records.
                return status;
            }
            DiscardedBytes = _storage.Length - position;
            if (DiscardedBytes > 0 && !_storage.Truncate(position))
            {
                return AuditLogStatus.StorageFailure;
            }
            _end = position;
            _open = true;
            return AuditLogStatus.Ok;
        }

        /// <summary>Numbers the record (sets its <see cref="AuditRecord.Sequence"/>), appends and flushes it.
        /// A storage failure closes the log: what reached the medium is known only after the next open.</summary>
        public AuditLogStatus Append(AuditRecord record)
        {
            if (!_open)
            {
                return AuditLogStatus.NotOpen;
            }
            if (!AuditRecordFormat.IsValid(record))
            {
                return AuditLogStatus.InvalidRecord;
            }
            record.Sequence = NextSequence;
            int length = AuditRecordFormat.Encode(record, _buffer);
            if (!_storage.Append(_buffer, 0, length) || !_storage.Flush())
            {
                _open = false;
                return AuditLogStatus.StorageFailure;
            }
            _end += length;
            Count++;
            NextSequence++;
            return AuditLogStatus.Ok;
        }

        /// <summary>Reads the record at <paramref name="position"/> (0 for the first; each read gives the
        /// next position); <see cref="AuditLogStatus.EndOfLog"/> past the last one.</summary>
        public AuditLogStatus Read(long position, AuditRecord record, out long nextPosition)
        {
            nextPosition = position;
            if (!_open)
            {
                return AuditLogStatus.NotOpen;
            }
            if (position < 0 || position >= _end)
            {
                return AuditLogStatus.EndOfLog;
            }
            int length;
            AuditLogStatus status = ReadIntact(position, out length);
            if (status != AuditLogStatus.Ok)
            {
                return status == AuditLogStatus.EndOfLog ? AuditLogStatus.Corrupt : status;
            }
            AuditRecordFormat.Decode(_buffer, record);
            nextPosition = position + length;
            return AuditLogStatus.Ok;
        }

        /// <summary>Reads the record at <paramref name="position"/> into the buffer without decoding it
        /// (the open's scan allocates nothing); EndOfLog when the bytes there are not one whole, intact record.</summary>
        private AuditLogStatus ReadIntact(long position, out int length)
        {
            length = 0;
            int got = _storage.Read(position, _buffer, 0, AuditRecordFormat.LengthSize);
            if (got < 0)
            {
                return AuditLogStatus.StorageFailure;
            }
            if (got < AuditRecordFormat.LengthSize)
            {
                return AuditLogStatus.EndOfLog;
            }
            int declared = AuditRecordFormat.DeclaredLength(_buffer, 0);
            if (declared < AuditRecordFormat.MinLength || declared > AuditRecordFormat.MaxLength)
            {
                return AuditLogStatus.EndOfLog;
            }
            got = _storage.Read(position, _buffer, 0, declared);
            if (got < 0)
            {
                return AuditLogStatus.StorageFailure;
            }
            if (got < declared || !AuditRecordFormat.IsIntact(_buffer, declared))
            {
                return AuditLogStatus.EndOfLog;
            }
            length = declared;
            return AuditLogStatus.Ok;
        }

        private bool FollowsLast(uint sequence)
        {
            return Count == 0 || sequence == NextSequence;
        }
    }
}
