namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// The vendor IOCTL that tunnels a PN532 command from SCardControl, in the shape of the ACS direct
    /// transmit (reference §4.5.2): input <c>D4 &lt;command&gt; &lt;parameters…&gt;</c>, output
    /// <c>D5 &lt;command + 1&gt; &lt;answer…&gt;</c>. Only commands that leave the chip as the driver set it up
    /// are let through (information, diagnostics, GPIO, and exchanges with the current target);
    /// anything that would change the host interface, the power state, the SAM or RF configuration, the
    /// registers or the target list behind the driver's back is refused.
    /// </summary>
    public sealed partial class Pn532Reader
    {
        /// <summary>Vendor function number of the direct command: SCARD_CTL_CODE(3500).</summary>
        public const int DirectCommandFunction = 3500;

        /// <summary>
        /// The IOCTL of the direct command in the Windows CTL_CODE encoding the driver library uses
        /// (FILE_DEVICE_SMARTCARD 0x31, function 3500, METHOD_BUFFERED: 0x00310000 | 3500 &lt;&lt; 2); the manager
        /// also accepts pcsc-lite's SCARD_CTL_CODE(3500) = 0x42000DAC for it.
        /// </summary>
        public const int IoctlDirectCommand = 0x00310000 | (DirectCommandFunction << 2);

        /// <summary>TFI of a frame from the host and from the chip (reference §3.1).</summary>
        const byte HostToChip = 0xD4;
        const byte ChipToHost = 0xD5;

        /// <summary>TFI and command code in front of the parameters (input) or the answer (output).</summary>
        const int DirectHeaderLength = 2;

        /// <summary>
        /// RDF_IOCTL_VENDOR. <see cref="IoctlDirectCommand"/> runs a PN532 command; any other code is NotSupported.
        /// InvalidParameter: no D4 header, a refused command, or one the chip rejects as malformed;
        /// BufferTooSmall: the answer does not fit (<paramref name="returned"/> says how much it needs).
        /// </summary>
        public SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            if (ioctl != IoctlDirectCommand)
            {
                return SmartcardStatus.NotSupported;
            }

            if (input == null || inputLength < DirectHeaderLength || input[inputOffset] != HostToChip || !IsDirectCommandAllowed(input[inputOffset + 1]))
            {
                return SmartcardStatus.InvalidParameter;
            }

            int count = inputLength - DirectHeaderLength;
            if (count > parameters.Length)
            {
                return SmartcardStatus.InvalidParameter;
            }

            lock (driverLock)
            {
                if (!open)
                {
                    return SmartcardStatus.InvalidDeviceState;
                }

                return DirectCommand(input, inputOffset, count, output, outputOffset, outputCapacity, out returned);
            }
        }

        /// <summary>Runs the command whose D4 header starts at <paramref name="inputOffset"/> and writes the D5 answer.</summary>
        SmartcardStatus DirectCommand(byte[] input, int inputOffset, int count, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            byte command = input[inputOffset + 1];
            for (int i = 0; i < count; i++)
            {
                parameters[i] = input[inputOffset + DirectHeaderLength + i];
            }

            int length;
            SmartcardStatus status = Exchange(command, count, DirectCommandTimeout(command, count), out length);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            returned = DirectHeaderLength + length;
            if (returned > outputCapacity)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            output[outputOffset] = ChipToHost;
            output[outputOffset + 1] = (byte)(command + 1);
            for (int i = 0; i < length; i++)
            {
                output[outputOffset + DirectHeaderLength + i] = answer[i];
            }

            return SmartcardStatus.Success;
        }

        /// <summary>Commands that reach the card wait as an exchange with the current target does; the rest as any command.</summary>
        long DirectCommandTimeout(byte command, int count)
        {
            switch (command)
            {
                case Pn532Command.InDataExchange:
                case Pn532Command.Diagnose:
                    return ExchangeTimeout(count);
                case Pn532Command.InCommunicateThru:
                    return Pn532ExchangeTimeout.ForExchange(Pn532ReaderTarget.NoFrameWaitingIndex, count, options.CommandTimeoutMicros, options.ExchangeTimeoutMicros);
                default:
                    return options.CommandTimeoutMicros;
            }
        }

        /// <summary>
        /// The commands that keep the driver's view of the chip true (reference §3.3). Refused among others:
        /// SetSerialBaudRate (the host interface), PowerDown, SAMConfiguration, SetParameters, RFConfiguration
        /// (automatic RATS, the bounded retries the poll relies on), WriteRegister, the target list commands
        /// (InListPassiveTarget, InSelect, InDeselect, InRelease, InAutoPoll, DEP) and the target mode (TgInitAsTarget…).
        /// </summary>
        static bool IsDirectCommandAllowed(byte command)
        {
            switch (command)
            {
                case Pn532Command.Diagnose:
                case Pn532Command.GetFirmwareVersion:
                case Pn532Command.GetGeneralStatus:
                case Pn532Command.ReadRegister:
                case Pn532Command.ReadGpio:
                case Pn532Command.WriteGpio:
                case Pn532Command.InDataExchange:
                case Pn532Command.InCommunicateThru:
                    return true;
                default:
                    return false;
            }
        }
    }
}
