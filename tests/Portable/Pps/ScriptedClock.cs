using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.PpsExchange
{
    /// <summary>A clock that only moves when something waits on it.</summary>
    internal sealed class ScriptedClock : IClock
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
    }
}
