namespace EmbeddedSmartCard.Drivers.Vpcd
{
    /// <summary>
    /// The vpcd protocol's message layout (reference peers.md, "The vpcd protocol"): every message, in both
    /// directions, is a 2-byte big-endian length and then that many bytes. Reader → card, a 1-byte payload is
    /// a control message; any longer payload is a command APDU answered by one frame holding the response.
    /// </summary>
    public static class VpcdMessage
    {
        public const int HeaderLength = 2;

        /// <summary>The largest payload the 2-byte length can announce.</summary>
        public const int MaxPayloadLength = 0xFFFF;

        /// <summary>Length of a control message; no command APDU is this short (ISO 7816-4 §5.1: 4 header bytes at least).</summary>
        public const int ControlLength = 1;

        /// <summary>Control: power the card off. No reply.</summary>
        public const byte PowerOff = 0x00;

        /// <summary>Control: power the card on. No reply.</summary>
        public const byte PowerOn = 0x01;

        /// <summary>Control: reset the card. No reply.</summary>
        public const byte Reset = 0x02;

        /// <summary>Control: ask for the ATR. Reply: one frame holding the ATR; an empty one means no card.</summary>
        public const byte GetAtr = 0x04;

        /// <summary>A response APDU carries SW1 SW2 at least (ISO 7816-4 §5.1); a shorter reply is not one.</summary>
        public const int MinResponseLength = 2;

        /// <summary>Writes the big-endian length of a <paramref name="payloadLength"/>-byte payload at <paramref name="offset"/>.</summary>
        public static void WriteHeader(byte[] buffer, int offset, int payloadLength)
        {
            buffer[offset] = (byte)(payloadLength >> 8);
            buffer[offset + 1] = (byte)payloadLength;
        }

        /// <summary>The payload length a header announces.</summary>
        public static int ReadHeader(byte[] buffer, int offset)
        {
            return (buffer[offset] << 8) | buffer[offset + 1];
        }
    }
}
