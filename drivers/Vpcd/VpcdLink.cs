using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Drivers.Vpcd
{
    /// <summary>
    /// vpcd frames over one <see cref="IVpcdConnection"/>: each frame leaves in one write (header and payload
    /// from one preallocated buffer), and each is read exactly — 2 header bytes, then exactly the payload —
    /// under one deadline, so a peer that trickles or stalls cannot hold the reader past the bound.
    /// Not thread-safe: the reader calls it under its lock.
    /// </summary>
    public sealed class VpcdLink
    {
        /// <summary>Scratch for dropping the rest of a frame too long for the caller, and for the quiet-stream check.</summary>
        const int DrainChunkLength = 64;

        readonly IClock clock;
        readonly byte[] sendBuffer;
        readonly byte[] header = new byte[VpcdMessage.HeaderLength];
        readonly byte[] drain = new byte[DrainChunkLength];
        IVpcdConnection connection;

        /// <param name="maxPayloadLength">Longest payload this link sends (at most <see cref="VpcdMessage.MaxPayloadLength"/>); its send buffer is preallocated for it.</param>
        public VpcdLink(IClock clock, int maxPayloadLength)
        {
            this.clock = clock;
            MaxPayloadLength = maxPayloadLength < VpcdMessage.ControlLength ? VpcdMessage.ControlLength
                : maxPayloadLength > VpcdMessage.MaxPayloadLength ? VpcdMessage.MaxPayloadLength : maxPayloadLength;
            sendBuffer = new byte[VpcdMessage.HeaderLength + MaxPayloadLength];
        }

        public int MaxPayloadLength { get; private set; }

        /// <summary>True while a connection is attached.</summary>
        public bool IsConnected
        {
            get { return connection != null; }
        }

        public void Attach(IVpcdConnection client)
        {
            Detach();
            connection = client;
        }

        /// <summary>Closes and forgets the connection (the peer sees EOF).</summary>
        public void Detach()
        {
            if (connection != null)
            {
                connection.Close();
                connection = null;
            }
        }

        /// <summary>Sends a 1-byte control message (power off/on, reset, get ATR). False when not connected, the stream is not quiet or the write failed.</summary>
        public bool SendControl(byte code)
        {
            sendBuffer[VpcdMessage.HeaderLength] = code;
            return SendBuffered(VpcdMessage.ControlLength);
        }

        /// <summary>Sends one frame holding <paramref name="length"/> bytes (0 to <see cref="MaxPayloadLength"/>). False when it cannot leave (see <see cref="SendBuffered"/>).</summary>
        public bool Send(byte[] payload, int offset, int length)
        {
            if (length < 0 || length > MaxPayloadLength)
            {
                return false;
            }

            System.Array.Copy(payload, offset, sendBuffer, VpcdMessage.HeaderLength, length);
            return SendBuffered(length);
        }

        /// <summary>
        /// Reads one frame into <paramref name="buffer"/> within <paramref name="timeoutMicros"/>. A frame longer than
        /// <paramref name="capacity"/> is read to its end and dropped (TooLong, <paramref name="length"/> = its length).
        /// </summary>
        public VpcdReceiveResult Receive(byte[] buffer, int offset, int capacity, long timeoutMicros, out int length)
        {
            length = 0;
            if (connection == null)
            {
                return VpcdReceiveResult.Closed;
            }

            long deadline = clock.NowMicros + timeoutMicros;
            VpcdReceiveResult result = ReadExactly(header, 0, VpcdMessage.HeaderLength, deadline);
            if (result != VpcdReceiveResult.Frame)
            {
                return result;
            }

            length = VpcdMessage.ReadHeader(header, 0);
            if (length > capacity)
            {
                result = Drop(length, deadline);
                return result == VpcdReceiveResult.Frame ? VpcdReceiveResult.TooLong : result;
            }

            return ReadExactly(buffer, offset, length, deadline);
        }

        /// <summary>
        /// A frame leaves only into a quiet stream: bytes already waiting were never asked for (every reply
        /// answers one request), so the peer is out of step, and EOF means it has gone. Either way: false.
        /// </summary>
        bool SendBuffered(int payloadLength)
        {
            if (connection == null || connection.Read(drain, 0, 1, 0) != 0)
            {
                return false;
            }

            VpcdMessage.WriteHeader(sendBuffer, 0, payloadLength);
            return connection.Write(sendBuffer, 0, VpcdMessage.HeaderLength + payloadLength);
        }

        /// <summary>Each round either gains bytes or ends the read, and none waits past the deadline.</summary>
        VpcdReceiveResult ReadExactly(byte[] buffer, int offset, int count, long deadline)
        {
            int received = 0;
            while (received < count)
            {
                long remaining = deadline - clock.NowMicros;
                if (remaining <= 0)
                {
                    return VpcdReceiveResult.TimedOut;
                }

                int got = connection.Read(buffer, offset + received, count - received, remaining);
                if (got < 0)
                {
                    return VpcdReceiveResult.Closed;
                }

                if (got == 0)
                {
                    return VpcdReceiveResult.TimedOut;
                }

                received += got;
            }

            return VpcdReceiveResult.Frame;
        }

        VpcdReceiveResult Drop(int count, long deadline)
        {
            int left = count;
            while (left > 0)
            {
                int chunk = left < drain.Length ? left : drain.Length;
                VpcdReceiveResult result = ReadExactly(drain, 0, chunk, deadline);
                if (result != VpcdReceiveResult.Frame)
                {
                    return result;
                }

                left -= chunk;
            }

            return VpcdReceiveResult.Frame;
        }
    }
}
