namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>What <see cref="Pn532FrameReader.Decode"/> found in a received byte run (UM0701-02 §6.2.1).</summary>
    public enum Pn532FrameKind
    {
        /// <summary>No complete frame yet: more bytes are needed (<see cref="Pn532FrameReader.RemainingLength"/> says how many).</summary>
        Incomplete = 0,
        /// <summary>ACK frame 00 00 FF 00 FF 00: the command frame was accepted, or (host to chip) abort.</summary>
        Ack = 1,
        /// <summary>NACK frame 00 00 FF FF 00 00: host asks the chip to send its last response again.</summary>
        Nack = 2,
        /// <summary>A normal or extended information frame with valid LCS, DCS and postamble.</summary>
        Information = 3,
        /// <summary>The chip's syntax error frame 00 00 FF 01 FF 7F 81 00 (TFI replaced by 7F).</summary>
        ApplicationError = 4,
        /// <summary>A frame whose LCS, DCS, postamble or length is wrong: answer it with a NACK.</summary>
        Damaged = 5,
    }
}
