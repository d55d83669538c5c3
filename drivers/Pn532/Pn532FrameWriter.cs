namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// Encodes PN532 host frames into a caller's buffer (no allocation). Every method returns the
    /// frame length, or 0 when the frame does not fit the buffer or the body exceeds
    /// <see cref="Pn532Frame.MaxBodyLength"/>.
    /// </summary>
    public static class Pn532FrameWriter
    {
        private static readonly byte[] AckFrame = { 0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00 };
        private static readonly byte[] NackFrame = { 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00 };
        private static readonly byte[] ApplicationErrorFrame =
        {
            0x00, 0x00, 0xFF, 0x01, 0xFF, Pn532Frame.TfiApplicationError, Pn532Frame.ApplicationErrorDcs, 0x00,
        };

        /// <summary>
        /// Writes an information frame with TFI <paramref name="tfi"/>, PD0 = <paramref name="code"/>
        /// and PD1..PDn = the parameters; a normal frame when the body fits LEN, an extended one otherwise
        /// (UM0701-02 §6.2.1.1 and §6.2.1.2).
        /// </summary>
        public static int WriteInformation(byte tfi, byte code, byte[] parameters, int parametersOffset, int parametersCount, byte[] frame, int frameOffset)
        {
            int bodyLength = parametersCount + 2;
            int frameLength = Pn532Frame.FrameLength(bodyLength);
            if (parametersCount < 0 || bodyLength > Pn532Frame.MaxBodyLength || !Fits(frame, frameOffset, frameLength)
                || (parametersCount > 0 && !Fits(parameters, parametersOffset, parametersCount)))
            {
                return 0;
            }

            int i = frameOffset;
            frame[i++] = Pn532Frame.Preamble;
            frame[i++] = Pn532Frame.StartCode1;
            frame[i++] = Pn532Frame.StartCode2;
            i = WriteLength(bodyLength, frame, i);
            int bodyStart = i;
            frame[i++] = tfi;
            frame[i++] = code;
            for (int p = 0; p < parametersCount; p++)
            {
                frame[i++] = parameters[parametersOffset + p];
            }

            frame[i] = Pn532Frame.Checksum(Pn532Frame.Sum(frame, bodyStart, bodyLength));
            frame[i + 1] = Pn532Frame.Postamble;
            return frameLength;
        }

        /// <summary>Writes a host command frame: TFI D4 and the command code.</summary>
        public static int WriteCommand(byte command, byte[] parameters, int parametersOffset, int parametersCount, byte[] frame, int frameOffset)
        {
            return WriteInformation(Pn532Frame.TfiHostToChip, command, parameters, parametersOffset, parametersCount, frame, frameOffset);
        }

        /// <summary>Writes a chip response frame: TFI D5 and the response code (command + 1).</summary>
        public static int WriteResponse(byte command, byte[] parameters, int parametersOffset, int parametersCount, byte[] frame, int frameOffset)
        {
            return WriteInformation(Pn532Frame.TfiChipToHost, Pn532Frame.ResponseCode(command), parameters, parametersOffset, parametersCount, frame, frameOffset);
        }

        /// <summary>Writes the ACK frame 00 00 FF 00 FF 00.</summary>
        public static int WriteAck(byte[] frame, int frameOffset)
        {
            return Copy(AckFrame, frame, frameOffset);
        }

        /// <summary>Writes the NACK frame 00 00 FF FF 00 00.</summary>
        public static int WriteNack(byte[] frame, int frameOffset)
        {
            return Copy(NackFrame, frame, frameOffset);
        }

        /// <summary>Writes the syntax error frame 00 00 FF 01 FF 7F 81 00.</summary>
        public static int WriteApplicationError(byte[] frame, int frameOffset)
        {
            return Copy(ApplicationErrorFrame, frame, frameOffset);
        }

        /// <summary>LEN LCS for a normal frame; FF FF LENm LENl LCS for an extended one. Returns the index after LCS.</summary>
        private static int WriteLength(int bodyLength, byte[] frame, int i)
        {
            if (bodyLength <= Pn532Frame.MaxNormalBodyLength)
            {
                frame[i] = (byte)bodyLength;
                frame[i + 1] = Pn532Frame.Checksum(bodyLength);
                return i + 2;
            }

            frame[i] = Pn532Frame.ExtendedMarker;
            frame[i + 1] = Pn532Frame.ExtendedMarker;
            frame[i + 2] = (byte)(bodyLength >> 8);
            frame[i + 3] = (byte)bodyLength;
            frame[i + 4] = Pn532Frame.Checksum((bodyLength >> 8) + bodyLength);
            return i + 5;
        }

        private static int Copy(byte[] source, byte[] frame, int frameOffset)
        {
            if (!Fits(frame, frameOffset, source.Length))
            {
                return 0;
            }

            for (int i = 0; i < source.Length; i++)
            {
                frame[frameOffset + i] = source[i];
            }

            return source.Length;
        }

        private static bool Fits(byte[] buffer, int offset, int count)
        {
            return buffer != null && offset >= 0 && count >= 0 && offset <= buffer.Length - count;
        }
    }
}
