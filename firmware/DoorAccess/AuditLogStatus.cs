namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    public enum AuditLogStatus
    {
        Ok,

        /// <summary>No record starts at the position given to <see cref="AuditLog.Read"/>: the end of the log.</summary>
        EndOfLog,

        /// <summary>The log was not opened, or a failed append closed it (its tail is unknown until the next open).</summary>
        NotOpen,

        /// <summary>A field is out of range: unknown decision, text or card id too long.</summary>
        InvalidRecord,

        /// <summary>The storage refused a read, an append, a flush or the cut of a torn tail.</summary>
        StorageFailure,

        /// <summary>A record that the open had checked no longer checks (the medium changed under the log).</summary>
        Corrupt,
    }
}
