using System.Collections;

namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>
    /// Virtual microsecond time for one simulated reader (its line, pins and card share it). Time only
    /// moves when someone waits (<see cref="Delay"/>, <see cref="SimUartLine.Read"/>, <see cref="SimUartLine.Drain"/>)
    /// or advances it explicitly, so waiting out a 1.6 s BWT costs no real time. Timers scheduled on the
    /// clock run, in due order, on the thread that advances past them, with the clock set to their due time.
    /// </summary>
    public sealed class VirtualClock : IClock
    {
        private readonly object _lock = new object();
        private readonly ArrayList _timers = new ArrayList();
        private long _now;
        private long _nextSequence;

        public VirtualClock()
        {
        }

        public VirtualClock(long startMicros)
        {
            _now = startMicros;
        }

        public long NowMicros
        {
            get
            {
                lock (_lock)
                {
                    return _now;
                }
            }
        }

        /// <summary>Due time of the earliest pending timer, or <see cref="long.MaxValue"/> when none is pending.</summary>
        public long NextTimerMicros
        {
            get
            {
                lock (_lock)
                {
                    return _timers.Count == 0 ? long.MaxValue : ((VirtualTimer)_timers[0]).DueMicros;
                }
            }
        }

        public void Delay(long micros)
        {
            Advance(micros);
        }

        /// <summary>Moves time forward by <paramref name="micros"/> (0 or less does nothing), firing due timers.</summary>
        public void Advance(long micros)
        {
            if (micros <= 0)
            {
                return;
            }

            AdvanceTo(NowMicros + micros);
        }

        /// <summary>Moves time forward to <paramref name="targetMicros"/> (never backwards), firing every timer due on the way.</summary>
        public void AdvanceTo(long targetMicros)
        {
            while (true)
            {
                VirtualTimer due = TakeTimerDueBy(targetMicros);
                if (due == null)
                {
                    return;
                }

                due.Handler(due, due.DueMicros);
            }
        }

        /// <summary>Schedules <paramref name="handler"/> at <paramref name="dueMicros"/> (at once on the next advance when already past).</summary>
        public VirtualTimer Schedule(long dueMicros, VirtualTimerHandler handler, object state)
        {
            lock (_lock)
            {
                VirtualTimer timer = new VirtualTimer(dueMicros, _nextSequence++, handler, state);
                int index = _timers.Count;
                while (index > 0 && timer.FiresBefore((VirtualTimer)_timers[index - 1]))
                {
                    index--;
                }

                _timers.Insert(index, timer);
                return timer;
            }
        }

        /// <summary>Withdraws a pending timer; does nothing when it already fired or was cancelled.</summary>
        public void Cancel(VirtualTimer timer)
        {
            if (timer == null)
            {
                return;
            }

            lock (_lock)
            {
                _timers.Remove(timer);
            }
        }

        /// <summary>Removes and returns the earliest timer due by the target, moving time to it; or moves time to the target and returns null.</summary>
        private VirtualTimer TakeTimerDueBy(long targetMicros)
        {
            lock (_lock)
            {
                if (_timers.Count > 0)
                {
                    VirtualTimer first = (VirtualTimer)_timers[0];
                    if (first.DueMicros <= targetMicros)
                    {
                        _timers.RemoveAt(0);
                        if (first.DueMicros > _now)
                        {
                            _now = first.DueMicros;
                        }

                        return first;
                    }
                }

                if (targetMicros > _now)
                {
                    _now = targetMicros;
                }

                return null;
            }
        }
    }
}
