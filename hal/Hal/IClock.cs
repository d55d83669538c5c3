namespace EmbeddedSmartCard.Hal
{
    /// <summary>
    /// A monotonic microsecond clock. Every wait in the drivers goes through it, so a virtual
    /// clock (the simulator's) can make a 1.6 s BWT cost no real time.
    /// </summary>
    public interface IClock
    {
        /// <summary>Microseconds since an arbitrary origin; never goes backwards.</summary>
        long NowMicros { get; }

        /// <summary>Waits at least <paramref name="micros"/> microseconds (0 or less returns at once).</summary>
        void Delay(long micros);
    }
}
