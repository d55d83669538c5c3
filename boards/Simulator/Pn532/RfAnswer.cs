namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>What a contactless card sends back over the air for one command (ISO/IEC 14443-3).</summary>
    public enum RfAnswer
    {
        /// <summary>A frame of data bytes (CRC_A added by the card, checked and removed by the reader chip).</summary>
        Data = 0,

        /// <summary>The 4-bit ACK (0xA) of MIFARE write commands.</summary>
        Ack = 1,

        /// <summary>A 4-bit NAK: the card refused the command (bad address, no access, not authenticated).</summary>
        Nak = 2,

        /// <summary>No answer at all (halted card, unknown command): the reader chip times out.</summary>
        Silent = 3,

        /// <summary>No answer, and the card has left the field (pulled while the command was on its way): it times out and is gone.</summary>
        Left = 4,
    }
}
