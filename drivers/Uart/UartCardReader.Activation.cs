using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Drivers.Uart
{
    /// <summary>Activation, cold and warm reset, the answer to reset and deactivation (ISO 7816-3 §6, reference §1.1).</summary>
    public sealed partial class UartCardReader
    {
        /// <summary>Default clock rate conversion integer Fd: the ATR runs at 372 clock cycles per etu (reference §1.1).</summary>
        private const int Fd = 372;

        /// <summary>Default baud rate adjustment integer Dd.</summary>
        private const int Dd = 1;

        /// <summary>12 etu between leading edges of consecutive characters without extra guard time (reference §1.2).</summary>
        private const int DefaultCharacterGuardEtu = 12;

        /// <summary>Turnaround before sending after a reception, 16 etu (reference §1.6, T=0 and PPS).</summary>
        private const int DefaultTurnaroundEtu = 16;

        /// <summary>TS of an inverse-convention card (0x3F) as a direct UART reads it: reverse(~0x3F) (reference §1.2).</summary>
        private const byte TsInverseSeenDirect = 0x03;

        /// <summary>The in-band reset of a line without an RST wire (docs/architecture.md).</summary>
        private static readonly byte[] InBandReset = new byte[] { 0xFF, 0xFF };

        /// <summary>True from activation until deactivation (VCC and CLK on).</summary>
        private bool cardPowered;

        /// <summary>Virtual or real time of the RST rising edge (or the end of the in-band reset): the ATR window starts here.</summary>
        private long resetReleasedMicros;

        /// <summary>The actual CLK frequency: what the clock output reports once running, else the configured one.</summary>
        private int ClockHz
        {
            get
            {
                int produced = clockOutput == null ? 0 : clockOutput.FrequencyHz;
                return produced > 0 ? produced : options.ClockHz;
            }
        }

        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            atrLength = 0;
            if (action == PowerAction.PowerDown)
            {
                Deactivate();
                return SmartcardStatus.Success;
            }

            if (action != PowerAction.ColdReset && action != PowerAction.WarmReset)
            {
                return SmartcardStatus.InvalidDeviceRequest;
            }

            if (atrBuffer == null || atrOffset < 0 || atrBuffer.Length - atrOffset < Atr.MaxLength)
            {
                return SmartcardStatus.InvalidParameter;
            }

            if (!IsCardPresent())
            {
                Deactivate();
                return SmartcardStatus.NoMedia;
            }

            // A warm reset needs a card already powered (VCC and CLK kept); otherwise it is an activation.
            SmartcardStatus status = action == PowerAction.WarmReset && cardPowered ? WarmReset() : ColdReset();
            if (status == SmartcardStatus.Success)
            {
                status = ReceiveAtr(atrBuffer, atrOffset, out atrLength);
            }

            if (status != SmartcardStatus.Success)
            {
                // ISO 7816-3 §6.2.2: no (usable) answer within the bounds ⇒ the interface deactivates.
                Deactivate();
                atrLength = 0;
            }

            return status;
        }

        /// <summary>
        /// Activation then cold reset (reference §1.1): RST low, VCC on, CLK on, RST held low for
        /// ResetHoldClocks cycles of the actual CLK, then released.
        /// </summary>
        private SmartcardStatus ColdReset()
        {
            if (cardPowered)
            {
                Deactivate();
                clock.Delay(options.VccOffMicros);
            }

            WriteReset(false);
            if (vcc != null)
            {
                vcc.Write(true);
                clock.Delay(options.VccRiseMicros);
            }

            if (clockOutput != null)
            {
                clockOutput.Start(options.ClockHz);
            }

            cardPowered = true;
            if (reset != null)
            {
                ConfigureInitialCharacterFrame();
                return HoldAndReleaseReset();
            }

            if (vcc != null)
            {
                // The card has just been powered up, so it listens at Fd/Dd, direct convention.
                ConfigureInitialCharacterFrame();
            }

            return ResetInBand();
        }

        /// <summary>Warm reset (reference §1.1): VCC and CLK stay, RST goes low for ResetHoldClocks cycles.</summary>
        private SmartcardStatus WarmReset()
        {
            if (reset == null)
            {
                return ResetInBand();
            }

            reset.Write(false);
            ConfigureInitialCharacterFrame();
            return HoldAndReleaseReset();
        }

        /// <summary>With RST already low and CLK running: keeps RST low for ResetHoldClocks cycles (tb, te), then raises it.</summary>
        private SmartcardStatus HoldAndReleaseReset()
        {
            clock.Delay(ClocksToMicros(options.ResetHoldClocks));

            // The reader ignores I/O while RST is low (reference §1.1).
            DiscardInput();
            cardMayBeSending = false;
            reset.Write(true);
            resetReleasedMicros = clock.NowMicros;
            return SmartcardStatus.Success;
        }

        /// <summary>
        /// The reset of a line without an RST wire: FF FF sent at the card's current parameters while
        /// it waits for the start of a command (docs/architecture.md), then back to Fd/Dd for the ATR.
        /// </summary>
        private SmartcardStatus ResetInBand()
        {
            clock.Delay(options.InBandResetQuietMicros);
            DiscardInput();
            SmartcardStatus status = Send(InBandReset, 0, InBandReset.Length);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            ConfigureInitialCharacterFrame();
            resetReleasedMicros = clock.NowMicros;
            return SmartcardStatus.Success;
        }

        /// <summary>
        /// Reads TS within the ATR window, switches to the inverse convention when TS says so, then
        /// reads the rest of the ATR as far as <see cref="Atr.RemainingLength"/> says, each character
        /// within the initial waiting time of the previous one.
        /// </summary>
        private SmartcardStatus ReceiveAtr(byte[] atr, int offset, out int atrLength)
        {
            atrLength = 0;
            SmartcardStatus status = ReceiveTs(atr, offset);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            int errorsAfterTs = line.ReceiveErrorCount;

            // The bound is between leading edges; a real UART hands a character over some time after
            // its stop bits, so one character time of slack keeps a card at the limit from failing.
            long waitMicros = EtuToMicros(options.AtrCharacterWaitingEtu) + characterMicros;
            int received = 1;
            int missing = Atr.RemainingLength(atr, offset, received);
            while (missing > 0)
            {
                if (received + missing > Atr.MaxLength)
                {
                    return SmartcardStatus.UnrecognizedMedia;
                }

                int got;
                status = ReceiveCharacters(atr, offset + received, missing, waitMicros, waitMicros, out got);
                received += got;
                if (status != SmartcardStatus.Success)
                {
                    return status;
                }

                missing = Atr.RemainingLength(atr, offset, received);
            }

            receiveErrorsSeen = line.ReceiveErrorCount;
            if (receiveErrorsSeen != errorsAfterTs)
            {
                // A plain UART cannot ask for a repetition (reference §2.9): the ATR is corrupted.
                return SmartcardStatus.ParityError;
            }

            atrLength = received;
            return SmartcardStatus.Success;
        }

        /// <summary>
        /// TS must start within AtrTimeoutClocks of the reset release (reference §1.1); a direct UART
        /// reads 3B for a direct card and 03 (with a parity error) for an inverse one (reference §1.2).
        /// </summary>
        private SmartcardStatus ReceiveTs(byte[] atr, int offset)
        {
            long deadline = resetReleasedMicros + ClocksToMicros(options.AtrTimeoutClocks) + characterMicros;
            long window = deadline - clock.NowMicros;
            int got;
            SmartcardStatus status = ReceiveCharacters(atr, offset, 1, window < 0 ? 0 : window, 0, out got);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            if (atr[offset] == TsInverseSeenDirect)
            {
                SwitchToInverseConvention();
                atr[offset] = Atr.TsInverse;
                return SmartcardStatus.Success;
            }

            return atr[offset] == Atr.TsDirect ? SmartcardStatus.Success : SmartcardStatus.UnrecognizedMedia;
        }

        /// <summary>
        /// Deactivation in the order of ISO 7816-3 §6.4 (reference §1.1): RST low, CLK stopped, VCC off.
        /// Safe from the card-detect thread: it only touches pins and the clock output.
        /// </summary>
        private void Deactivate()
        {
            lock (pinLock)
            {
                cardPowered = false;
                WriteReset(false);
                if (clockOutput != null)
                {
                    clockOutput.Stop();
                }

                if (vcc != null)
                {
                    vcc.Write(false);
                }
            }
        }

        private void WriteReset(bool high)
        {
            if (reset != null)
            {
                reset.Write(high);
            }
        }

        /// <summary>Duration of <paramref name="clocks"/> cycles of the actual CLK, rounded up.</summary>
        private long ClocksToMicros(long clocks)
        {
            long hz = ClockHz;
            return (clocks * 1000000L + hz - 1) / hz;
        }
    }
}
