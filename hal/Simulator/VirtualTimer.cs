namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>Called when a <see cref="VirtualClock"/> reaches a scheduled time; <paramref name="dueMicros"/> is that time.</summary>
    public delegate void VirtualTimerHandler(VirtualTimer timer, long dueMicros);

    /// <summary>
    /// A one-shot event on a <see cref="VirtualClock"/> (a card's delayed action, a debounced pin edge).
    /// Created by <see cref="VirtualClock.Schedule"/>; <see cref="VirtualClock.Cancel"/> withdraws it.
    /// </summary>
    public sealed class VirtualTimer
    {
        internal VirtualTimer(long dueMicros, long sequence, VirtualTimerHandler handler, object state)
        {
            DueMicros = dueMicros;
            Sequence = sequence;
            Handler = handler;
            State = state;
        }

        /// <summary>The virtual time at which the handler runs.</summary>
        public long DueMicros { get; private set; }

        /// <summary>Whatever the scheduler attached to the timer.</summary>
        public object State { get; private set; }

        internal long Sequence { get; private set; }

        internal VirtualTimerHandler Handler { get; private set; }

        /// <summary>True when it fires before <paramref name="other"/> (earlier time, or same time scheduled first).</summary>
        internal bool FiresBefore(VirtualTimer other)
        {
            return DueMicros < other.DueMicros || (DueMicros == other.DueMicros && Sequence < other.Sequence);
        }
    }
}
