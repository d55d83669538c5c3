using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.Pn532
{
    /// <summary>A virtual microsecond clock: Delay advances it at once, so time-outs cost no real time.</summary>
    internal sealed class FakeClock : IClock
    {
        private long now;

        public long NowMicros
        {
            get { return now; }
        }

        public void Delay(long micros)
        {
            if (micros > 0)
            {
                now += micros;
            }
        }
    }
}
