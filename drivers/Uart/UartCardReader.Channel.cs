using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Drivers.Uart
{
    /// <summary>
    /// The character channel (ICardChannel): character frame and baud rate from F, D and the clock,
    /// guard time and turnaround before sending, echo removal, convention, and the receive time-outs.
    /// </summary>
    public sealed partial class UartCardReader
    {
        /// <summary>Characters sent per write when no extra guard time forces one at a time (also the echo buffer size).</summary>
        private const int TransmitChunk = 32;

        /// <summary>Longest single wait on the line: a pulled card is noticed at least this often while receiving.</summary>
        private const int PresencePollMicros = 10000;

        /// <summary>Allowance for a real serial driver to deliver the echo after the last stop bit.</summary>
        private const int EchoLatencyMicros = 20000;

        /// <summary>With N = 255 under T=1 characters are 11 etu apart: one stop bit (reference §1.6).</summary>
        private const int OneStopBitFrameEtu = 11;

        /// <summary>Bound on the reads spent waiting for a card to finish an answer nobody reads (a short APDU response and more).</summary>
        private const int MaxStaleReads = 512;

        private readonly CardTiming applied = new CardTiming();
        private readonly byte[] transmitBuffer = new byte[TransmitChunk];
        private readonly byte[] echoBuffer = new byte[TransmitChunk];

        /// <summary>Duration of one character frame on the line (start, 8 data, parity, stop bits).</summary>
        private long characterMicros;

        /// <summary>Idle time to add after each character sent: the extra guard time of TC1 (reference §1.6).</summary>
        private long extraGuardMicros;

        private long turnaroundMicros;

        /// <summary>Earliest time the next character may start (guard time after the last sent, turnaround after the last received).</summary>
        private long nextSendMicros;

        /// <summary>The line's receive error count already accounted for (echoes, discarded input, earlier receptions).</summary>
        private int receiveErrorsSeen;

        /// <summary>True after a reception that ended early (parity error, time-out): the card may still be sending.</summary>
        private bool cardMayBeSending;

        public SmartcardStatus ApplyTiming(CardTiming timing)
        {
            if (timing == null || timing.F <= 0 || timing.D <= 0 || timing.CharacterGuardEtu < OneStopBitFrameEtu || timing.TurnaroundEtu < 0)
            {
                return SmartcardStatus.InvalidParameter;
            }

            applied.CopyFrom(timing);

            // The baud rate follows the CLK really produced, whatever the caller assumed.
            applied.ClockHz = ClockHz;
            if (applied.BaudRate > options.MaxBaudRate)
            {
                return SmartcardStatus.NotSupported;
            }

            ConfigureLine();
            return SmartcardStatus.Success;
        }

        public SmartcardStatus Send(byte[] buffer, int offset, int count)
        {
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                return SmartcardStatus.InvalidParameter;
            }

            SmartcardStatus status = CheckCardActive();
            if (status == SmartcardStatus.Success && cardMayBeSending)
            {
                WaitForSilence();
            }

            int sent = 0;
            while (status == SmartcardStatus.Success && sent < count)
            {
                int chunk = extraGuardMicros > 0 ? 1 : Min(count - sent, TransmitChunk);
                status = SendChunk(buffer, offset + sent, chunk);
                sent += chunk;
            }

            return status;
        }

        public SmartcardStatus Receive(byte[] buffer, int offset, int count, int firstCharTimeoutMicros, int nextCharTimeoutMicros, out int received)
        {
            received = 0;
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count || firstCharTimeoutMicros < 0 || nextCharTimeoutMicros < 0)
            {
                return SmartcardStatus.InvalidParameter;
            }

            SmartcardStatus status = CheckCardActive();
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            status = ReceiveCharacters(buffer, offset, count, firstCharTimeoutMicros, nextCharTimeoutMicros, out received);
            int errors = line.ReceiveErrorCount;
            bool parityError = errors != receiveErrorsSeen;
            receiveErrorsSeen = errors;
            cardMayBeSending = status != SmartcardStatus.Success || parityError;

            // No error signal on a plain UART (reference §2.9): the protocol engine treats this as a failed TPDU.
            return status == SmartcardStatus.Success && parityError ? SmartcardStatus.ParityError : status;
        }

        public void DiscardInput()
        {
            line.DiscardInput();
            receiveErrorsSeen = line.ReceiveErrorCount;
        }

        /// <summary>Fd, Dd, 12 etu, direct convention: the character frame of the ATR (reference §1.1).</summary>
        private void ConfigureInitialCharacterFrame()
        {
            applied.ClockHz = ClockHz;
            applied.F = Fd;
            applied.D = Dd;
            applied.N = 0;
            applied.InverseConvention = false;
            applied.CharacterGuardEtu = DefaultCharacterGuardEtu;
            applied.TurnaroundEtu = DefaultTurnaroundEtu;
            ConfigureLine();
        }

        private void SwitchToInverseConvention()
        {
            applied.InverseConvention = true;
            ConfigureLine();
        }

        /// <summary>
        /// 8 data bits, even parity (odd for the software inverse convention, reference §1.2) and two
        /// stop bits for 12 etu characters, one when the guard time is 11 etu.
        /// </summary>
        private void ConfigureLine()
        {
            int frameEtu = applied.CharacterGuardEtu == OneStopBitFrameEtu ? OneStopBitFrameEtu : DefaultCharacterGuardEtu;
            UartStopBits stopBits = frameEtu == OneStopBitFrameEtu ? UartStopBits.One : UartStopBits.Two;
            line.Configure(applied.BaudRate, applied.InverseConvention ? UartParity.Odd : UartParity.Even, stopBits);
            characterMicros = EtuToMicros(frameEtu);
            extraGuardMicros = EtuToMicros(applied.CharacterGuardEtu - frameEtu);
            turnaroundMicros = EtuToMicros(applied.TurnaroundEtu);
        }

        private SmartcardStatus CheckCardActive()
        {
            if (!IsCardPresent())
            {
                return SmartcardStatus.NoMedia;
            }

            return cardPowered ? SmartcardStatus.Success : SmartcardStatus.InvalidDeviceState;
        }

        /// <summary>Sends up to <see cref="TransmitChunk"/> characters once the turnaround or guard time has passed, then removes their echo.</summary>
        private SmartcardStatus SendChunk(byte[] buffer, int offset, int count)
        {
            if (applied.InverseConvention)
            {
                InverseConvention.Map(buffer, offset, transmitBuffer, 0, count);
            }
            else
            {
                for (int i = 0; i < count; i++)
                {
                    transmitBuffer[i] = buffer[offset + i];
                }
            }

            clock.Delay(nextSendMicros - clock.NowMicros);
            int errorsBefore = line.ReceiveErrorCount;
            line.Write(transmitBuffer, 0, count);
            line.Drain();
            nextSendMicros = clock.NowMicros + extraGuardMicros;
            SmartcardStatus status = EchoesWrites() ? RemoveEcho(count, errorsBefore) : SmartcardStatus.Success;
            if (status == SmartcardStatus.Success && !IsCardPresent())
            {
                status = SmartcardStatus.NoMedia;
            }

            return status;
        }

        /// <summary>
        /// On a single-wire line every character sent comes back. A different byte means the card
        /// drove the line at the same time (collision); a parity error on the echo is the card's error
        /// signal in the second stop bit (reference §2.9).
        /// </summary>
        private SmartcardStatus RemoveEcho(int count, int errorsBefore)
        {
            long timeout = characterMicros * 2 + EchoLatencyMicros;
            int got;
            SmartcardStatus status = ReadLine(echoBuffer, 0, count, timeout, timeout, out got);
            if (status == SmartcardStatus.NoMedia)
            {
                return status;
            }

            receiveErrorsSeen = line.ReceiveErrorCount;
            if (got < count)
            {
                return SmartcardStatus.IoDeviceError;
            }

            for (int i = 0; i < count; i++)
            {
                if (echoBuffer[i] != transmitBuffer[i])
                {
                    return SmartcardStatus.IoDeviceError;
                }
            }

            return receiveErrorsSeen != errorsBefore ? SmartcardStatus.ParityError : SmartcardStatus.Success;
        }

        /// <summary>
        /// A protocol engine that gave up on a reception sends next; the card may still be finishing its
        /// answer (SW1 SW2 after a corrupted data byte). Sending over it would collide on the single wire,
        /// so the rest is awaited until two character times pass in silence, then dropped.
        /// </summary>
        private void WaitForSilence()
        {
            int quietMicros = (int)(2 * characterMicros + extraGuardMicros);
            for (int i = 0; i < MaxStaleReads && IsCardPresent(); i++)
            {
                if (line.Read(echoBuffer, 0, TransmitChunk, quietMicros) == 0)
                {
                    break;
                }
            }

            DiscardInput();
            cardMayBeSending = false;
        }

        private bool EchoesWrites()
        {
            return options.LineEchoes || line.EchoesWrites;
        }

        /// <summary>Reads characters from the card, decodes the convention and starts the turnaround time from the last one.</summary>
        private SmartcardStatus ReceiveCharacters(byte[] buffer, int offset, int count, long firstTimeoutMicros, long nextTimeoutMicros, out int received)
        {
            SmartcardStatus status = ReadLine(buffer, offset, count, firstTimeoutMicros, nextTimeoutMicros, out received);
            if (received > 0)
            {
                if (applied.InverseConvention)
                {
                    InverseConvention.Map(buffer, offset, received);
                }

                long earliestSend = clock.NowMicros + turnaroundMicros;
                if (earliestSend > nextSendMicros)
                {
                    nextSendMicros = earliestSend;
                }
            }

            return status;
        }

        /// <summary>
        /// Reads wire bytes: the first within <paramref name="firstTimeoutMicros"/>, each next within
        /// <paramref name="nextTimeoutMicros"/> of the previous. Waits in slices so that a pulled card
        /// ends the wait at once.
        /// </summary>
        private SmartcardStatus ReadLine(byte[] buffer, int offset, int count, long firstTimeoutMicros, long nextTimeoutMicros, out int received)
        {
            received = 0;
            long deadline = clock.NowMicros + firstTimeoutMicros;
            while (received < count)
            {
                if (!IsCardPresent())
                {
                    return SmartcardStatus.NoMedia;
                }

                long remaining = deadline - clock.NowMicros;
                if (remaining < 0)
                {
                    remaining = 0;
                }

                int slice = remaining > PresencePollMicros ? PresencePollMicros : (int)remaining;
                int got = line.Read(buffer, offset + received, count - received, slice);
                if (got > 0)
                {
                    received += got;
                    deadline = clock.NowMicros + nextTimeoutMicros;
                }
                else if (remaining == 0)
                {
                    return SmartcardStatus.IoTimeout;
                }
            }

            return SmartcardStatus.Success;
        }

        private long EtuToMicros(long etu)
        {
            return applied.EtuToMicros(etu);
        }

        private static int Min(int a, int b)
        {
            return a < b ? a : b;
        }
    }
}
