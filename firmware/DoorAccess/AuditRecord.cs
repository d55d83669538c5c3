namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// One access decision as the audit log keeps it. The log numbers records itself: <see cref="Sequence"/>
    /// is set by <see cref="AuditLog.Append"/> and by a read. Texts keep printable ASCII only (anything else
    /// is stored as '?'), so a record reads the same on every runtime without an encoding package.
    /// </summary>
    public sealed class AuditRecord
    {
        public const int Granted = 1;
        public const int Denied = 2;

        /// <summary>Longest card identifier kept (a 10-byte ISO 14443 UID or an applet's card id fits).</summary>
        public const int MaxCardIdLength = 32;

        /// <summary>Longest reader name or reason kept.</summary>
        public const int MaxTextLength = 64;

        private readonly byte[] _cardId = new byte[MaxCardIdLength];

        public uint Sequence { get; set; }

        /// <summary>When the decision was taken, in microseconds of the controller's clock.</summary>
        public long TimestampMicros { get; set; }

        /// <summary><see cref="Granted"/> or <see cref="Denied"/>.</summary>
        public int Decision { get; set; }

        public string Reader { get; set; }

        public string Reason { get; set; }

        public int CardIdLength { get; private set; }

        /// <summary>Copies the card identifier in; false (and nothing kept) when it is longer than
        /// <see cref="MaxCardIdLength"/>.</summary>
        public bool SetCardId(byte[] buffer, int offset, int count)
        {
            if (count < 0 || count > MaxCardIdLength)
            {
                return false;
            }
            for (int i = 0; i < count; i++)
            {
                _cardId[i] = buffer[offset + i];
            }
            CardIdLength = count;
            return true;
        }

        /// <summary>Copies the card identifier out; returns its length.</summary>
        public int CopyCardId(byte[] buffer, int offset)
        {
            for (int i = 0; i < CardIdLength; i++)
            {
                buffer[offset + i] = _cardId[i];
            }
            return CardIdLength;
        }
    }
}
