namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// The selected contactless target as the class-FF pseudo-APDUs see it: its identifiers for
    /// GET DATA and a raw exchange (PN532 InDataExchange) for the MIFARE commands behind
    /// GENERAL AUTHENTICATE, READ BINARY and UPDATE BINARY.
    /// </summary>
    public interface IPseudoApduTarget
    {
        /// <summary>Copies the NFCID1 (4, 7 or 10 bytes) to <paramref name="buffer"/> and returns its length.</summary>
        int CopyUid(byte[] buffer, int offset);

        /// <summary>
        /// Copies the ATS historical bytes to <paramref name="buffer"/> and returns their count, or -1
        /// when the target is not ISO 14443-4 (it has no ATS).
        /// </summary>
        int CopyHistoricalBytes(byte[] buffer, int offset);

        /// <summary>
        /// Sends <paramref name="data"/> to the target and returns its answer. The result is the link's
        /// status; <paramref name="chipStatus"/> is the error code of the PN532 status byte (bits 5..0,
        /// 0 = success, UM0701-02 §7.1), meaningful when the result is Success.
        /// </summary>
        SmartcardStatus Exchange(byte[] data, int offset, int length, byte[] response, int responseOffset, int responseCapacity, out int responseLength, out int chipStatus);
    }
}
