namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// Undoes the marking the tty layer applies with PARMRK set and IGNPAR, ISTRIP clear
    /// (termios(3), n_tty): a character received with a parity or framing error arrives as
    /// FF 00 c, a break as FF 00 00, and a genuine FF as FF FF. The decoder keeps its state
    /// between reads, because a marked sequence can be split across them.
    /// </summary>
    internal sealed class ParityMarkDecoder
    {
        private const byte Mark = 0xFF;
        private const byte ErrorFlag = 0x00;

        private const int Plain = 0;
        private const int AfterMark = 1;
        private const int AfterErrorFlag = 2;

        private int state = Plain;

        /// <summary>Characters that arrived with a parity or framing error (and breaks).</summary>
        public int ErrorCount { get; private set; }

        /// <summary>Forgets a partial sequence (after the input queue was flushed).</summary>
        public void Reset()
        {
            state = Plain;
        }

        /// <summary>
        /// Decodes <paramref name="count"/> raw bytes in place, starting at <paramref name="offset"/>;
        /// returns how many data bytes they held (never more than <paramref name="count"/>).
        /// </summary>
        public int DecodeInPlace(byte[] buffer, int offset, int count)
        {
            int output = offset;
            for (int input = offset; input < offset + count; input++)
            {
                byte b = buffer[input];
                if (state == AfterErrorFlag)
                {
                    ErrorCount++;
                    buffer[output++] = b;
                    state = Plain;
                }
                else if (state == AfterMark)
                {
                    // The tty layer only ever follows a mark with FF or 00.
                    state = b == ErrorFlag ? AfterErrorFlag : Plain;
                    if (b == Mark)
                    {
                        buffer[output++] = Mark;
                    }
                }
                else if (b == Mark)
                {
                    state = AfterMark;
                }
                else
                {
                    buffer[output++] = b;
                }
            }
            return output - offset;
        }
    }
}
