namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// Decodes PN532 host frames from a received byte run (no allocation). Bytes before the start
    /// code 00 FF are skipped, so a missing or repeated preamble and line noise before a frame do not
    /// matter (UM0701-02 §6.2.1: the preamble is optional on reception).
    /// </summary>
    public static class Pn532FrameReader
    {
        /// <summary>Bytes from the start code's first byte to the end of an ACK or NACK frame.</summary>
        private const int AckLengthFromStartCode = 5;

        /// <summary>
        /// Looks for one frame in <paramref name="count"/> bytes at <paramref name="offset"/>.
        /// For <see cref="Pn532FrameKind.Information"/>, <paramref name="bodyOffset"/> and <paramref name="bodyLength"/>
        /// locate TFI..PDn. <paramref name="consumed"/> is the count of bytes up to the end of the frame
        /// (0 when <see cref="Pn532FrameKind.Incomplete"/>).
        /// </summary>
        public static Pn532FrameKind Decode(byte[] buffer, int offset, int count, out int bodyOffset, out int bodyLength, out int consumed)
        {
            int frameEnd;
            Pn532FrameKind kind = Scan(buffer, offset, count, out bodyOffset, out bodyLength, out frameEnd);
            consumed = kind == Pn532FrameKind.Incomplete ? 0 : frameEnd - offset;
            return kind;
        }

        /// <summary>
        /// How many more bytes the frame that starts in the first <paramref name="received"/> bytes needs:
        /// 0 once a whole frame (or a header already known damaged) is there, otherwise the least count
        /// certainly missing. A transport reads exactly this many next, so a response is read completely
        /// and nothing of the following one.
        /// </summary>
        public static int RemainingLength(byte[] buffer, int offset, int received)
        {
            int bodyOffset;
            int bodyLength;
            int frameEnd;
            if (Scan(buffer, offset, received, out bodyOffset, out bodyLength, out frameEnd) != Pn532FrameKind.Incomplete)
            {
                return 0;
            }

            return frameEnd - (offset + received);
        }

        /// <summary>True when the body is a PN532 response (TFI D5) to <paramref name="command"/> (PD0 = command + 1).</summary>
        public static bool IsResponseTo(byte[] buffer, int bodyOffset, int bodyLength, byte command)
        {
            return bodyLength >= 2 && buffer[bodyOffset] == Pn532Frame.TfiChipToHost
                && buffer[bodyOffset + 1] == Pn532Frame.ResponseCode(command);
        }

        /// <summary>True when the body is a host command (TFI D4 and a command code).</summary>
        public static bool IsCommand(byte[] buffer, int bodyOffset, int bodyLength)
        {
            return bodyLength >= 2 && buffer[bodyOffset] == Pn532Frame.TfiHostToChip;
        }

        /// <summary>
        /// The decoder proper. For Incomplete, <paramref name="frameEnd"/> is the least end index the frame
        /// needs; otherwise the index just after the last byte examined. A range outside the buffer is Damaged.
        /// </summary>
        private static Pn532FrameKind Scan(byte[] buffer, int offset, int count, out int bodyOffset, out int bodyLength, out int frameEnd)
        {
            bodyOffset = 0;
            bodyLength = 0;
            frameEnd = offset;
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                return Pn532FrameKind.Damaged;
            }

            int end = offset + count;
            int start = FindStartCode(buffer, offset, end);
            if (start < 0)
            {
                frameEnd = end + (count < Pn532Frame.AckLength ? Pn532Frame.AckLength - count : 1);
                return Pn532FrameKind.Incomplete;
            }

            int lengthIndex = start + 2;
            frameEnd = lengthIndex + 2;
            if (frameEnd > end)
            {
                return Pn532FrameKind.Incomplete;
            }

            byte len = buffer[lengthIndex];
            byte lcs = buffer[lengthIndex + 1];
            if (len == 0x00 && lcs == 0xFF)
            {
                return ScanAckOrNack(buffer, start, end, Pn532FrameKind.Ack, out frameEnd);
            }

            if (len == 0xFF && lcs == 0x00)
            {
                return ScanAckOrNack(buffer, start, end, Pn532FrameKind.Nack, out frameEnd);
            }

            if (len == Pn532Frame.ExtendedMarker && lcs == Pn532Frame.ExtendedMarker)
            {
                frameEnd = lengthIndex + 5;
                if (frameEnd > end)
                {
                    return Pn532FrameKind.Incomplete;
                }

                if (Pn532Frame.Sum(buffer, lengthIndex + 2, 3) != 0)
                {
                    return Pn532FrameKind.Damaged;
                }

                bodyLength = (buffer[lengthIndex + 2] << 8) | buffer[lengthIndex + 3];
            }
            else
            {
                if (((len + lcs) & 0xFF) != 0)
                {
                    return Pn532FrameKind.Damaged;
                }

                bodyLength = len;
            }

            bodyOffset = frameEnd;
            return ScanBody(buffer, bodyOffset, bodyLength, end, out frameEnd);
        }

        /// <summary>Checks the body against its DCS and the postamble once they have arrived.</summary>
        private static Pn532FrameKind ScanBody(byte[] buffer, int bodyOffset, int bodyLength, int end, out int frameEnd)
        {
            frameEnd = bodyOffset;
            if (bodyLength == 0 || bodyLength > Pn532Frame.MaxBodyLength)
            {
                return Pn532FrameKind.Damaged;
            }

            frameEnd = bodyOffset + bodyLength + 2;
            if (frameEnd > end)
            {
                return Pn532FrameKind.Incomplete;
            }

            if (Pn532Frame.Sum(buffer, bodyOffset, bodyLength + 1) != 0 || buffer[frameEnd - 1] != Pn532Frame.Postamble)
            {
                return Pn532FrameKind.Damaged;
            }

            return bodyLength == 1 && buffer[bodyOffset] == Pn532Frame.TfiApplicationError
                ? Pn532FrameKind.ApplicationError
                : Pn532FrameKind.Information;
        }

        private static Pn532FrameKind ScanAckOrNack(byte[] buffer, int start, int end, Pn532FrameKind kind, out int frameEnd)
        {
            frameEnd = start + AckLengthFromStartCode;
            if (frameEnd > end)
            {
                return Pn532FrameKind.Incomplete;
            }

            return buffer[frameEnd - 1] == Pn532Frame.Postamble ? kind : Pn532FrameKind.Damaged;
        }

        /// <summary>Index of the 00 of the first 00 FF start code in [offset, end), or -1.</summary>
        private static int FindStartCode(byte[] buffer, int offset, int end)
        {
            for (int i = offset; i + 1 < end; i++)
            {
                if (buffer[i] == Pn532Frame.StartCode1 && buffer[i + 1] == Pn532Frame.StartCode2)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
