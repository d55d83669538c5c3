namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// Follows the MIFARE Classic authentication of the selected card from the exchanges the pseudo-APDUs
    /// make, so the presence check knows whether a Crypto1 session is running and which sector trailer it may
    /// read (reference iso7816-pn532.md §5.3: a re-selection would destroy the session). It stands between
    /// <see cref="PseudoApdu"/> and the reader: an AUTH (60/61) the card accepts starts a session on that
    /// block's sector; any command the card refuses, or an exchange the link lost, ends it, as a MIFARE
    /// Classic leaves the authenticated state on every NAK (MF1S50 state diagram).
    /// </summary>
    sealed class MifareSession : IPseudoApduTarget
    {
        public const int NoBlock = -1;

        /// <summary>
        /// MIFARE Classic 4K (MF1S70 memory organisation): sectors 0..31 hold 4 blocks (blocks 0..127), sectors
        /// 32..39 hold 16; the trailer is the last block of its sector.
        /// </summary>
        const int FirstLargeSectorBlock = 128;
        const int SmallSectorLastBlock = 0x03;
        const int LargeSectorLastBlock = 0x0F;

        /// <summary>A MIFARE AUTH command starts with its code and the block (then key and UID).</summary>
        const int AuthenticateMinimumLength = 2;

        IPseudoApduTarget reader;
        int authenticatedBlock = NoBlock;

        /// <summary>The trailer block of the authenticated sector, or <see cref="NoBlock"/> without a session.</summary>
        public int TrailerBlock
        {
            get
            {
                if (authenticatedBlock == NoBlock)
                {
                    return NoBlock;
                }

                return authenticatedBlock < FirstLargeSectorBlock
                    ? authenticatedBlock | SmallSectorLastBlock
                    : authenticatedBlock | LargeSectorLastBlock;
            }
        }

        /// <summary>Routes the next pseudo-APDU's exchanges to <paramref name="target"/> through this tracker.</summary>
        public IPseudoApduTarget Follow(IPseudoApduTarget target)
        {
            reader = target;
            return this;
        }

        /// <summary>The card was released, selected again or removed: no session survives that.</summary>
        public void End()
        {
            authenticatedBlock = NoBlock;
        }

        public int CopyUid(byte[] buffer, int offset)
        {
            return reader.CopyUid(buffer, offset);
        }

        public int CopyHistoricalBytes(byte[] buffer, int offset)
        {
            return reader.CopyHistoricalBytes(buffer, offset);
        }

        public SmartcardStatus Exchange(byte[] data, int offset, int length, byte[] response, int responseOffset, int responseCapacity, out int responseLength, out int chipStatus)
        {
            SmartcardStatus status = reader.Exchange(data, offset, length, response, responseOffset, responseCapacity, out responseLength, out chipStatus);
            if (status != SmartcardStatus.Success || chipStatus != 0)
            {
                End();
            }
            else if (IsAuthenticate(data, offset, length))
            {
                authenticatedBlock = data[offset + 1];
            }

            return status;
        }

        static bool IsAuthenticate(byte[] data, int offset, int length)
        {
            return length >= AuthenticateMinimumLength
                && (data[offset] == PseudoApdu.MifareAuthenticateKeyA || data[offset] == PseudoApdu.MifareAuthenticateKeyB);
        }
    }
}
