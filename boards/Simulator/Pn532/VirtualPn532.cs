using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>Called when a <see cref="VirtualPn532"/> has scheduled a frame for the host.</summary>
    public delegate void VirtualPn532Handler(VirtualPn532 chip);

    /// <summary>
    /// A virtual NXP PN532 (UM0701-02, firmware V1.6) on a <see cref="VirtualClock"/>: it takes host frames
    /// from a transport adapter (<see cref="VirtualPn532I2c"/>, <see cref="VirtualPn532Spi"/>,
    /// <see cref="VirtualPn532Hsu"/>), answers a valid command frame with an ACK at once and with the response
    /// frame once the command's processing time has passed, resends its last response on a NACK, drops the
    /// running command on a host ACK (abort) or a new command frame, and answers a well-formed frame it cannot
    /// execute with the syntax error frame (reference iso7816-pn532.md §3.1). Damaged host frames are ignored:
    /// the host sees no ACK and retries. The frame format is the driver's codec (drivers/Pn532).
    /// </summary>
    public sealed partial class VirtualPn532
    {
        /// <summary>Time from the end of a command frame to its ACK being ready.</summary>
        public const long AckDelayMicros = 500;

        /// <summary>Processing time of a command that does not use the RF field.</summary>
        public const long CommandMicros = 1000;

        // Serialises the host's bus transactions with the test or board thread moving cards and injecting faults.
        private readonly object _sync = new object();
        private readonly VirtualClock _clock;
        private readonly byte[] _ack = new byte[Pn532Frame.AckLength];
        private readonly byte[] _response = new byte[Pn532Frame.MaxFrameLength];
        private readonly byte[] _parameters = new byte[Pn532Frame.MaxBodyLength];
        private int _responseLength;
        private bool _ackPending;
        private long _ackReadyAt;
        private bool _responsePending;
        private long _responseReadyAt;
        private byte _runningCommand;
        private int _commandCount;

        public VirtualPn532(VirtualClock clock)
        {
            _clock = clock;
            Pn532FrameWriter.WriteAck(_ack, 0);
            AttachResetPin();
            ResetConfiguration();
        }

        public VirtualClock Clock
        {
            get { return _clock; }
        }

        /// <summary>Command frames the chip accepted (ACKed).</summary>
        public int CommandCount
        {
            get { return _commandCount; }
        }

        /// <summary>Raised when the chip has scheduled a frame for the host (after a command, a NACK, a card arriving).</summary>
        public event VirtualPn532Handler FrameScheduled;

        /// <summary>True while a frame (ACK or response) is ready for the host: the RDY bit of the status byte, P70_IRQ low.</summary>
        public bool IsReady
        {
            get { return CurrentFrame() != null; }
        }

        /// <summary>The frame the host reads next if it is ready now (the ACK, then the response), or null.</summary>
        public byte[] CurrentFrame(out int length)
        {
            lock (_sync)
            {
                long readyAt;
                byte[] frame = NextFrame(out length, out readyAt);
                if (frame == null || _clock.NowMicros < readyAt)
                {
                    length = 0;
                    return null;
                }

                return frame;
            }
        }

        /// <summary>
        /// The next frame for the host whether or not it is ready yet: the ACK, or else the response;
        /// <paramref name="readyAt"/> is when it is. Null when nothing is scheduled.
        /// </summary>
        public byte[] NextFrame(out int length, out long readyAt)
        {
            lock (_sync)
            {
                if (Silent)
                {
                    length = 0;
                    readyAt = long.MaxValue;
                    return null;
                }

                if (_ackPending)
                {
                    length = _ack.Length;
                    readyAt = _ackReadyAt;
                    return _ack;
                }

                if (_responsePending)
                {
                    length = _responseLength;
                    readyAt = _responseReadyAt;
                    return _deliverDamaged ? _damagedResponse : _response;
                }

                length = 0;
                readyAt = long.MaxValue;
                return null;
            }
        }

        /// <summary>The host has read the next frame completely: it is no longer pending (a NACK can still ask for the response again).</summary>
        public void ConsumeFrame()
        {
            lock (_sync)
            {
                if (_ackPending)
                {
                    _ackPending = false;
                }
                else if (_responsePending)
                {
                    _responsePending = false;
                    _deliverDamaged = false;
                    ResponseDelivered();
                }

                UpdateIrq();
            }
        }

        /// <summary>
        /// One frame from the host, whole (a transport found its end). Returns false when the chip ignored it
        /// (damaged, not a command, or a command other than SAMConfiguration while in LowVbat).
        /// </summary>
        public bool ReceiveFrame(byte[] buffer, int offset, int count, long endMicros)
        {
            lock (_sync)
            {
                if (Silent)
                {
                    return false;
                }

                bool accepted = Receive(buffer, offset, count, endMicros);
                UpdateIrq();
                if (accepted)
                {
                    RaiseFrameScheduled();
                }

                return accepted;
            }
        }

        private bool Receive(byte[] buffer, int offset, int count, long endMicros)
        {
            int bodyOffset;
            int bodyLength;
            int consumed;
            Pn532FrameKind kind = Pn532FrameReader.Decode(buffer, offset, count, out bodyOffset, out bodyLength, out consumed);
            if (kind == Pn532FrameKind.Ack)
            {
                ApplySerialBaudRate();
                Abort();
                return true;
            }

            if (kind == Pn532FrameKind.Nack)
            {
                return Resend(endMicros);
            }

            if (kind != Pn532FrameKind.Information || !Pn532FrameReader.IsCommand(buffer, bodyOffset, bodyLength))
            {
                return false;
            }

            return Accept(buffer[bodyOffset + 1], buffer, bodyOffset + 2, bodyLength - 2, endMicros);
        }

        private byte[] CurrentFrame()
        {
            int length;
            return CurrentFrame(out length);
        }

        private void RaiseFrameScheduled()
        {
            VirtualPn532Handler handler = FrameScheduled;
            if (handler != null && (_ackPending || _responsePending))
            {
                handler(this);
            }
        }

        /// <summary>A host ACK aborts the running command (reference iso7816-pn532.md §3.1, ACK frame).</summary>
        private void Abort()
        {
            _ackPending = false;
            _responsePending = false;
            _waitingForCard = false;
            StopAutoPoll();
        }

        /// <summary>A NACK asks for the last response again.</summary>
        private bool Resend(long endMicros)
        {
            if (_responseLength == 0 || _ackPending)
            {
                return false;
            }

            _responsePending = true;
            _deliverDamaged = false;
            _responseReadyAt = endMicros + AckDelayMicros;
            return true;
        }

        private bool Accept(byte command, byte[] buffer, int parametersOffset, int parametersCount, long endMicros)
        {
            if (_lowVbat && command != Pn532Command.SamConfiguration)
            {
                return false;
            }

            // A new command frame aborts the one in progress (UM0701-02 p.38, reference §3.1).
            Abort();
            _pendingSerialBaudRate = 0;
            _commandCount++;
            _runningCommand = command;
            _ackPending = true;
            _ackReadyAt = endMicros + AckDelayMicros;
            for (int i = 0; i < parametersCount; i++)
            {
                _parameters[i] = buffer[parametersOffset + i];
            }

            Execute(command, _parameters, parametersCount);
            return true;
        }

        /// <summary>Makes the response to the running command ready after <paramref name="processingMicros"/>.</summary>
        private void Respond(byte[] data, int count, long processingMicros)
        {
            _responseLength = Pn532FrameWriter.WriteResponse(_runningCommand, data, 0, count, _response, 0);
            ApplyResponseFault();
            _responsePending = true;
            _responseReadyAt = _ackReadyAt + processingMicros;
        }

        /// <summary>The syntax error frame: a well-formed command the chip cannot execute (reference §3.1).</summary>
        private void RespondSyntaxError()
        {
            _responseLength = Pn532FrameWriter.WriteApplicationError(_response, 0);
            ApplyResponseFault();
            _responsePending = true;
            _responseReadyAt = _ackReadyAt + CommandMicros;
        }
    }
}
