using System.Threading;
using nanoFramework.Hardware.Esp32;

namespace EmbeddedSmartCard.Hal.NanoFramework
{
    /// <summary>
    /// <see cref="IClock"/> on ESP32: <see cref="HighResTimer.GetCurrent"/> is the esp_timer count,
    /// microseconds since boot, monotonic, 1 µs resolution. (DateTime.UtcNow is not monotonic — SNTP
    /// or an RTC write moves it — and System.Diagnostics.Stopwatch is a separate package without a
    /// released 1.x version in nanoframework/.) Delays sleep the whole milliseconds but the last one
    /// and spin the rest, so an etu-scale wait is accurate to a few microseconds.
    /// </summary>
    public sealed class Esp32Clock : IClock
    {
        private const long MicrosPerMillisecond = 1000;

        /// <summary>Below this the thread spins instead of sleeping: Thread.Sleep works in whole milliseconds.</summary>
        private const long SpinBelowMicros = 2 * MicrosPerMillisecond;

        public long NowMicros
        {
            get { return (long)HighResTimer.GetCurrent(); }
        }

        public void Delay(long micros)
        {
            if (micros <= 0)
            {
                return;
            }

            long deadline = NowMicros + micros;
            if (micros >= SpinBelowMicros)
            {
                Thread.Sleep((int)((micros / MicrosPerMillisecond) - 1));
            }

            while (NowMicros < deadline)
            {
                Thread.Sleep(0);
            }
        }
    }
}
