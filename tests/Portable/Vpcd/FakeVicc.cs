using System.Collections;
using EmbeddedSmartCard.Drivers.Vpcd;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Vpcd
{
    /// <summary>
    /// A scripted vpcd client on a virtual clock, answering like vicc: GET ATR → its ATR, an APDU → the response
    /// set for it (else 90 00), control messages logged. Faults: the next reply withheld (a stall), replaced by
    /// raw bytes (garbage), or replaced by EOF; replies trickled one byte per read.
    /// </summary>
    internal sealed class FakeVicc : IVpcdConnection
    {
        readonly VirtualClock clock;
        readonly ArrayList commands = new ArrayList();
        readonly ArrayList responses = new ArrayList();
        readonly ArrayList writes = new ArrayList();
        readonly ArrayList pending = new ArrayList();
        readonly ArrayList received = new ArrayList();
        byte[] nextReplyOverride;
        bool stallNext;
        bool closeNext;
        bool peerClosed;

        public FakeVicc(VirtualClock clock, string atrHex)
        {
            this.clock = clock;
            Atr = TestSupport.Hex(atrHex);
        }

        /// <summary>The ATR GET ATR returns; empty means "no card".</summary>
        public byte[] Atr;

        /// <summary>Hand out at most one byte per Read.</summary>
        public bool Trickle;

        /// <summary>True once the reader closed the connection.</summary>
        public bool ClosedByReader { get; private set; }

        /// <summary>Number of Write calls (each must be one whole frame).</summary>
        public int WriteCount
        {
            get { return writes.Count; }
        }

        public void SetResponse(string commandHex, string responseHex)
        {
            commands.Add(Normalise(commandHex));
            responses.Add(TestSupport.Hex(responseHex));
        }

        public void StallNextReply()
        {
            stallNext = true;
        }

        public void CloseInsteadOfNextReply()
        {
            closeNext = true;
        }

        /// <summary>The next reply is these raw bytes (header included) instead of the right frame.</summary>
        public void ReplaceNextReply(string rawHex)
        {
            nextReplyOverride = TestSupport.Hex(rawHex);
        }

        /// <summary>The peer hangs up (vicc stopped): reads then see EOF.</summary>
        public void HangUp()
        {
            peerClosed = true;
        }

        /// <summary>Raw bytes the peer sends without being asked.</summary>
        public void Push(string rawHex)
        {
            Enqueue(TestSupport.Hex(rawHex));
        }

        /// <summary>Every payload received, as hex, separated by " | ".</summary>
        public string Log()
        {
            string text = "";
            for (int i = 0; i < received.Count; i++)
            {
                text += (i == 0 ? "" : " | ") + (string)received[i];
            }

            return text;
        }

        /// <summary>Write number <paramref name="index"/> as hex.</summary>
        public string WriteAt(int index)
        {
            return (string)writes[index];
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            if (ClosedByReader || peerClosed)
            {
                return false;
            }

            writes.Add(TestSupport.ToHex(buffer, offset, count));
            int position = offset;
            int end = offset + count;
            while (end - position >= VpcdMessage.HeaderLength)
            {
                int length = VpcdMessage.ReadHeader(buffer, position);
                position += VpcdMessage.HeaderLength;
                OnFrame(buffer, position, length);
                position += length;
            }

            return true;
        }

        public int Read(byte[] buffer, int offset, int count, long timeoutMicros)
        {
            if (pending.Count == 0)
            {
                if (peerClosed || ClosedByReader)
                {
                    return -1;
                }

                clock.Advance(timeoutMicros);
                return 0;
            }

            int limit = Trickle ? 1 : count;
            int copied = 0;
            while (copied < limit && pending.Count > 0)
            {
                buffer[offset + copied] = (byte)pending[0];
                pending.RemoveAt(0);
                copied++;
            }

            return copied;
        }

        public void Close()
        {
            ClosedByReader = true;
        }

        void OnFrame(byte[] buffer, int offset, int length)
        {
            string payload = TestSupport.ToHex(buffer, offset, length);
            received.Add(payload);
            if (length == VpcdMessage.ControlLength && buffer[offset] != VpcdMessage.GetAtr)
            {
                return;
            }

            byte[] reply = length == VpcdMessage.ControlLength ? Atr : Response(payload);
            Reply(reply);
        }

        byte[] Response(string payload)
        {
            int index = commands.IndexOf(Normalise(payload));
            return index >= 0 ? (byte[])responses[index] : TestSupport.Hex("90 00");
        }

        void Reply(byte[] payload)
        {
            if (stallNext)
            {
                stallNext = false;
                return;
            }

            if (closeNext)
            {
                closeNext = false;
                peerClosed = true;
                return;
            }

            if (nextReplyOverride != null)
            {
                Enqueue(nextReplyOverride);
                nextReplyOverride = null;
                return;
            }

            byte[] header = new byte[VpcdMessage.HeaderLength];
            VpcdMessage.WriteHeader(header, 0, payload.Length);
            Enqueue(header);
            Enqueue(payload);
        }

        void Enqueue(byte[] bytes)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                pending.Add(bytes[i]);
            }
        }

        static string Normalise(string hex)
        {
            return TestSupport.ToHex(TestSupport.Hex(hex));
        }
    }
}
