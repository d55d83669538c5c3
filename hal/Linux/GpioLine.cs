using System;
using System.Text;

namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// One requested GPIO line: the descriptor GPIO_V2_GET_LINE_IOCTL returns for a single offset
    /// on /dev/gpiochipN, with value get/set. The output and input pin classes build on it.
    /// </summary>
    internal sealed unsafe class GpioLine : IDisposable
    {
        private const string Consumer = "embedded-smartcard";
        private const ulong FirstLine = 1;

        private int fd;

        private GpioLine(int fd, string chipPath, int offset)
        {
            this.fd = fd;
            ChipPath = chipPath;
            Offset = offset;
        }

        public string ChipPath { get; private set; }

        public int Offset { get; private set; }

        public int Descriptor
        {
            get { return fd; }
        }

        /// <summary>errno of the last failed value access (0 when none failed).</summary>
        public int LastErrno { get; private set; }

        /// <summary>"0" or "gpiochip0" or a full path → /dev/gpiochip0 …</summary>
        public static string ChipPathOf(string chip)
        {
            if (chip.StartsWith("/", StringComparison.Ordinal))
            {
                return chip;
            }
            return chip.StartsWith("gpiochip", StringComparison.Ordinal) ? "/dev/" + chip : "/dev/gpiochip" + chip;
        }

        /// <summary>Requests line <paramref name="offset"/> of <paramref name="chip"/> with the given configuration, or throws naming both.</summary>
        public static GpioLine Request(string chip, int offset, GpioV2.LineConfig config)
        {
            string chipPath = ChipPathOf(chip);
            if (offset < 0)
            {
                throw new ArgumentOutOfRangeException("offset", "GPIO line offset must be 0 or more, got " + offset);
            }
            int chipFd = LibC.OpenDevice(chipPath, LibC.O_RDWR, "GPIO chip");
            try
            {
                GpioV2.LineRequest request = default(GpioV2.LineRequest);
                request.Offsets[0] = (uint)offset;
                request.NumLines = 1;
                request.Config = config;
                byte[] name = Encoding.ASCII.GetBytes(Consumer);
                for (int i = 0; i < name.Length; i++)
                {
                    request.Consumer[i] = name[i];
                }
                if (LibC.Ioctl(chipFd, GpioV2.GetLineIoctl, &request) != 0)
                {
                    throw LibC.DeviceError(chipPath, "cannot request line " + offset + " of", LibC.Errno);
                }
                return new GpioLine(request.Fd, chipPath, offset);
            }
            finally
            {
                LibC.Close(chipFd);
            }
        }

        public bool GetValue()
        {
            GpioV2.LineValues values;
            values.Bits = 0;
            values.Mask = FirstLine;
            if (LibC.Ioctl(fd, GpioV2.GetValuesIoctl, &values) != 0)
            {
                LastErrno = LibC.Errno;
            }
            return (values.Bits & FirstLine) != 0;
        }

        public void SetValue(bool high)
        {
            GpioV2.LineValues values;
            values.Bits = high ? FirstLine : 0;
            values.Mask = FirstLine;
            if (LibC.Ioctl(fd, GpioV2.SetValuesIoctl, &values) != 0)
            {
                LastErrno = LibC.Errno;
            }
        }

        /// <summary>Changes the configuration of the held line (GPIO_V2_LINE_SET_CONFIG_IOCTL); returns 0 or the errno.</summary>
        public int Reconfigure(GpioV2.LineConfig config)
        {
            return LibC.Ioctl(fd, GpioV2.SetConfigIoctl, &config) == 0 ? 0 : LibC.Errno;
        }

        public void Dispose()
        {
            LibC.CloseIfOpen(ref fd);
        }
    }
}
