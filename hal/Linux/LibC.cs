using System;
using System.IO;
using System.Runtime.InteropServices;

namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// The one place that calls libc: file descriptors, poll, ioctl, clocks and errno text.
    /// Constants are the asm-generic values, which x86_64, arm64, arm and riscv share
    /// (alpha, mips, parisc, powerpc and sparc use other numbers for some of them; this HAL does
    /// not target those). The code compiles for any architecture: every C long is an nint.
    /// </summary>
    internal static unsafe class LibC
    {
        private const string Library = "libc";

        // asm-generic/fcntl.h
        public const int O_RDONLY = 0x0;
        public const int O_RDWR = 0x2;
        public const int O_NOCTTY = 0x100;
        public const int O_NONBLOCK = 0x800;
        public const int O_CLOEXEC = 0x80000;

        // asm-generic/poll.h
        public const short POLLIN = 0x001;
        public const short POLLOUT = 0x004;
        public const short POLLERR = 0x008;
        public const short POLLHUP = 0x010;
        public const short POLLNVAL = 0x020;

        // asm-generic/errno-base.h and asm-generic/errno.h
        public const int EINTR = 4;
        public const int EIO = 5;
        public const int ENXIO = 6;
        public const int EAGAIN = 11;
        public const int EACCES = 13;
        public const int EBUSY = 16;
        public const int EREMOTEIO = 121;

        // linux/time.h
        public const int CLOCK_MONOTONIC = 1;
        public const int TIMER_ABSTIME = 1;

        [StructLayout(LayoutKind.Sequential)]
        public struct PollFd
        {
            public int Fd;
            public short Events;
            public short Revents;
        }

        /// <summary>struct timespec: time_t and long are both the C long of the platform.</summary>
        [StructLayout(LayoutKind.Sequential)]
        public struct TimeSpec
        {
            public nint Seconds;
            public nint Nanoseconds;
        }

        [DllImport(Library, EntryPoint = "open", SetLastError = true)]
        private static extern int OpenNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport(Library, EntryPoint = "close", SetLastError = true)]
        public static extern int Close(int fd);

        [DllImport(Library, EntryPoint = "read", SetLastError = true)]
        public static extern nint Read(int fd, byte* buffer, nuint count);

        [DllImport(Library, EntryPoint = "write", SetLastError = true)]
        public static extern nint Write(int fd, byte* buffer, nuint count);

        [DllImport(Library, EntryPoint = "fsync", SetLastError = true)]
        public static extern int Fsync(int fd);

        [DllImport(Library, EntryPoint = "poll", SetLastError = true)]
        public static extern int Poll(PollFd* fds, nuint count, int timeoutMillis);

        /// <summary>ioctl with a pointer argument (the request is an unsigned long in glibc and musl).</summary>
        [DllImport(Library, EntryPoint = "ioctl", SetLastError = true)]
        public static extern int Ioctl(int fd, nuint request, void* argument);

        /// <summary>ioctl with an integer argument (TCSBRK, TCFLSH, I2C_SLAVE).</summary>
        [DllImport(Library, EntryPoint = "ioctl", SetLastError = true)]
        public static extern int Ioctl(int fd, nuint request, nint argument);

        [DllImport(Library, EntryPoint = "clock_gettime", SetLastError = true)]
        public static extern int ClockGetTime(int clockId, TimeSpec* time);

        /// <summary>Returns 0 or the error number itself (clock_nanosleep does not set errno).</summary>
        [DllImport(Library, EntryPoint = "clock_nanosleep")]
        public static extern int ClockNanosleep(int clockId, int flags, TimeSpec* request, TimeSpec* remain);

        /// <summary>errno of the last call above, on the calling thread.</summary>
        public static int Errno
        {
            get { return Marshal.GetLastPInvokeError(); }
        }

        /// <summary>strerror text of an errno value.</summary>
        public static string ErrorText(int errno)
        {
            return Marshal.GetPInvokeErrorMessage(errno);
        }

        /// <summary>Opens a device, or throws an IOException naming it, the errno text and a hint for the usual causes.</summary>
        public static int OpenDevice(string path, int flags, string what)
        {
            int fd = OpenNative(path, flags | O_CLOEXEC);
            if (fd < 0)
            {
                throw DeviceError(path, "cannot open " + what, Errno);
            }
            return fd;
        }

        /// <summary>An exception for a failure while opening or configuring a device (never used on the transmit path).</summary>
        public static IOException DeviceError(string device, string action, int errno)
        {
            string message = action + " " + device + ": " + ErrorText(errno) + " (errno " + errno + ")";
            if (errno == EACCES)
            {
                message += "; check the device's group (dialout for serial ports, gpio/spi/i2c on a Raspberry Pi) and add the user to it";
            }
            else if (errno == EBUSY)
            {
                message += "; another process holds it (a serial console, a kernel driver or a second reader)";
            }
            return new IOException(message);
        }

        /// <summary>fsync of a directory, so that a file just created in it survives a power cut
        /// (fsync(2): syncing the file does not sync its directory entry); false when it failed.</summary>
        public static bool SyncDirectory(string path)
        {
            int fd = OpenNative(path, O_RDONLY | O_CLOEXEC);
            if (fd < 0)
            {
                return false;
            }
            bool synced = Fsync(fd) == 0;
            Close(fd);
            return synced;
        }

        /// <summary>Closes a descriptor if open and marks it closed.</summary>
        public static void CloseIfOpen(ref int fd)
        {
            if (fd >= 0)
            {
                Close(fd);
                fd = -1;
            }
        }

        /// <summary>Writes a whole text value into a sysfs attribute, or throws an IOException naming it.</summary>
        public static void WriteSysfs(string path, string value)
        {
            try
            {
                File.WriteAllText(path, value);
            }
            catch (IOException e)
            {
                throw new IOException("cannot write '" + value + "' to " + path + ": " + e.Message, e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new IOException("cannot write " + path + ": permission denied; add the user to the group owning it (gpio on a Raspberry Pi)", e);
            }
        }
    }
}
