namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// <see cref="IOutputPin"/> on the RTS modem line of an open serial device (TIOCMBIS/TIOCMBIC),
    /// for wirings that drive a card's RST from the UART's RTS pin. <see cref="Value"/> is the electrical
    /// level of the TTL nRTS pin, which is low while RTS is asserted; <c>inverted</c> is for a board with an
    /// inverting buffer (or an RS-232 level shifter) between the pin and RST.
    /// A pseudo-terminal has no modem lines: the constructor fails there.
    /// </summary>
    public sealed unsafe class LinuxModemLinePin : IOutputPin
    {
        private readonly LinuxUartLine line;
        private readonly bool inverted;
        private bool value;

        public LinuxModemLinePin(LinuxUartLine line, bool inverted, bool initialHigh)
        {
            this.line = line;
            this.inverted = inverted;
            int bits;
            if (LibC.Ioctl(line.Descriptor, Termios2.TIOCMGET, &bits) != 0)
            {
                throw LibC.DeviceError(line.Device, "cannot drive RTS as a reset line on", LibC.Errno);
            }
            Write(initialHigh);
        }

        public bool Value
        {
            get { return value; }
        }

        /// <summary>errno of the last failed write (0 when none failed).</summary>
        public int LastErrno { get; private set; }

        public void Write(bool high)
        {
            int rts = Termios2.TIOCM_RTS;
            // nRTS is low while RTS is asserted: a high pin means RTS cleared, unless a buffer inverts it.
            bool assert = high == inverted;
            if (LibC.Ioctl(line.Descriptor, assert ? Termios2.TIOCMBIS : Termios2.TIOCMBIC, &rts) != 0)
            {
                LastErrno = LibC.Errno;
            }
            value = high;
        }
    }
}
