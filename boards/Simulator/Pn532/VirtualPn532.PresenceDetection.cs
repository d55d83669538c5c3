namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// Diagnose NumTst 06, "ISO/IEC 14443-4 card presence detection" (UM0701-02 §7.2.1, reference
    /// iso7816-pn532.md §3.3): the chip sends an R(NAK) to the current ISO 14443-4 target and expects an R(ACK)
    /// or its last I-block back (reference §5.1). The probe leaves the card's application state alone.
    /// </summary>
    public sealed partial class VirtualPn532
    {
        /// <summary>Carrier frequency fc of ISO/IEC 14443-2 §6.1, in Hz.</summary>
        private const long CarrierHz = 13560000;

        /// <summary>FWT = 256 · 16 · 2^FWI / fc (ISO/IEC 14443-4 §7.2, reference §5.1).</summary>
        private const long FwtCarrierCycles = 256 * 16;

        // R(NAK) out and R(ACK) back, each a PCB and a 2-byte CRC_A.
        private const int PresenceProbeRfBytes = 6;

        private const byte DiagnosePresenceDetection = 0x06;

        /// <summary>FWT in microseconds for a frame waiting integer, rounded up.</summary>
        public static long FrameWaitingMicros(int fwi)
        {
            long cycles = FwtCarrierCycles << fwi;
            return (cycles * 1000000L + CarrierHz - 1) / CarrierHz;
        }

        /// <summary>
        /// Status 00 while the selected ISO 14443-4 target answers the probe, 01 (time-out, one FWT later) once it
        /// has left the field, 27 without a selected ISO 14443-4 target (reference §3.4).
        /// </summary>
        private void DetectPresence()
        {
            if (_target == null || !_targetSelected || !_targetIso14443_4)
            {
                RespondStatus(StatusWrongContext, 0);
                return;
            }

            if (_target != _fieldCard)
            {
                RespondStatus(StatusTimeout, FrameWaitingMicros(_target.FrameWaitingIndex));
                return;
            }

            RespondStatus(StatusOk, PresenceProbeRfBytes * RfByteMicros);
        }
    }
}
