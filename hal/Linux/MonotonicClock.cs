using System.Threading;

namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// <see cref="IClock"/> over clock_gettime(CLOCK_MONOTONIC). <see cref="Delay"/> sleeps on an
    /// absolute deadline (clock_nanosleep, so an interrupted sleep does not drift) until shortly
    /// before the end, then spins: the scheduler's timer slack (50 µs by default) and wake-up
    /// latency would otherwise overshoot short ISO 7816 guard and turnaround times.
    /// </summary>
    public sealed class MonotonicClock : IClock
    {
        /// <summary>The last stretch of a wait is spun rather than slept.</summary>
        public const long SpinMicros = 100;

        private const long NanosPerMicro = 1000;
        private const long MicrosPerSecond = 1000000;

        /// <summary>One shared instance is enough: the clock has no state.</summary>
        public static readonly MonotonicClock Instance = new MonotonicClock();

        public long NowMicros
        {
            get { return Now(); }
        }

        public void Delay(long micros)
        {
            if (micros <= 0)
            {
                return;
            }
            long deadline = Now() + micros;
            if (micros > SpinMicros)
            {
                SleepUntil(deadline - SpinMicros);
            }
            while (Now() < deadline)
            {
                Thread.SpinWait(10);
            }
        }

        /// <summary>CLOCK_MONOTONIC in microseconds (the time base of GPIO edge events too).</summary>
        internal static unsafe long Now()
        {
            LibC.TimeSpec time;
            LibC.ClockGetTime(LibC.CLOCK_MONOTONIC, &time);
            return (long)time.Seconds * MicrosPerSecond + (long)time.Nanoseconds / NanosPerMicro;
        }

        /// <summary>Sleeps until the monotonic time <paramref name="deadlineMicros"/>, resuming after signals.</summary>
        internal static unsafe void SleepUntil(long deadlineMicros)
        {
            LibC.TimeSpec until;
            until.Seconds = (nint)(deadlineMicros / MicrosPerSecond);
            until.Nanoseconds = (nint)(deadlineMicros % MicrosPerSecond * NanosPerMicro);
            while (LibC.ClockNanosleep(LibC.CLOCK_MONOTONIC, LibC.TIMER_ABSTIME, &until, null) == LibC.EINTR)
            {
            }
        }
    }
}
