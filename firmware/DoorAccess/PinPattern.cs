using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// One output pin played as a pattern of durations on the door's clock: active for the first, idle for
    /// the second, active for the third … then idle. Nothing blocks: <see cref="Update"/> sets the level the
    /// pattern has reached, and <see cref="NextChangeMicros"/> says when it changes next, so the card loop
    /// bounds its wait by it. A missing pin (null) plays silently.
    /// </summary>
    public sealed class PinPattern
    {
        /// <summary>No change pending.</summary>
        public const long Never = long.MaxValue;

        private const long MicrosPerMilli = 1000;

        private readonly IOutputPin _pin;
        private int[] _segmentsMillis;
        private long _startMicros;

        public PinPattern(IOutputPin pin)
        {
            _pin = pin;
            NextChangeMicros = Never;
        }

        /// <summary>When the level changes next (<see cref="Never"/> once the pattern is over).</summary>
        public long NextChangeMicros { get; private set; }

        /// <summary>Starts <paramref name="segmentsMillis"/> now (the array is kept, not copied: pass a fixed one).</summary>
        public void Start(int[] segmentsMillis, long nowMicros)
        {
            _segmentsMillis = segmentsMillis;
            _startMicros = nowMicros;
            Update(nowMicros);
        }

        /// <summary>Ends the pattern now: the pin goes idle.</summary>
        public void Stop()
        {
            _segmentsMillis = null;
            NextChangeMicros = Never;
            Write(false);
        }

        /// <summary>Sets the level the pattern has at <paramref name="nowMicros"/>.</summary>
        public void Update(long nowMicros)
        {
            if (_segmentsMillis == null)
            {
                return;
            }

            long end = _startMicros;
            for (int i = 0; i < _segmentsMillis.Length; i++)
            {
                end += _segmentsMillis[i] * MicrosPerMilli;
                if (nowMicros < end)
                {
                    NextChangeMicros = end;
                    Write(i % 2 == 0);
                    return;
                }
            }

            Stop();
        }

        private void Write(bool active)
        {
            if (_pin != null && _pin.Value != active)
            {
                _pin.Write(active);
            }
        }
    }
}
