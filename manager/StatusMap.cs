using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// Driver-library results (<see cref="SmartcardStatus"/>) to PC/SC codes, in one table with two
    /// columns: what a status means while the manager brings a card up (power, PPS: Connect, a reset
    /// disposition) and what it means during I/O on a card a handle already holds (Transmit).
    /// The rules follow pcsc-lite's IFD → SCARD mapping (pcsc.md §3.2): a missing reader is
    /// READER_UNAVAILABLE, a failed power-up or PPS is W_UNRESPONSIVE_CARD, an impossible protocol is
    /// PROTO_MISMATCH, any other I/O failure is NOT_TRANSACTED.
    /// </summary>
    public static class StatusMap
    {
        // One row per status: { status, during activation, during I/O }.
        private static readonly int[] Table =
        {
            (int)SmartcardStatus.Success, ScardError.Success, ScardError.Success,
            (int)SmartcardStatus.DeviceBusy, ScardError.SharingViolation, ScardError.SharingViolation,
            (int)SmartcardStatus.InvalidParameter, ScardError.InvalidParameter, ScardError.InvalidParameter,
            (int)SmartcardStatus.NoSuchDevice, ScardError.ReaderUnavailable, ScardError.ReaderUnavailable,
            (int)SmartcardStatus.InvalidDeviceRequest, ScardError.InvalidValue, ScardError.UnsupportedFeature,
            // An ATR the library cannot use: the card is there but cannot be configured (pcsc.md §1.8).
            (int)SmartcardStatus.UnrecognizedMedia, ScardError.UnsupportedCard, ScardError.UnsupportedCard,
            (int)SmartcardStatus.BufferTooSmall, ScardError.InsufficientBuffer, ScardError.InsufficientBuffer,
            (int)SmartcardStatus.ParityError, ScardError.UnresponsiveCard, ScardError.NotTransacted,
            // A card that never answers its reset. pcsc-lite's Connect says W_UNPOWERED_CARD here; the
            // card is not unpowered, it is mute, which is what W_UNRESPONSIVE_CARD means.
            (int)SmartcardStatus.IoTimeout, ScardError.UnresponsiveCard, ScardError.NotTransacted,
            (int)SmartcardStatus.NotSupported, ScardError.ProtoMismatch, ScardError.UnsupportedFeature,
            (int)SmartcardStatus.Cancelled, ScardError.Cancelled, ScardError.Cancelled,
            // No card while connecting is NO_SMARTCARD; a card pulled under a handle is W_REMOVED_CARD,
            // the same code the handle keeps getting until it disconnects (pcsc.md §1.5).
            (int)SmartcardStatus.NoMedia, ScardError.NoSmartcard, ScardError.RemovedCard,
            (int)SmartcardStatus.InvalidDeviceState, ScardError.ProtoMismatch, ScardError.NotReady,
            (int)SmartcardStatus.IoDeviceError, ScardError.ReaderUnavailable, ScardError.ReaderUnavailable,
            (int)SmartcardStatus.DeviceProtocolError, ScardError.UnresponsiveCard, ScardError.NotTransacted,
        };

        private const int RowLength = 3;
        private const int ActivationColumn = 1;
        private const int IoColumn = 2;

        /// <summary>The code for a status met while powering the card or selecting its protocol.</summary>
        public static int ForActivation(SmartcardStatus status)
        {
            return Lookup(status, ActivationColumn);
        }

        /// <summary>The code for a status met while exchanging APDUs with a connected card.</summary>
        public static int ForIo(SmartcardStatus status)
        {
            return Lookup(status, IoColumn);
        }

        private static int Lookup(SmartcardStatus status, int column)
        {
            int value = (int)status;
            for (int row = 0; row < Table.Length; row += RowLength)
            {
                if (Table[row] == value)
                {
                    return Table[row + column];
                }
            }

            // A status the table does not know is a bug somewhere below, not a card condition.
            return ScardError.UnknownError;
        }
    }
}
