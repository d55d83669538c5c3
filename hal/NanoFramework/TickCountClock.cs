using System;
using System.Threading;

namespace EmbeddedSmartCard.Hal.NanoFramework
{
    /// <summary>
    /// <see cref="IClock"/> for any nanoFramework target (an STM32 board, where no microsecond timer is exposed to
    /// managed code): <see cref="Environment.TickCount64"/> of nanoFramework.Runtime.Native, milliseconds since
    /// boot, monotonic. Resolution is one millisecond, so every wait is rounded up: a delay waits until the tick
    /// count has moved one millisecond past the requested time (the current millisecond may be nearly over
    /// when it starts), never less than asked. That suits the drivers' waits, which are lower bounds (RST hold,
    /// guard times) or time-outs (WT, BWT, CWT, the PN532's ACK); an etu-exact wait it cannot give — the ESP32's
    /// <see cref="Esp32Clock"/> can.
    /// </summary>
    public sealed class TickCountClock : IClock
    {
        private const long MicrosPerMillisecond = 1000;

        /// <summary>Sleep granted per turn: the RTOS tick the native Sleep rounds to.</summary>
        private const int SleepMillis = 1;

        public long NowMicros
        {
            get { return Environment.TickCount64 * MicrosPerMillisecond; }
        }

        public void Delay(long micros)
        {
            if (micros <= 0)
            {
                return;
            }

            long deadlineMillis = Environment.TickCount64 + ((micros + MicrosPerMillisecond - 1) / MicrosPerMillisecond) + 1;
            while (Environment.TickCount64 < deadlineMillis)
            {
                Thread.Sleep(SleepMillis);
            }
        }
    }
}
