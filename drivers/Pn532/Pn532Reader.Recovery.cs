using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// Recovery from a chip that misbehaves. A command the chip did not acknowledge (a bus failure, a
    /// damaged frame it ignored) is sent once more. A command that still fails on the link makes the
    /// driver check that the chip answers at all; when it does not, the chip is declared failed and every
    /// call reports IoDeviceError, the status the manager's supervisor treats as a broken device: the
    /// reader goes UNAVAILABLE, is closed, and reopened later, when Open pulses RSTPDN (if wired) and
    /// initialises the chip from its power-on state. A failure found by the poll thread, while no call
    /// is in progress, is also raised as <see cref="DeviceFailed"/>, so an idle chip that hangs reaches the
    /// supervisor without waiting for the next application call.
    /// </summary>
    public sealed partial class Pn532Reader : IDeviceFaultSource
    {
        /// <summary>
        /// RSTPDN held low: the datasheet asks for at least 20 ns (reference §4.2); 1 ms is far beyond it so
        /// that an RC filter on a breakout board's reset line still passes the pulse.
        /// </summary>
        const long ResetPulseMicros = 1000;

        /// <summary>After RSTPDN rises the chip is ready within 2 ms (reference §4.2, datasheet reset timing).</summary>
        const long ResetStartUpMicros = 2000;

        /// <summary>A command the chip did not acknowledge is sent at most this often.</summary>
        const int CommandAttempts = 2;

        readonly IOutputPin resetPin;
        readonly byte[] probeAnswer = new byte[FirmwareVersionLength];

        /// <summary>Set when the chip stopped answering; cleared by Open.</summary>
        bool chipFailed;

        /// <summary>
        /// The chip stopped answering (raised once per failure, under the driver lock: a handler records the
        /// failure and returns, as the manager's supervision does, without calling back into the driver).
        /// </summary>
        public event DeviceFaultHandler DeviceFailed;

        /// <summary>Pulses RSTPDN low: the chip restarts in its power-on state (LowVbat, nothing pending).</summary>
        void ResetChip()
        {
            if (resetPin == null)
            {
                return;
            }

            resetPin.Write(false);
            clock.Delay(ResetPulseMicros);
            resetPin.Write(true);
            clock.Delay(ResetStartUpMicros);
        }

        /// <summary>
        /// Runs <paramref name="command"/> with the first <paramref name="count"/> bytes of
        /// <see cref="parameters"/>; the answer lands in <see cref="answer"/>. A command the chip did not
        /// acknowledge is repeated; once the reader is open, a link failure that a probe confirms (the chip
        /// does not answer GetFirmwareVersion either) turns into IoDeviceError, now and until Open.
        /// </summary>
        SmartcardStatus Exchange(byte command, int count, long timeoutMicros, out int length)
        {
            length = 0;
            if (chipFailed)
            {
                return SmartcardStatus.IoDeviceError;
            }

            SmartcardStatus status = Transceive(command, count, answer, timeoutMicros, out length);
            if (open && IsLinkFailure(status) && !ChipAnswers())
            {
                chipFailed = true;
                RaiseDeviceFailed();
                return SmartcardStatus.IoDeviceError;
            }

            return status;
        }

        /// <summary>One command on the link, sent once more when the chip did not acknowledge it.</summary>
        SmartcardStatus Transceive(byte command, int count, byte[] response, long timeoutMicros, out int length)
        {
            SmartcardStatus status = link.Transceive(command, parameters, 0, count, response, 0, response.Length, timeoutMicros, out length);
            for (int attempt = 1; attempt < CommandAttempts && status != SmartcardStatus.Success && !link.CommandAcknowledged; attempt++)
            {
                status = link.Transceive(command, parameters, 0, count, response, 0, response.Length, timeoutMicros, out length);
            }

            return status;
        }

        void RaiseDeviceFailed()
        {
            DeviceFaultHandler handler = DeviceFailed;
            if (handler != null)
            {
                handler(this);
            }
        }

        /// <summary>Failures of the link itself (no ACK, no response, damaged frames, the bus), as opposed to a chip that answered.</summary>
        static bool IsLinkFailure(SmartcardStatus status)
        {
            return status == SmartcardStatus.IoTimeout
                || status == SmartcardStatus.IoDeviceError
                || status == SmartcardStatus.DeviceProtocolError;
        }

        /// <summary>GetFirmwareVersion, which any working PN532 answers at once (reference §3.3).</summary>
        bool ChipAnswers()
        {
            int length;
            SmartcardStatus status = Transceive(Pn532Command.GetFirmwareVersion, 0, probeAnswer, options.CommandTimeoutMicros, out length);
            return status == SmartcardStatus.Success && probeAnswer[0] == Pn532Ic;
        }
    }
}
