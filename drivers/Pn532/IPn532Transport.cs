namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// One PN532 host interface (I2C, SPI or HSU; UM0701-02 §6.2.2–§6.2.5): moves whole frames and hides
    /// the bus's own handshake (status byte, DW/SR/DR prefixes, wake-up preamble). Framing is the
    /// codec's job (<see cref="Pn532FrameWriter"/>, <see cref="Pn532FrameReader"/>), the command
    /// exchange the link's (<see cref="Pn532Link"/>). No call throws or waits without bound.
    /// </summary>
    public interface IPn532Transport
    {
        /// <summary>Wakes the chip from power-down or its LowVbat start (bus specific; reference §3.2 "Power modes").</summary>
        SmartcardStatus WakeUp();

        /// <summary>Sends one whole frame. IoDeviceError when the bus refuses it.</summary>
        SmartcardStatus WriteFrame(byte[] frame, int offset, int count);

        /// <summary>
        /// Waits up to <paramref name="timeoutMicros"/> for the chip to have a frame ready, then reads it
        /// completely (reference §3.1: a partly read response keeps the ready handshake set) but at most
        /// <paramref name="capacity"/> bytes. <paramref name="length"/> is the count of bytes stored; the
        /// frame is somewhere in them (<see cref="Pn532FrameReader.Decode"/> finds it).
        /// IoTimeout when nothing became ready, BufferTooSmall when the frame is longer than
        /// <paramref name="capacity"/>, IoDeviceError on a bus failure.
        /// </summary>
        SmartcardStatus ReadFrame(byte[] buffer, int offset, int capacity, long timeoutMicros, out int length);
    }
}
