using System;
using System.Runtime.InteropServices;

namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// <see cref="ISpiDevice"/> over spidev (/dev/spidevB.C, linux/spi/spidev.h): mode, word size and
    /// clock are set once; each transfer is one SPI_IOC_MESSAGE(1) under one chip-select. LSB-first
    /// shifting is asked of the controller; when it refuses (the Raspberry Pi's does), <see cref="LsbFirst"/>
    /// is false and the driver above reverses bits itself (the PN532 wants LSB first).
    /// A failed transfer never throws: the read buffer is left zeroed and the errno kept in <see cref="LastErrno"/>.
    /// </summary>
    public sealed unsafe class LinuxSpiDevice : ISpiDevice, IDisposable
    {
        private const int SpiType = 'k'; // SPI_IOC_MAGIC
        private const int BitsPerWord = 8;

        /// <summary>struct spi_ioc_transfer (32 bytes).</summary>
        [StructLayout(LayoutKind.Sequential)]
        private struct Transfer
        {
            public ulong TxBuffer;
            public ulong RxBuffer;
            public uint Length;
            public uint SpeedHz;
            public ushort DelayMicros;
            public byte BitsPerWord;
            public byte ChipSelectChange;
            public byte TxWidth;
            public byte RxWidth;
            public byte WordDelayMicros;
            public byte Padding;
        }

        /// <summary>SPI_IOC_MESSAGE(1) = _IOW('k', 0, char[32]) = 0x40206B00.</summary>
        private static readonly nuint MessageOne = Ioc.Write(SpiType, 0, sizeof(Transfer));
        /// <summary>SPI_IOC_WR_MODE = _IOW('k', 1, __u8) = 0x40016B01.</summary>
        private static readonly nuint WriteMode = Ioc.Write(SpiType, 1, sizeof(byte));
        /// <summary>SPI_IOC_WR_LSB_FIRST = _IOW('k', 2, __u8) = 0x40016B02.</summary>
        private static readonly nuint WriteLsbFirst = Ioc.Write(SpiType, 2, sizeof(byte));
        /// <summary>SPI_IOC_WR_BITS_PER_WORD = _IOW('k', 3, __u8) = 0x40016B03.</summary>
        private static readonly nuint WriteBitsPerWord = Ioc.Write(SpiType, 3, sizeof(byte));
        /// <summary>SPI_IOC_WR_MAX_SPEED_HZ = _IOW('k', 4, __u32) = 0x40046B04.</summary>
        private static readonly nuint WriteMaxSpeed = Ioc.Write(SpiType, 4, sizeof(uint));

        private readonly string device;
        private readonly int speedHz;
        private readonly bool lsbFirst;
        private int fd;

        /// <summary>
        /// Opens <paramref name="device"/> (e.g. /dev/spidev0.0) in SPI <paramref name="mode"/> (0–3) at
        /// <paramref name="speedHz"/>, asking for LSB-first shifting when <paramref name="wantLsbFirst"/>.
        /// </summary>
        public LinuxSpiDevice(string device, int mode, int speedHz, bool wantLsbFirst)
        {
            if (mode < 0 || mode > 3)
            {
                throw new ArgumentOutOfRangeException("mode", "SPI mode is 0 to 3, got " + mode);
            }
            this.device = device;
            this.speedHz = speedHz;
            fd = LibC.OpenDevice(device, LibC.O_RDWR, "SPI device");
            try
            {
                SetByte(WriteMode, (byte)mode, "cannot set SPI mode " + mode + " on");
                SetByte(WriteBitsPerWord, BitsPerWord, "cannot set 8-bit words on");
                uint speed = (uint)speedHz;
                if (LibC.Ioctl(fd, WriteMaxSpeed, &speed) != 0)
                {
                    throw LibC.DeviceError(device, "cannot set " + speedHz + " Hz on", LibC.Errno);
                }
                byte lsb = 1;
                lsbFirst = wantLsbFirst && LibC.Ioctl(fd, WriteLsbFirst, &lsb) == 0;
            }
            catch
            {
                LibC.CloseIfOpen(ref fd);
                throw;
            }
        }

        public bool LsbFirst
        {
            get { return lsbFirst; }
        }

        public int LastErrno { get; private set; }

        public void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
        {
            if (count <= 0)
            {
                return;
            }
            if (writeOffset < 0 || readOffset < 0 || writeOffset > writeBuffer.Length - count || readOffset > readBuffer.Length - count)
            {
                throw new ArgumentOutOfRangeException("count", "offsets and count must lie inside both buffers");
            }
            Array.Clear(readBuffer, readOffset, count);
            fixed (byte* tx = writeBuffer)
            fixed (byte* rx = readBuffer)
            {
                Transfer transfer = default(Transfer);
                transfer.TxBuffer = (ulong)(tx + writeOffset);
                transfer.RxBuffer = (ulong)(rx + readOffset);
                transfer.Length = (uint)count;
                transfer.SpeedHz = (uint)speedHz;
                transfer.BitsPerWord = BitsPerWord;
                if (LibC.Ioctl(fd, MessageOne, &transfer) < 0)
                {
                    LastErrno = LibC.Errno;
                }
            }
        }

        public void Dispose()
        {
            LibC.CloseIfOpen(ref fd);
        }

        private void SetByte(nuint request, byte value, string action)
        {
            if (LibC.Ioctl(fd, request, &value) != 0)
            {
                throw LibC.DeviceError(device, action, LibC.Errno);
            }
        }
    }
}
