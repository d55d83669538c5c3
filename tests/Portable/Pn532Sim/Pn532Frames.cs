using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    /// <summary>Builds host command frames with the driver's codec and finds the body of chip frames, for the virtual PN532 tests.</summary>
    internal static class Pn532Frames
    {
        /// <summary>The command frame (TFI D4) for <paramref name="command"/> with parameters in hex.</summary>
        public static byte[] Command(byte command, string parametersHex)
        {
            byte[] parameters = TestSupport.Hex(parametersHex);
            byte[] frame = new byte[Pn532Frame.MaxFrameLength];
            int length = Pn532FrameWriter.WriteCommand(command, parameters, 0, parameters.Length, frame, 0);
            byte[] exact = new byte[length];
            for (int i = 0; i < length; i++)
            {
                exact[i] = frame[i];
            }

            return exact;
        }

        /// <summary>The body (TFI onwards, without DCS) of the information frame in <paramref name="count"/> bytes, in hex; the frame kind otherwise.</summary>
        public static string Body(byte[] buffer, int offset, int count)
        {
            int bodyOffset;
            int bodyLength;
            int consumed;
            Pn532FrameKind kind = Pn532FrameReader.Decode(buffer, offset, count, out bodyOffset, out bodyLength, out consumed);
            if (kind != Pn532FrameKind.Information)
            {
                return kind.ToString();
            }

            return TestSupport.ToHex(buffer, bodyOffset, bodyLength);
        }
    }
}
