using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// PN532 over its high-speed UART (UM0701-02 §6.2.3, reference §3.2 "HSU"): frames as they are,
    /// 8N1 at 115 200 bd until SetSerialBaudRate changes it. The receive side is flushed before every
    /// frame sent, so junk from an aborted exchange never passes for the next answer (as libnfc does),
    /// and frames are read byte-exactly so the response that follows an ACK stays in the line.
    /// </summary>
    public sealed class Pn532HsuTransport : IPn532Transport
    {
        /// <summary>The PN532's HSU rate after reset.</summary>
        public const int DefaultBaudRate = 115200;

        /// <summary>Bytes of the long preamble after the two 0x55: libnfc sends 14 (dotnet/iot 15).</summary>
        private const int WakeUpZeroCount = 14;

        /// <summary>The wake-up preamble starts with 0x55 0x55, which toggles RX enough to wake the chip.</summary>
        private const byte WakeUpByte = 0x55;

        private const int WakeUpByteCount = 2;

        /// <summary>Time the chip needs after the preamble before it takes a frame: dotnet/iot waits 5 ms.</summary>
        public const long WakeUpDelayMicros = 5000;

        private readonly IUartLine line;
        private readonly IClock clock;
        private readonly byte[] wakeUpPreamble = new byte[WakeUpByteCount + WakeUpZeroCount];

        /// <summary>Builds the transport and sets the line to <see cref="DefaultBaudRate"/> 8N1.</summary>
        public Pn532HsuTransport(IUartLine line, IClock clock)
        {
            this.line = line;
            this.clock = clock;
            for (int i = 0; i < WakeUpByteCount; i++)
            {
                wakeUpPreamble[i] = WakeUpByte;
            }

            SetBaudRate(DefaultBaudRate);
        }

        /// <summary>Switches the host side, after SetSerialBaudRate's response has been acknowledged (reference §3.2).</summary>
        public void SetBaudRate(int baudRate)
        {
            line.Configure(baudRate, UartParity.None, UartStopBits.One);
        }

        public SmartcardStatus WakeUp()
        {
            line.Write(wakeUpPreamble, 0, wakeUpPreamble.Length);
            line.Drain();
            clock.Delay(WakeUpDelayMicros);
            line.DiscardInput();
            return SmartcardStatus.Success;
        }

        public SmartcardStatus WriteFrame(byte[] frame, int offset, int count)
        {
            line.DiscardInput();
            line.Write(frame, offset, count);
            line.Drain();
            return SmartcardStatus.Success;
        }

        /// <summary>
        /// Reads exactly as many bytes as the frame still needs, skipping line noise before its start code
        /// (such as the tail of a late response the host gave up on, still arriving after the RX flush);
        /// the noise is dropped when keeping it would overflow <paramref name="capacity"/>.
        /// </summary>
        public SmartcardStatus ReadFrame(byte[] buffer, int offset, int capacity, long timeoutMicros, out int length)
        {
            length = 0;
            long deadline = clock.NowMicros + timeoutMicros;
            while (true)
            {
                int wanted = Pn532FrameReader.RemainingLength(buffer, offset, length);
                if (wanted == 0)
                {
                    return SmartcardStatus.Success;
                }

                if (length + wanted > capacity)
                {
                    int kept = DropNoise(buffer, offset, length);
                    if (kept == length)
                    {
                        return SmartcardStatus.BufferTooSmall;
                    }

                    length = kept;
                    continue;
                }

                long left = deadline - clock.NowMicros;
                int received = left > 0 ? line.Read(buffer, offset + length, wanted, left < int.MaxValue ? (int)left : int.MaxValue) : 0;
                if (received <= 0)
                {
                    return SmartcardStatus.IoTimeout;
                }

                length += received;
            }
        }

        /// <summary>
        /// Moves the frame that starts at the start code 00 FF to <paramref name="offset"/> and returns the bytes
        /// kept; without a start code only a last 00 is kept, which may begin one.
        /// </summary>
        private static int DropNoise(byte[] buffer, int offset, int length)
        {
            int start = length > 0 && buffer[offset + length - 1] == Pn532Frame.StartCode1 ? length - 1 : length;
            for (int i = 0; i + 1 < length; i++)
            {
                if (buffer[offset + i] == Pn532Frame.StartCode1 && buffer[offset + i + 1] == Pn532Frame.StartCode2)
                {
                    start = i;
                    break;
                }
            }

            for (int i = start; i < length; i++)
            {
                buffer[offset + i - start] = buffer[offset + i];
            }

            return length - start;
        }
    }
}
