namespace EmbeddedSmartCard.Drivers.PcscHost
{
    /// <summary>
    /// pcsc-lite's LONG results in the words of our driver library (the NTSTATUS values smclib drivers return),
    /// so the manager maps them back to the SCARD_* codes its callers expect.
    /// </summary>
    internal static class PcscStatusMap
    {
        /// <summary>
        /// True when the result says the PC/SC service itself is gone (pcscd stopped or never ran; SCARD_F_COMM_ERROR
        /// when it died under a call) or the context died with it: the reader cannot work until pcscd is back and a new context is established.
        /// </summary>
        public static bool IsServiceLost(long result)
        {
            return result == PcscCodes.NoService || result == PcscCodes.ServiceStopped
                || result == PcscCodes.InvalidHandle || result == PcscCodes.CommunicationDataLost || result == PcscCodes.CommunicationError;
        }

        /// <summary>True when the host reader has left pcscd (unplugged) or pcscd cannot reach it.</summary>
        public static bool IsReaderLost(long result)
        {
            return result == PcscCodes.UnknownReader || result == PcscCodes.ReaderUnavailable || result == PcscCodes.NoReadersAvailable;
        }

        /// <summary>
        /// A service or reader loss is IoDeviceError, the status the manager's supervisor treats as a broken device
        /// (the reader goes UNAVAILABLE and is reopened later); card conditions keep their PC/SC meaning.
        /// </summary>
        public static SmartcardStatus ToStatus(long result)
        {
            if (result == PcscCodes.Success)
            {
                return SmartcardStatus.Success;
            }

            if (IsServiceLost(result) || IsReaderLost(result))
            {
                return SmartcardStatus.IoDeviceError;
            }

            switch (result)
            {
                case PcscCodes.NoSmartcard:
                case PcscCodes.RemovedCard:
                    return SmartcardStatus.NoMedia;
                case PcscCodes.ResetCard:
                case PcscCodes.UnpoweredCard:
                    return SmartcardStatus.InvalidDeviceState;
                case PcscCodes.UnresponsiveCard:
                case PcscCodes.Timeout:
                    return SmartcardStatus.IoTimeout;
                case PcscCodes.UnsupportedCard:
                    return SmartcardStatus.UnrecognizedMedia;
                case PcscCodes.SharingViolation:
                case PcscCodes.NotReady:
                    return SmartcardStatus.DeviceBusy;
                case PcscCodes.InsufficientBuffer:
                    return SmartcardStatus.BufferTooSmall;
                case PcscCodes.InvalidParameter:
                case PcscCodes.InvalidValue:
                    return SmartcardStatus.InvalidParameter;
                case PcscCodes.ProtocolMismatch:
                case PcscCodes.UnsupportedFeature:
                    return SmartcardStatus.NotSupported;
                case PcscCodes.Cancelled:
                    return SmartcardStatus.Cancelled;
                default:
                    return SmartcardStatus.DeviceProtocolError;
            }
        }
    }
}
