namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// The PN532 command exchange over any transport (UM0701-02 §6.2.1, reference §3.1): send the command
    /// frame, wait for the chip's ACK, read the response frame completely and check it answers the
    /// command. A damaged response gets one NACK (the chip sends it again); a second damaged one, or
    /// anything unexpected, makes the link resynchronise by an ACK frame that aborts whatever the chip is
    /// doing. Buffers are preallocated: an exchange allocates nothing. Not thread-safe: the reader
    /// serialises its calls.
    /// </summary>
    public sealed class Pn532Link
    {
        /// <summary>
        /// Wait for the ACK after a command frame. The chip acknowledges within a few ms (reference §3.5);
        /// the bound is generous so a slow bus (HSU at 9 600 bd, I2C polling) still makes it.
        /// </summary>
        public const long DefaultAckTimeoutMicros = 100000;

        /// <summary>Command and response bytes of an information frame besides the parameters: TFI and PD0.</summary>
        private const int BodyHeaderLength = 2;

        /// <summary>
        /// Left-over frames skipped while waiting for a response: the ACK and the response of the command this
        /// one superseded, which the chip may still have been sending (a late ACK that led to a repeat).
        /// </summary>
        private const int MaxStaleFrames = 2;

        private readonly IPn532Transport transport;
        private readonly byte[] commandFrame = new byte[Pn532Frame.MaxFrameLength];
        private readonly byte[] responseFrame = new byte[Pn532Frame.MaxFrameLength];
        private readonly byte[] controlFrame = new byte[Pn532Frame.AckLength];
        private long ackTimeoutMicros = DefaultAckTimeoutMicros;
        private byte lastCommand;
        private bool anyCommandSent;
        private byte supersededCommand;
        private bool commandSuperseded;

        public Pn532Link(IPn532Transport transport)
        {
            this.transport = transport;
        }

        /// <summary>How long to wait for the chip's ACK after a command frame, in microseconds.</summary>
        public long AckTimeoutMicros
        {
            get { return ackTimeoutMicros; }
            set { ackTimeoutMicros = value; }
        }

        /// <summary>
        /// True when the chip acknowledged the command of the last <see cref="Transceive"/>. False after a
        /// failure means no ACK came back (a bus failure, or a command frame the chip ignored as damaged):
        /// sending the command again is safe, since a new command frame aborts one still running (reference §3.1).
        /// </summary>
        public bool CommandAcknowledged { get; private set; }

        public SmartcardStatus WakeUp()
        {
            return transport.WakeUp();
        }

        /// <summary>
        /// Runs <paramref name="command"/> with its parameters and copies the response's parameters (after the
        /// response code) into <paramref name="response"/>. <paramref name="responseTimeoutMicros"/> bounds the
        /// wait for the response after the ACK; when it passes the command is aborted. IoTimeout: no ACK or no
        /// response; DeviceProtocolError: damaged twice or not an answer to the command; InvalidParameter: the
        /// command does not fit a frame, or the chip answered with its syntax error frame; BufferTooSmall: the
        /// response is longer than <paramref name="responseCapacity"/>.
        /// </summary>
        public SmartcardStatus Transceive(byte command, byte[] parameters, int parametersOffset, int parametersCount,
            byte[] response, int responseOffset, int responseCapacity, long responseTimeoutMicros, out int responseLength)
        {
            responseLength = 0;
            CommandAcknowledged = false;
            if (responseCapacity < 0 || (response == null && responseCapacity > 0))
            {
                return SmartcardStatus.InvalidParameter;
            }

            int frameLength = Pn532FrameWriter.WriteCommand(command, parameters, parametersOffset, parametersCount, commandFrame, 0);
            if (frameLength == 0)
            {
                return SmartcardStatus.InvalidParameter;
            }

            commandSuperseded = anyCommandSent;
            supersededCommand = lastCommand;
            anyCommandSent = true;
            lastCommand = command;

            SmartcardStatus status = transport.WriteFrame(commandFrame, 0, frameLength);
            if (status == SmartcardStatus.Success)
            {
                status = ReadAck();
            }

            if (status == SmartcardStatus.Success)
            {
                CommandAcknowledged = true;
                status = ReadResponse(command, response, responseOffset, responseCapacity, responseTimeoutMicros, out responseLength);
            }

            return status;
        }

        /// <summary>Sends an ACK frame: aborts the command the chip is running (reference §3.1) and so resynchronises.</summary>
        public SmartcardStatus Abort()
        {
            return transport.WriteFrame(controlFrame, 0, Pn532FrameWriter.WriteAck(controlFrame, 0));
        }

        private SmartcardStatus ReadAck()
        {
            int length;
            SmartcardStatus status = transport.ReadFrame(responseFrame, 0, Pn532Frame.AckLength, ackTimeoutMicros, out length);
            if (status == SmartcardStatus.IoTimeout || status == SmartcardStatus.IoDeviceError)
            {
                return status;
            }

            int bodyOffset;
            int bodyLength;
            int consumed;
            if (status == SmartcardStatus.Success
                && Pn532FrameReader.Decode(responseFrame, 0, length, out bodyOffset, out bodyLength, out consumed) == Pn532FrameKind.Ack)
            {
                return SmartcardStatus.Success;
            }

            Abort();
            return SmartcardStatus.DeviceProtocolError;
        }

        /// <summary>Reads the response, asking once for a repeat of a damaged one.</summary>
        private SmartcardStatus ReadResponse(byte command, byte[] response, int responseOffset, int responseCapacity, long timeoutMicros, out int responseLength)
        {
            responseLength = 0;
            int capacity = ResponseFrameCapacity(responseCapacity);
            bool nackSent = false;
            int staleFrames = 0;
            while (true)
            {
                int length;
                SmartcardStatus status = transport.ReadFrame(responseFrame, 0, capacity, timeoutMicros, out length);
                if (status != SmartcardStatus.Success)
                {
                    Abort();
                    return status;
                }

                int bodyOffset;
                int bodyLength;
                int consumed;
                Pn532FrameKind kind = Pn532FrameReader.Decode(responseFrame, 0, length, out bodyOffset, out bodyLength, out consumed);
                if (IsStale(kind, command, bodyOffset, bodyLength) && staleFrames < MaxStaleFrames)
                {
                    staleFrames++;
                    continue;
                }

                if (kind == Pn532FrameKind.Information)
                {
                    return CopyResponse(command, bodyOffset, bodyLength, response, responseOffset, responseCapacity, out responseLength);
                }

                if (kind == Pn532FrameKind.ApplicationError)
                {
                    return SmartcardStatus.InvalidParameter;
                }

                if (kind == Pn532FrameKind.Incomplete)
                {
                    Abort();
                    return SmartcardStatus.BufferTooSmall;
                }

                if (nackSent)
                {
                    Abort();
                    return SmartcardStatus.DeviceProtocolError;
                }

                nackSent = true;
                status = transport.WriteFrame(controlFrame, 0, Pn532FrameWriter.WriteNack(controlFrame, 0));
                if (status != SmartcardStatus.Success)
                {
                    return status;
                }
            }
        }

        /// <summary>
        /// A frame left over from the command this one superseded: an ACK where the response is due (a late
        /// ACK of that command was taken for this one's), or a response to that command rather than to this one.
        /// </summary>
        private bool IsStale(Pn532FrameKind kind, byte command, int bodyOffset, int bodyLength)
        {
            if (kind == Pn532FrameKind.Ack)
            {
                return true;
            }

            return kind == Pn532FrameKind.Information && commandSuperseded && supersededCommand != command
                && Pn532FrameReader.IsResponseTo(responseFrame, bodyOffset, bodyLength, supersededCommand);
        }

        private SmartcardStatus CopyResponse(byte command, int bodyOffset, int bodyLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            if (!Pn532FrameReader.IsResponseTo(responseFrame, bodyOffset, bodyLength, command))
            {
                Abort();
                return SmartcardStatus.DeviceProtocolError;
            }

            int count = bodyLength - BodyHeaderLength;
            if (count > responseCapacity)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            for (int i = 0; i < count; i++)
            {
                response[responseOffset + i] = responseFrame[bodyOffset + BodyHeaderLength + i];
            }

            responseLength = count;
            return SmartcardStatus.Success;
        }

        /// <summary>The longest frame that can carry <paramref name="responseCapacity"/> response parameters.</summary>
        private static int ResponseFrameCapacity(int responseCapacity)
        {
            int body = responseCapacity + BodyHeaderLength;
            return body > Pn532Frame.MaxBodyLength ? Pn532Frame.MaxFrameLength : Pn532Frame.FrameLength(body);
        }
    }
}
