namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>
    /// An input pin driven by the simulation (card detect). <see cref="Set"/> changes the level at the
    /// current virtual time; <see cref="Read"/> returns that raw level at once, as a GPIO read does.
    /// Debouncing is in virtual time: an edge is reported once the new level has held for
    /// <see cref="DebounceMicros"/> (from the thread that advances the clock past that moment, stamped
    /// with that moment); a level that flips back sooner is bounce and is never reported. With
    /// <see cref="DebounceMicros"/> = 0 the edge is raised synchronously from <see cref="Set"/>.
    /// </summary>
    public sealed class SimInputPin : IInputPin
    {
        private readonly object _lock = new object();
        private readonly VirtualClock _clock;
        private readonly VirtualTimerHandler _settled;
        private bool _level;
        private bool _reportedLevel;
        private VirtualTimer _pending;

        public SimInputPin(VirtualClock clock, bool initialHigh)
        {
            _clock = clock;
            _level = initialHigh;
            _reportedLevel = initialHigh;
            _settled = OnSettled;
        }

        public event PinEdgeHandler Edge;

        public int DebounceMicros { get; set; }

        public bool Read()
        {
            return _level;
        }

        /// <summary>Drives the pin to <paramref name="high"/> now.</summary>
        public void Set(bool high)
        {
            long now = _clock.NowMicros;
            lock (_lock)
            {
                if (high == _level)
                {
                    return;
                }

                _level = high;
                _clock.Cancel(_pending);
                _pending = null;
                if (DebounceMicros > 0)
                {
                    _pending = _clock.Schedule(now + DebounceMicros, _settled, null);
                    return;
                }
            }

            Report(now);
        }

        private void OnSettled(VirtualTimer timer, long dueMicros)
        {
            lock (_lock)
            {
                if (timer != _pending)
                {
                    return;
                }

                _pending = null;
            }

            Report(dueMicros);
        }

        private void Report(long timeMicros)
        {
            bool level;
            lock (_lock)
            {
                if (_level == _reportedLevel)
                {
                    return;
                }

                _reportedLevel = _level;
                level = _level;
            }

            PinEdgeHandler handler = Edge;
            if (handler != null)
            {
                handler(this, level, timeMicros);
            }
        }
    }
}
