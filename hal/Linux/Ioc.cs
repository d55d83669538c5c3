namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// The generic ioctl request encoding of asm-generic/ioctl.h: direction in bits 31..30
    /// (1 = write to the kernel, 2 = read from it), argument size in bits 29..16, type in 15..8,
    /// number in 7..0. x86_64, arm64, arm and riscv use it; alpha, mips, powerpc and sparc
    /// encode differently. Request values quoted in comments are the x86_64/arm64 ones.
    /// </summary>
    internal static class Ioc
    {
        private const uint WriteDirection = 1;
        private const uint ReadDirection = 2;
        private const int NumberShift = 0;
        private const int TypeShift = 8;
        private const int SizeShift = 16;
        private const int DirectionShift = 30;

        /// <summary>_IOR(type, nr, size): the kernel writes the argument.</summary>
        public static nuint Read(int type, int number, int size)
        {
            return Encode(ReadDirection, type, number, size);
        }

        /// <summary>_IOW(type, nr, size): the kernel reads the argument.</summary>
        public static nuint Write(int type, int number, int size)
        {
            return Encode(WriteDirection, type, number, size);
        }

        /// <summary>_IOWR(type, nr, size).</summary>
        public static nuint ReadWrite(int type, int number, int size)
        {
            return Encode(ReadDirection | WriteDirection, type, number, size);
        }

        private static nuint Encode(uint direction, int type, int number, int size)
        {
            return (nuint)((direction << DirectionShift) | ((uint)size << SizeShift) | ((uint)type << TypeShift) | ((uint)number << NumberShift));
        }
    }
}
