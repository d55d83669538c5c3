namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// Writes attribute and IOCTL reply values into caller buffers: DWORDs as 32-bit little-endian
    /// (the byte order of the Windows IOCTL structures and of pcsc-lite on every target we run on),
    /// strings as ASCII with a terminating NUL (as pcsc-lite drivers and pcscd return them). Every
    /// writer checks the capacity first and reports the length it needs; nothing is allocated.
    /// </summary>
    internal static class AttributeEncoding
    {
        public const int DwordLength = 4;

        public static int ReadDword(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24);
        }

        public static void WriteDword(int value, byte[] buffer, int offset)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        public static SmartcardStatus PutDword(int value, byte[] buffer, int offset, int capacity, out int length)
        {
            length = DwordLength;
            if (capacity < DwordLength)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            WriteDword(value, buffer, offset);
            return SmartcardStatus.Success;
        }

        public static SmartcardStatus PutByte(byte value, byte[] buffer, int offset, int capacity, out int length)
        {
            length = 1;
            if (capacity < 1)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            buffer[offset] = value;
            return SmartcardStatus.Success;
        }

        /// <summary>ASCII + NUL (null writes the NUL alone); characters outside ASCII become '?'.</summary>
        public static SmartcardStatus PutString(string value, byte[] buffer, int offset, int capacity, out int length)
        {
            if (value == null)
            {
                value = "";
            }

            length = value.Length + 1;
            if (capacity < length)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                buffer[offset + i] = c < 0x80 ? (byte)c : (byte)'?';
            }

            buffer[offset + value.Length] = 0;
            return SmartcardStatus.Success;
        }

        public static SmartcardStatus PutBytes(byte[] source, int count, byte[] buffer, int offset, int capacity, out int length)
        {
            length = count;
            if (capacity < count)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            System.Array.Copy(source, 0, buffer, offset, count);
            return SmartcardStatus.Success;
        }
    }
}
