using System.Runtime.InteropServices;

namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// struct termios2 of asm-generic/termbits.h (44 bytes: four tcflag_t, c_line, c_cc[19],
    /// c_ispeed, c_ospeed). Its first 36 bytes are the kernel's struct termios, so the same value
    /// serves the older TCSETSW request (the fallback for a driver that refuses termios2). Flag values are the asm-generic ones (octal in the header).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct Termios2
    {
        public const int ControlCharacterCount = 19; // NCCS

        public uint InputFlags;
        public uint OutputFlags;
        public uint ControlFlags;
        public uint LocalFlags;
        public byte LineDiscipline;
        public fixed byte ControlCharacters[ControlCharacterCount];
        public uint InputSpeed;
        public uint OutputSpeed;

        // c_iflag
        public const uint PARMRK = 0x0008;
        public const uint INPCK = 0x0010;

        // c_cflag
        public const uint CBAUD = 0x100F;
        public const uint BOTHER = 0x1000;
        public const uint CS8 = 0x0030;
        public const uint CSTOPB = 0x0040;
        public const uint CREAD = 0x0080;
        public const uint PARENB = 0x0100;
        public const uint PARODD = 0x0200;
        public const uint CLOCAL = 0x0800;
        /// <summary>The input rate sits in CIBAUD = CBAUD &lt;&lt; IBSHIFT.</summary>
        public const int IBSHIFT = 16;

        // c_cc indexes
        public const int VTIME = 5;
        public const int VMIN = 6;

        private const int TerminalType = 'T';

        /// <summary>TCGETS2 = _IOR('T', 0x2A, struct termios2) = 0x802C542A.</summary>
        public static readonly nuint TCGETS2 = Ioc.Read(TerminalType, 0x2A, sizeof(Termios2));

        /// <summary>TCSETSW2 = _IOW('T', 0x2C, struct termios2) = 0x402C542C: applies once the output has drained.</summary>
        public static readonly nuint TCSETSW2 = Ioc.Write(TerminalType, 0x2C, sizeof(Termios2));

        // asm-generic/ioctls.h: the older requests predate the encoding and are plain numbers.
        public const uint TCSETSW = 0x5403;
        /// <summary>TCSBRK with a non-zero argument is tcdrain().</summary>
        public const uint TCSBRK = 0x5409;
        public const uint TCFLSH = 0x540B;
        public const uint TIOCEXCL = 0x540C;
        public const uint TIOCMGET = 0x5415;
        public const uint TIOCMBIS = 0x5416;
        public const uint TIOCMBIC = 0x5417;

        /// <summary>TCFLSH argument: drop received data not read (TCIFLUSH).</summary>
        public const int TCIFLUSH = 0;

        /// <summary>Modem line bit of RTS for TIOCMGET/TIOCMBIS/TIOCMBIC (TIOCM_RTS).</summary>
        public const int TIOCM_RTS = 0x004;
    }
}
