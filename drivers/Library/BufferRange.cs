namespace EmbeddedSmartCard.Drivers
{
    /// <summary>Validation of the (buffer, offset, count) triples every library entry point takes.</summary>
    internal static class BufferRange
    {
        /// <summary>
        /// True when <paramref name="count"/> bytes from <paramref name="offset"/> lie inside <paramref name="buffer"/>.
        /// A null buffer is valid only with a zero count (nothing to read or write).
        /// </summary>
        public static bool IsValid(byte[] buffer, int offset, int count)
        {
            if (offset < 0 || count < 0)
            {
                return false;
            }

            if (buffer == null)
            {
                return count == 0;
            }

            return offset <= buffer.Length && count <= buffer.Length - offset;
        }
    }
}
