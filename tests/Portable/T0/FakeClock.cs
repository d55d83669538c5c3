using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.T0
{
    /// <summary>A virtual microsecond clock that moves only when someone waits or a test advances it.</summary>
    public sealed class FakeClock : IClock
    {
        private long _now;

        public long NowMicros
        {
            get { return _now; }
        }

        public void Delay(long micros)
        {
            if (micros > 0)
            {
                _now += micros;
            }
        }

        public void Advance(long micros)
        {
            Delay(micros);
        }
    }
}
