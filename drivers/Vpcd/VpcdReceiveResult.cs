namespace EmbeddedSmartCard.Drivers.Vpcd
{
    /// <summary>How <see cref="VpcdLink.Receive"/> ended.</summary>
    public enum VpcdReceiveResult
    {
        /// <summary>A whole frame is in the caller's buffer.</summary>
        Frame = 0,

        /// <summary>A whole frame arrived but was longer than the caller's room: it was read and dropped, the stream is still in step.</summary>
        TooLong = 1,

        /// <summary>The bound passed before the frame was complete (a stalled peer).</summary>
        TimedOut = 2,

        /// <summary>End of stream or a broken connection.</summary>
        Closed = 3,
    }
}
