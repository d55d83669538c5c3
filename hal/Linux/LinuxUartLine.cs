using System;

namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// <see cref="IUartLine"/> over a Linux tty (a UART such as the Raspberry Pi's PL011
    /// /dev/ttyAMA0, a USB serial adapter, or a pseudo-terminal) through termios2:
    /// raw 8-bit characters, PARENB/PARODD and CSTOPB for the ISO 7816-3 8E2 frame, and BOTHER
    /// with c_ispeed/c_ospeed for rates such as f/372 that have no Bnnn code.
    /// <para>
    /// Parity and framing errors are marked by the tty layer (INPCK + PARMRK) and counted in
    /// <see cref="ReceiveErrorCount"/>; the byte itself is still delivered. A pseudo-terminal
    /// carries no parity at all, so over a pty the count stays 0 whatever the settings.
    /// </para>
    /// <para>
    /// Read, Write, Drain and DiscardInput never throw once the line is open: a failing
    /// descriptor (an unplugged adapter, a closed pty peer) reads as silence until the timeout,
    /// drops writes, and leaves its errno in <see cref="LastErrno"/>. Opening and the initial configuration throw
    /// an IOException naming the device.
    /// </para>
    /// </summary>
    public sealed unsafe class LinuxUartLine : IUartLine
    {
        /// <summary>The format a card line starts with: 9600 bd (3.5712 MHz / 372), 8E2 (ISO 7816-3 §1.2 of the reference).</summary>
        public const int InitialBaudRate = 9600;

        /// <summary>Bits on the wire per character at most: start, 8 data, parity, 2 stop.</summary>
        private const int MaxBitsPerCharacter = 12;

        /// <summary>A write that cannot hand its bytes to the kernel within their own wire time plus this is abandoned.</summary>
        private const long WriteSlackMicros = 1000000;

        private const long MicrosPerSecond = 1000000;
        private const long MicrosPerMilli = 1000;

        private readonly string device;
        private readonly bool echoesWrites;
        private readonly ParityMarkDecoder decoder = new ParityMarkDecoder();
        private int fd;
        private int baudRate;
        private int requestedBaudRate;
        private UartParity parity;
        private UartStopBits stopBits;
        private bool standardRateFallback;

        /// <summary>Opens a line without echo (two-wire, or a pseudo-terminal).</summary>
        public LinuxUartLine(string device) : this(device, false)
        {
        }

        /// <summary>
        /// Opens <paramref name="device"/> (a path such as /dev/ttyAMA0, symbolic links followed) exclusively and sets
        /// 9600 bd 8E2. <paramref name="echoesWrites"/> says whether TX and RX are tied on one I/O wire, so that every
        /// written byte comes back (the reader driver removes it).
        /// </summary>
        public LinuxUartLine(string device, bool echoesWrites)
        {
            this.device = device;
            this.echoesWrites = echoesWrites;
            fd = LibC.OpenDevice(device, LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_NONBLOCK, "serial device");
            try
            {
                // Exclusive mode keeps a second reader (or getty) from interleaving with us; root bypasses it.
                LibC.Ioctl(fd, Termios2.TIOCEXCL, 0);
                int errno = Apply(InitialBaudRate, UartParity.Even, UartStopBits.Two);
                if (errno != 0)
                {
                    throw LibC.DeviceError(device, "cannot configure", errno);
                }
                LibC.Ioctl(fd, Termios2.TCFLSH, Termios2.TCIFLUSH);
            }
            catch
            {
                LibC.CloseIfOpen(ref fd);
                throw;
            }
        }

        /// <summary>The device path the line was opened with.</summary>
        public string Device
        {
            get { return device; }
        }

        /// <summary>The rate the driver reports it produces (read back after every change); see <see cref="RequestedBaudRate"/>.</summary>
        public int BaudRate
        {
            get { return baudRate; }
        }

        /// <summary>The rate last asked for in <see cref="Configure"/>.</summary>
        public int RequestedBaudRate
        {
            get { return requestedBaudRate; }
        }

        /// <summary>
        /// True when the driver refused an arbitrary rate (BOTHER) and the line fell back to the nearest
        /// standard Bnnn rate: <see cref="BaudRate"/> then differs from the request, and a card clocked for
        /// f·D/F will not be understood unless the two are within a few percent.
        /// </summary>
        public bool UsesStandardRateFallback
        {
            get { return standardRateFallback; }
        }

        public UartParity Parity
        {
            get { return parity; }
        }

        public UartStopBits StopBits
        {
            get { return stopBits; }
        }

        public bool EchoesWrites
        {
            get { return echoesWrites; }
        }

        public int ReceiveErrorCount
        {
            get { return decoder.ErrorCount; }
        }

        /// <summary>errno of the last failed call after opening (0 when none failed).</summary>
        public int LastErrno { get; private set; }

        /// <summary>The open descriptor, for modem-line control on the same tty (RTS as a reset pin).</summary>
        internal int Descriptor
        {
            get { return fd; }
        }

        public void Configure(int baudRate, UartParity parity, UartStopBits stopBits)
        {
            if (baudRate == requestedBaudRate && parity == this.parity && stopBits == this.stopBits)
            {
                return;
            }
            int errno = Apply(baudRate, parity, stopBits);
            if (errno != 0)
            {
                LastErrno = errno;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            long deadline = MonotonicClock.Now() + WireMicros(count) + WriteSlackMicros;
            fixed (byte* start = buffer)
            {
                int sent = 0;
                while (sent < count)
                {
                    long n = LibC.Write(fd, start + offset + sent, (nuint)(count - sent));
                    if (n > 0)
                    {
                        sent += (int)n;
                    }
                    else if (!WaitFor(LibC.POLLOUT, deadline, n < 0 ? LibC.Errno : 0))
                    {
                        return;
                    }
                }
            }
        }

        public void Drain()
        {
            if (LibC.Ioctl(fd, Termios2.TCSBRK, 1) != 0)
            {
                LastErrno = LibC.Errno;
            }
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMicros)
        {
            CheckRange(buffer, offset, count);
            if (count == 0)
            {
                return 0;
            }
            long deadline = MonotonicClock.Now() + (timeoutMicros > 0 ? timeoutMicros : 0);
            fixed (byte* start = buffer)
            {
                while (true)
                {
                    long n = LibC.Read(fd, start + offset, (nuint)count);
                    if (n > 0)
                    {
                        int data = decoder.DecodeInPlace(buffer, offset, (int)n);
                        if (data > 0)
                        {
                            return data;
                        }
                    }
                    else if (!WaitFor(LibC.POLLIN, deadline, n < 0 ? LibC.Errno : 0))
                    {
                        // A failed descriptor is not polled in a loop: the rest of the timeout is slept, so a
                        // caller that retries sees a quiet line for a bounded time rather than a busy one.
                        MonotonicClock.SleepUntil(deadline);
                        return 0;
                    }
                }
            }
        }

        public void DiscardInput()
        {
            if (LibC.Ioctl(fd, Termios2.TCFLSH, Termios2.TCIFLUSH) != 0)
            {
                LastErrno = LibC.Errno;
            }
            decoder.Reset();
        }

        public void Dispose()
        {
            LibC.CloseIfOpen(ref fd);
        }

        /// <summary>
        /// After a read or write that moved nothing (<paramref name="failedErrno"/> its errno, 0 for none), waits until the
        /// descriptor is ready for <paramref name="events"/>. False when the deadline passed or the descriptor failed
        /// (an error, or a hang-up: an unplugged adapter, a closed pty peer); the failure's errno goes to <see cref="LastErrno"/>.
        /// </summary>
        private bool WaitFor(short events, long deadline, int failedErrno)
        {
            if (failedErrno != 0 && failedErrno != LibC.EAGAIN && failedErrno != LibC.EINTR)
            {
                LastErrno = failedErrno;
                return false;
            }
            long remaining = deadline - MonotonicClock.Now();
            if (remaining <= 0)
            {
                return false;
            }
            LibC.PollFd poll;
            poll.Fd = fd;
            poll.Events = events;
            poll.Revents = 0;
            int ready = LibC.Poll(&poll, 1, (int)((remaining + MicrosPerMilli - 1) / MicrosPerMilli));
            if (ready > 0 && (poll.Revents & (LibC.POLLHUP | LibC.POLLERR | LibC.POLLNVAL)) != 0)
            {
                LastErrno = LibC.EIO;
                return false;
            }
            return true;
        }

        /// <summary>Sets raw 8-bit mode with the given frame; returns 0 or the errno of the refusal.</summary>
        private int Apply(int baudRate, UartParity parity, UartStopBits stopBits)
        {
            Termios2 termios;
            if (LibC.Ioctl(fd, Termios2.TCGETS2, &termios) != 0)
            {
                return LibC.Errno;
            }
            SetRawFrame(ref termios, parity, stopBits);
            SetArbitraryRate(ref termios, baudRate);
            bool fallback = false;
            if (LibC.Ioctl(fd, Termios2.TCSETSW2, &termios) != 0)
            {
                int index = StandardBaudRates.Nearest(baudRate);
                SetStandardRate(ref termios, StandardBaudRates.CodeAt(index), StandardBaudRates.RateAt(index));
                if (LibC.Ioctl(fd, Termios2.TCSETSW, &termios) != 0)
                {
                    return LibC.Errno;
                }
                fallback = true;
            }
            this.requestedBaudRate = baudRate;
            this.parity = parity;
            this.stopBits = stopBits;
            this.standardRateFallback = fallback;
            this.baudRate = ReadBackRate(termios);
            return 0;
        }

        /// <summary>The rate the driver settled on (it may round an arbitrary rate to what its divider makes).</summary>
        private int ReadBackRate(Termios2 requested)
        {
            Termios2 actual;
            if (LibC.Ioctl(fd, Termios2.TCGETS2, &actual) == 0 && actual.OutputSpeed != 0)
            {
                return (int)actual.OutputSpeed;
            }
            return (int)requested.OutputSpeed;
        }

        /// <summary>
        /// cfmakeraw plus the ISO 7816 frame: no line editing, no translation, no flow control (CRTSCTS, IXON off), no
        /// hang-up on close (HUPCL off, so an RTS reset line keeps its level). Parity and framing errors are marked
        /// (INPCK, PARMRK with IGNPAR and ISTRIP off); a break is marked too (IGNBRK and BRKINT off).
        /// </summary>
        private static void SetRawFrame(ref Termios2 termios, UartParity parity, UartStopBits stopBits)
        {
            termios.InputFlags = Termios2.INPCK | Termios2.PARMRK;
            termios.OutputFlags = 0;
            termios.LocalFlags = 0;
            uint control = Termios2.CS8 | Termios2.CREAD | Termios2.CLOCAL;
            if (parity != UartParity.None)
            {
                control |= Termios2.PARENB;
            }
            if (parity == UartParity.Odd)
            {
                control |= Termios2.PARODD;
            }
            if (stopBits == UartStopBits.Two)
            {
                control |= Termios2.CSTOPB;
            }
            termios.ControlFlags = control;
            termios.ControlCharacters[Termios2.VMIN] = 0;
            termios.ControlCharacters[Termios2.VTIME] = 0;
        }

        /// <summary>BOTHER for both directions: the kernel takes c_ospeed/c_ispeed as the rate in bit/s.</summary>
        private static void SetArbitraryRate(ref Termios2 termios, int baudRate)
        {
            termios.ControlFlags |= Termios2.BOTHER | (Termios2.BOTHER << Termios2.IBSHIFT);
            termios.OutputSpeed = (uint)baudRate;
            termios.InputSpeed = (uint)baudRate;
        }

        private static void SetStandardRate(ref Termios2 termios, uint code, int rate)
        {
            termios.ControlFlags &= ~(Termios2.CBAUD | (Termios2.CBAUD << Termios2.IBSHIFT));
            termios.ControlFlags |= code;
            termios.OutputSpeed = (uint)rate;
            termios.InputSpeed = (uint)rate;
        }

        private long WireMicros(int count)
        {
            int rate = baudRate > 0 ? baudRate : InitialBaudRate;
            return (long)count * MaxBitsPerCharacter * MicrosPerSecond / rate;
        }

        private static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException("count", "offset and count must lie inside the buffer");
            }
        }
    }
}
