namespace EmbeddedSmartCard.Drivers.Vpcd
{
    /// <summary>Settings of a <see cref="VpcdReader"/>.</summary>
    public sealed class VpcdReaderOptions
    {
        /// <summary>The port vsmartcard's vicc connects to by default (reference peers.md; pcscd's vpcd uses 35963 + slot).</summary>
        public const int DefaultPort = 35963;

        /// <summary>
        /// Presence check period in microseconds: a GET ATR probe, as pcscd's vpcd polls about every 0.44 s
        /// (reference peers.md); removal is seen within one period. Also the longest wait for a client in one
        /// poll. 0 runs no driver thread (the owner calls <see cref="VpcdReader.Poll"/>).
        /// </summary>
        public long PollPeriodMicros = 400000;

        /// <summary>
        /// Bound on any reply of the card (ATR, response APDU). A peer silent for longer is cut off and the card
        /// reported removed. vicc answers within a millisecond; a phone relaying a real card over Wi-Fi may need
        /// seconds for a key generation.
        /// </summary>
        public long ResponseTimeoutMicros = 10000000;

        /// <summary>
        /// Longest command APDU sent as one frame; the send buffer (2 + this many bytes) is preallocated. The
        /// 2-byte length caps it at 65 535; lower it on a microcontroller to save RAM.
        /// </summary>
        public int MaxCommandLength = VpcdMessage.MaxPayloadLength;

        public string ReaderName = "Virtual PCD";

        /// <summary>SCARD_ATTR_CHANNEL_ID channel number: the TCP port.</summary>
        public int ChannelNumber = DefaultPort;
    }
}
