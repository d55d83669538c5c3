namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// Result of a driver-library or driver call. The values are the NTSTATUS codes smclib uses,
    /// so IOCTL_SMARTCARD_GET_LAST_ERROR reports what a Windows driver would; the manager maps
    /// them to SCARD_* codes in one table.
    /// </summary>
    public enum SmartcardStatus
    {
        Success = 0,
        /// <summary>STATUS_DEVICE_BUSY: another request is in progress.</summary>
        DeviceBusy = unchecked((int)0x80000011),
        /// <summary>STATUS_INVALID_PARAMETER: a length or field of the request is wrong.</summary>
        InvalidParameter = unchecked((int)0xC000000D),
        /// <summary>STATUS_NO_SUCH_DEVICE: the reader hardware is gone or does not answer.</summary>
        NoSuchDevice = unchecked((int)0xC000000E),
        /// <summary>STATUS_INVALID_DEVICE_REQUEST: unknown IOCTL or action.</summary>
        InvalidDeviceRequest = unchecked((int)0xC0000010),
        /// <summary>STATUS_UNRECOGNIZED_MEDIA: the ATR is not usable.</summary>
        UnrecognizedMedia = unchecked((int)0xC0000014),
        /// <summary>STATUS_BUFFER_TOO_SMALL: the reply does not fit the caller's buffer.</summary>
        BufferTooSmall = unchecked((int)0xC0000023),
        /// <summary>STATUS_PARITY_ERROR: a character arrived with a parity error.</summary>
        ParityError = unchecked((int)0xC000002B),
        /// <summary>STATUS_IO_TIMEOUT: the card did not answer within its waiting time.</summary>
        IoTimeout = unchecked((int)0xC00000B5),
        /// <summary>STATUS_NOT_SUPPORTED: the reader or card cannot do this.</summary>
        NotSupported = unchecked((int)0xC00000BB),
        /// <summary>STATUS_CANCELLED.</summary>
        Cancelled = unchecked((int)0xC0000120),
        /// <summary>STATUS_NO_MEDIA: no card in the reader (or it was pulled during the call).</summary>
        NoMedia = unchecked((int)0xC0000178),
        /// <summary>STATUS_INVALID_DEVICE_STATE: wrong reader state for this request, or protocol mismatch.</summary>
        InvalidDeviceState = unchecked((int)0xC0000184),
        /// <summary>STATUS_IO_DEVICE_ERROR: the reader hardware failed.</summary>
        IoDeviceError = unchecked((int)0xC0000185),
        /// <summary>STATUS_DEVICE_PROTOCOL_ERROR: the card broke the transmission protocol beyond recovery.</summary>
        DeviceProtocolError = unchecked((int)0xC0000186),
    }
}
