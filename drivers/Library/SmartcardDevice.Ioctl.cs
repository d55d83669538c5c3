using System.Threading;

namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// IOCTL_SMARTCARD_* dispatch: parses the METHOD_BUFFERED input and output buffers as Windows lays them out
    /// (reference/pcsc.md §2.4) and routes to the typed calls, which do the state checks. DWORDs are 32-bit
    /// little-endian. On BufferTooSmall, <c>returned</c> carries the length that would have been needed.
    /// </summary>
    public sealed partial class SmartcardDevice
    {
        /// <summary>SCARD_IO_REQUEST {dwProtocol, cbPciLength}: two DWORDs in front of the APDU and of the response.</summary>
        private const int IoRequestHeaderLength = 8;

        private const int DwordLength = AttributeEncoding.DwordLength;

        /// <summary>Short APDU maximum (4 + 1 + 255 + 1); the copy buffer grows once for longer ones.</summary>
        private const int InitialCommandCopyLength = 261;

        // Holds the command when input and output are the same array (METHOD_BUFFERED shares one system buffer),
        // so writing the response cannot overwrite a command still being sent (§2.2 note).
        private byte[] _commandCopy = new byte[InitialCommandCopyLength];

        /// <summary>
        /// Executes IOCTL <paramref name="ioctl"/>. Unknown codes: InvalidDeviceRequest; vendor codes (function ≥ 2048)
        /// go to the driver's VendorControl; EJECT / SWALLOW / CONFISCATE to its Mechanical. IS_PRESENT / IS_ABSENT
        /// complete at once when already true, else wait up to <see cref="PresenceWaitMillis"/> (IoTimeout), Cancelled
        /// when the device closes meanwhile, DeviceBusy while another such wait is pending (smclib keeps one).
        /// </summary>
        public SmartcardStatus DeviceControl(int ioctl, byte[] input, int inputOffset, int inputLength,
                                             byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            if (!BufferRange.IsValid(input, inputOffset, inputLength) || !BufferRange.IsValid(output, outputOffset, outputCapacity))
            {
                return Record(SmartcardStatus.InvalidParameter);
            }

            switch (ioctl)
            {
                case Ioctl.Power:
                    return ControlPower(input, inputOffset, inputLength, output, outputOffset, outputCapacity, out returned);
                case Ioctl.GetAttribute:
                    return ControlGetAttribute(input, inputOffset, inputLength, output, outputOffset, outputCapacity, out returned);
                case Ioctl.SetAttribute:
                    return ControlSetAttribute(input, inputOffset, inputLength);
                case Ioctl.SetProtocol:
                    return ControlSetProtocol(input, inputOffset, inputLength, output, outputOffset, outputCapacity, out returned);
                case Ioctl.Transmit:
                    return ControlTransmit(input, inputOffset, inputLength, output, outputOffset, outputCapacity, out returned);
                case Ioctl.IsPresent:
                    return Record(WaitForPresence(true));
                case Ioctl.IsAbsent:
                    return Record(WaitForPresence(false));
                case Ioctl.GetState:
                    return Record(AttributeEncoding.PutDword((int)State, output, outputOffset, outputCapacity, out returned));
                case Ioctl.GetLastError:
                    // Reports the previous call and is not itself recorded.
                    return AttributeEncoding.PutDword((int)_lastError, output, outputOffset, outputCapacity, out returned);
                case Ioctl.Eject:
                case Ioctl.Swallow:
                case Ioctl.Confiscate:
                    return Record(Mechanical(ioctl));
                default:
                    if (Ioctl.IsVendor(ioctl))
                    {
                        return Record(VendorControl(ioctl, input, inputOffset, inputLength, output, outputOffset, outputCapacity, out returned));
                    }

                    return Record(SmartcardStatus.InvalidDeviceRequest);
            }
        }

        /// <summary>Input: the minor code (SCARD_POWER_DOWN / COLD_RESET / WARM_RESET). Output: the ATR after a reset, which needs room for Atr.MaxLength bytes up front as in smclib.</summary>
        private SmartcardStatus ControlPower(byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            if (inputLength < DwordLength)
            {
                return Record(SmartcardStatus.InvalidParameter);
            }

            int minor = AttributeEncoding.ReadDword(input, inputOffset);
            bool reset = minor == (int)PowerAction.ColdReset || minor == (int)PowerAction.WarmReset;
            if (reset && outputCapacity < Atr.MaxLength)
            {
                returned = Atr.MaxLength;
                return Record(SmartcardStatus.BufferTooSmall);
            }

            lock (_driverLock)
            {
                SmartcardStatus status = Power((PowerAction)minor);
                if (status == SmartcardStatus.Success && reset)
                {
                    returned = CopyAtr(output, outputOffset);
                }

                return status;
            }
        }

        /// <summary>Input: the attribute id. Output: its value.</summary>
        private SmartcardStatus ControlGetAttribute(byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            if (inputLength < DwordLength)
            {
                return Record(SmartcardStatus.InvalidParameter);
            }

            return GetAttribute(AttributeEncoding.ReadDword(input, inputOffset), output, outputOffset, outputCapacity, out returned);
        }

        /// <summary>Input: the attribute id, then the value.</summary>
        private SmartcardStatus ControlSetAttribute(byte[] input, int inputOffset, int inputLength)
        {
            if (inputLength < DwordLength)
            {
                return Record(SmartcardStatus.InvalidParameter);
            }

            return SetAttribute(AttributeEncoding.ReadDword(input, inputOffset), input, inputOffset + DwordLength, inputLength - DwordLength);
        }

        /// <summary>Input: the protocol mask. Output: the selected protocol (room checked before the card is touched).</summary>
        private SmartcardStatus ControlSetProtocol(byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            if (inputLength < DwordLength)
            {
                return Record(SmartcardStatus.InvalidParameter);
            }

            if (outputCapacity < DwordLength)
            {
                returned = DwordLength;
                return Record(SmartcardStatus.BufferTooSmall);
            }

            int selected;
            SmartcardStatus status = SetProtocol(AttributeEncoding.ReadDword(input, inputOffset), out selected);
            if (status == SmartcardStatus.Success)
            {
                AttributeEncoding.WriteDword(selected, output, outputOffset);
                returned = DwordLength;
            }

            return status;
        }

        /// <summary>
        /// Input: SCARD_IO_REQUEST {dwProtocol, cbPciLength ≥ 8} then the APDU at cbPciLength. Output: SCARD_IO_REQUEST
        /// {selected protocol, 8} then the response APDU.
        /// </summary>
        private SmartcardStatus ControlTransmit(byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            if (inputLength < IoRequestHeaderLength)
            {
                return Record(SmartcardStatus.InvalidParameter);
            }

            int protocol = AttributeEncoding.ReadDword(input, inputOffset);
            int pciLength = AttributeEncoding.ReadDword(input, inputOffset + DwordLength);
            if (pciLength < IoRequestHeaderLength || pciLength > inputLength)
            {
                return Record(SmartcardStatus.InvalidParameter);
            }

            if (outputCapacity < IoRequestHeaderLength)
            {
                returned = IoRequestHeaderLength;
                return Record(SmartcardStatus.BufferTooSmall);
            }

            lock (_driverLock)
            {
                byte[] command = input;
                int commandOffset = inputOffset + pciLength;
                int commandLength = inputLength - pciLength;
                if (input == output)
                {
                    command = CopyCommand(input, commandOffset, commandLength);
                    commandOffset = 0;
                }

                int responseLength;
                SmartcardStatus status = Transmit(protocol, command, commandOffset, commandLength,
                                                  output, outputOffset + IoRequestHeaderLength, outputCapacity - IoRequestHeaderLength, out responseLength);
                if (status == SmartcardStatus.Success)
                {
                    AttributeEncoding.WriteDword(protocol, output, outputOffset);
                    AttributeEncoding.WriteDword(IoRequestHeaderLength, output, outputOffset + DwordLength);
                }

                if (status == SmartcardStatus.Success || status == SmartcardStatus.BufferTooSmall)
                {
                    returned = IoRequestHeaderLength + responseLength;
                }

                return status;
            }
        }

        /// <summary>Copies the command into the device's own buffer (grown only for a longer command than ever before).</summary>
        private byte[] CopyCommand(byte[] source, int offset, int length)
        {
            if (_commandCopy.Length < length)
            {
                _commandCopy = new byte[length];
            }

            System.Array.Copy(source, offset, _commandCopy, 0, length);
            return _commandCopy;
        }

        /// <summary>
        /// IS_PRESENT (<paramref name="present"/>) / IS_ABSENT. Swallowed and powered cards count as present. The wait
        /// holds no lock, so the driver keeps working while a caller waits for a card.
        /// </summary>
        private SmartcardStatus WaitForPresence(bool present)
        {
            if (Interlocked.CompareExchange(ref _notificationPending, 1, 0) != 0)
            {
                return SmartcardStatus.DeviceBusy;
            }

            try
            {
                ReaderState state = State;
                if (state == ReaderState.Unknown)
                {
                    return SmartcardStatus.InvalidDeviceState;
                }

                if ((state >= ReaderState.Present) == present)
                {
                    return SmartcardStatus.Success;
                }

                ManualResetEvent change = present ? _cardPresentEvent : _cardAbsentEvent;
                if (!change.WaitOne(PresenceWaitMillis, false))
                {
                    return SmartcardStatus.IoTimeout;
                }

                return State == ReaderState.Unknown ? SmartcardStatus.Cancelled : SmartcardStatus.Success;
            }
            finally
            {
                Interlocked.Exchange(ref _notificationPending, 0);
            }
        }

        /// <summary>RDF_CARD_EJECT / RDF_READER_SWALLOW / RDF_CARD_CONFISCATE. A swallowed card's state becomes Swallowed.</summary>
        private SmartcardStatus Mechanical(int ioctl)
        {
            lock (_driverLock)
            {
                int session;
                SmartcardStatus status = CheckCardInReader(Snapshot(out session));
                if (status != SmartcardStatus.Success)
                {
                    return status;
                }

                status = Driver.Mechanical(ioctl);
                if (status == SmartcardStatus.Success && ioctl == Ioctl.Swallow)
                {
                    MarkSwallowed(session);
                }
                else if (status == SmartcardStatus.NoMedia)
                {
                    OnCardRemoved(session);
                }

                return status;
            }
        }

        private void MarkSwallowed(int session)
        {
            lock (_stateLock)
            {
                if (session != _cardSession)
                {
                    return;
                }

                _swallowed = true;
            }

            if (State == ReaderState.Present)
            {
                CommitCardState(session, ReaderState.Swallowed);
            }
        }

        /// <summary>RDF_IOCTL_VENDOR: tunnelled as is once the device is open (no card needed: reader escapes such as firmware queries).</summary>
        private SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            lock (_driverLock)
            {
                if (State == ReaderState.Unknown)
                {
                    return SmartcardStatus.InvalidDeviceState;
                }

                return Driver.VendorControl(ioctl, input, inputOffset, inputLength, output, outputOffset, outputCapacity, out returned);
            }
        }
    }
}
