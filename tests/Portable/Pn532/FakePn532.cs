using System.Collections;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532
{
    /// <summary>
    /// The scripted far end the fake buses share: records every frame the host sends and, per host frame,
    /// queues the frames scripted for it (ACK, response, …). The host reads the queued frames in order.
    /// </summary>
    internal sealed class FakePn532
    {
        private readonly ArrayList script = new ArrayList();
        private readonly ArrayList outgoing = new ArrayList();
        private readonly ArrayList hostFrames = new ArrayList();

        /// <summary>Frames the chip will answer the next host frame with (none: the frame is only recorded).</summary>
        public void OnNextFrame(params byte[][] replies)
        {
            script.Add(replies);
        }

        public int HostFrameCount
        {
            get { return hostFrames.Count; }
        }

        public byte[] HostFrame(int index)
        {
            return (byte[])hostFrames[index];
        }

        public string HostFrameHex(int index)
        {
            byte[] frame = HostFrame(index);
            return TestSupport.ToHex(frame, 0, frame.Length);
        }

        public bool Ready
        {
            get { return outgoing.Count > 0; }
        }

        /// <summary>The frame being read (valid while <see cref="Ready"/>).</summary>
        public byte[] Current
        {
            get { return (byte[])outgoing[0]; }
        }

        /// <summary>The host has read the current frame completely.</summary>
        public void CurrentRead()
        {
            outgoing.RemoveAt(0);
        }

        public void ReceiveFromHost(byte[] buffer, int offset, int count)
        {
            byte[] frame = new byte[count];
            for (int i = 0; i < count; i++)
            {
                frame[i] = buffer[offset + i];
            }

            hostFrames.Add(frame);
            if (script.Count == 0)
            {
                return;
            }

            byte[][] replies = (byte[][])script[0];
            script.RemoveAt(0);
            for (int i = 0; i < replies.Length; i++)
            {
                outgoing.Add(replies[i]);
            }
        }

        public static byte[] Ack()
        {
            return TestSupport.Hex("00 00 FF 00 FF 00");
        }

        public static byte[] Nack()
        {
            return TestSupport.Hex("00 00 FF FF 00 00");
        }

        /// <summary>A response frame (TFI D5, code command + 1) carrying <paramref name="parametersHex"/>.</summary>
        public static byte[] Response(byte command, string parametersHex)
        {
            return Response(command, TestSupport.Hex(parametersHex));
        }

        public static byte[] Response(byte command, byte[] parameters)
        {
            byte[] frame = new byte[Pn532Frame.MaxFrameLength];
            return Prefix(frame, Pn532FrameWriter.WriteResponse(command, parameters, 0, parameters.Length, frame, 0));
        }

        /// <summary>A copy of <paramref name="frame"/> with one byte flipped (a DCS failure when it is in the body).</summary>
        public static byte[] Damage(byte[] frame, int index)
        {
            byte[] copy = new byte[frame.Length];
            for (int i = 0; i < frame.Length; i++)
            {
                copy[i] = frame[i];
            }

            copy[index] ^= 0x10;
            return copy;
        }

        public static byte[] CommandFrame(byte command, string parametersHex)
        {
            byte[] parameters = TestSupport.Hex(parametersHex);
            byte[] frame = new byte[Pn532Frame.MaxFrameLength];
            return Prefix(frame, Pn532FrameWriter.WriteCommand(command, parameters, 0, parameters.Length, frame, 0));
        }

        private static byte[] Prefix(byte[] buffer, int length)
        {
            byte[] exact = new byte[length];
            for (int i = 0; i < length; i++)
            {
                exact[i] = buffer[i];
            }

            return exact;
        }
    }
}
