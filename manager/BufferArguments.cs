namespace EmbeddedSmartCard.Manager
{
    /// <summary>Checks of the caller's byte ranges, shared by every entry point that takes a buffer.</summary>
    internal static class BufferArguments
    {
        /// <summary>True when [offset, offset + count) lies inside a non-null <paramref name="buffer"/>.</summary>
        public static bool IsRange(byte[] buffer, int offset, int count)
        {
            return buffer != null && offset >= 0 && count >= 0 && offset <= buffer.Length - count;
        }

        /// <summary>
        /// The code for a command APDU of <paramref name="length"/> bytes: anything under a header or
        /// over the longest extended APDU cannot be a command (ISO/IEC 7816-4 §5.1); past pcsc-lite's
        /// MAX_BUFFER_SIZE_EXTENDED its client answers INSUFFICIENT_BUFFER (pcsc.md §1.2), and so do we.
        /// </summary>
        public static int CheckCommandLength(int length)
        {
            if (length > ScardConstants.MaxBufferSizeExtended)
            {
                return ScardError.InsufficientBuffer;
            }

            if (length < ScardConstants.MinCommandLength || length > ScardConstants.MaxCommandLength)
            {
                return ScardError.InvalidParameter;
            }

            return ScardError.Success;
        }
    }
}
