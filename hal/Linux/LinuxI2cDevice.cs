using System;

namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// <see cref="II2cDevice"/> over i2c-dev (/dev/i2c-N, linux/i2c-dev.h): I2C_SLAVE fixes the 7-bit
    /// address, then read() and write() are one I2C message each. Failures come back as
    /// <see cref="I2cStatus"/> from errno, following Documentation/i2c/fault-codes.rst: ENXIO is a NAK of
    /// the address; EREMOTEIO is a NAK the adapter reports without saying which phase (bcm2835, the
    /// Raspberry Pi's, reports every NAK so), taken as a data NAK; anything else is a bus error.
    /// </summary>
    public sealed unsafe class LinuxI2cDevice : II2cDevice, IDisposable
    {
        /// <summary>I2C_SLAVE (a plain number, not _IO-encoded).</summary>
        private const uint I2cSlave = 0x0703;

        private const int MaxSevenBitAddress = 0x7F;

        private readonly int address;
        private int fd;

        /// <summary>Opens <paramref name="bus"/> ("1", "i2c-1" or "/dev/i2c-1") for the device at 7-bit <paramref name="address"/>.</summary>
        public LinuxI2cDevice(string bus, int address)
        {
            if (address < 0 || address > MaxSevenBitAddress)
            {
                throw new ArgumentOutOfRangeException("address", "7-bit I2C address expected, got 0x" + address.ToString("X2"));
            }
            this.address = address;
            string path = BusPathOf(bus);
            fd = LibC.OpenDevice(path, LibC.O_RDWR, "I2C bus");
            if (LibC.Ioctl(fd, I2cSlave, (nint)address) != 0)
            {
                int errno = LibC.Errno;
                LibC.CloseIfOpen(ref fd);
                throw LibC.DeviceError(path, "cannot address 0x" + address.ToString("X2") + " on", errno);
            }
        }

        public int Address
        {
            get { return address; }
        }

        /// <summary>errno of the last failed transfer (0 when none failed).</summary>
        public int LastErrno { get; private set; }

        /// <summary>"1", "i2c-1" or a full path → /dev/i2c-1 …</summary>
        public static string BusPathOf(string bus)
        {
            if (bus.StartsWith("/", StringComparison.Ordinal))
            {
                return bus;
            }
            return bus.StartsWith("i2c-", StringComparison.Ordinal) ? "/dev/" + bus : "/dev/i2c-" + bus;
        }

        public I2cStatus Write(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            fixed (byte* start = buffer)
            {
                return Outcome(LibC.Write(fd, start + offset, (nuint)count), count);
            }
        }

        public I2cStatus Read(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            fixed (byte* start = buffer)
            {
                return Outcome(LibC.Read(fd, start + offset, (nuint)count), count);
            }
        }

        public void Dispose()
        {
            LibC.CloseIfOpen(ref fd);
        }

        private I2cStatus Outcome(long transferred, int expected)
        {
            if (transferred == expected)
            {
                return I2cStatus.Ok;
            }
            if (transferred >= 0)
            {
                return I2cStatus.DataNak;
            }
            int errno = LibC.Errno;
            LastErrno = errno;
            if (errno == LibC.ENXIO)
            {
                return I2cStatus.AddressNak;
            }
            return errno == LibC.EREMOTEIO ? I2cStatus.DataNak : I2cStatus.BusError;
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
