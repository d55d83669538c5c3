namespace EmbeddedSmartCard.Drivers.Vpcd
{
    /// <summary>
    /// The byte stream to one vpcd client (vicc, a vsmartcard Android app): a TCP connection on .NET, a
    /// scripted fake in tests. Every call is bounded; none throws.
    /// </summary>
    public interface IVpcdConnection
    {
        /// <summary>
        /// Sends the bytes in ONE write with no coalescing delay: vicc reads a frame's body with a single
        /// receive (reference peers.md, "The vpcd protocol"). False when the connection is broken.
        /// </summary>
        bool Write(byte[] buffer, int offset, int count);

        /// <summary>
        /// Waits at most <paramref name="timeoutMicros"/> for data and returns what arrived (1 to
        /// <paramref name="count"/> bytes), 0 on time-out, or -1 at the end of the stream or on an error.
        /// </summary>
        int Read(byte[] buffer, int offset, int count, long timeoutMicros);

        /// <summary>Ends the connection (the client sees EOF). Safe to call twice.</summary>
        void Close();
    }
}
