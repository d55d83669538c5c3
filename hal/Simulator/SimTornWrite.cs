namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>What a write that the power cut interrupts leaves on a <see cref="SimAppendStorage"/>.</summary>
    public enum SimTornWrite
    {
        /// <summary>Only the bytes written before the cut are there; the medium ends at the cut.</summary>
        Prefix,

        /// <summary>The bytes before the cut are right; the rest of the write is there as random bytes.</summary>
        Garbage,

        /// <summary>The bytes before the cut are right; the rest of the write reads as erased flash (FF).</summary>
        Erased,
    }
}
