using System;
using System.Threading;

namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// <see cref="IInputPin"/> on a GPIO character device line (v2 uAPI) with edge detection on both
    /// edges. The kernel debounces (the debounce_period_us line attribute, done in software by gpiolib
    /// when the chip cannot) and timestamps edges on CLOCK_MONOTONIC, the time base of
    /// <see cref="MonotonicClock"/>. A background thread reads the edge events and raises <see cref="Edge"/>.
    /// </summary>
    public sealed unsafe class LinuxGpioInputPin : IInputPin, IDisposable
    {
        /// <summary>How often the event thread looks at the stop flag while the line is quiet.</summary>
        private const int StopCheckMillis = 100;

        /// <summary>How long Dispose waits for the event thread (one stop check plus a handler's run).</summary>
        private const int StopTimeoutMillis = 2000;

        private const int EventsPerRead = 16;
        private const long NanosPerMicro = 1000;

        private readonly GpioLine line;
        private readonly Thread eventThread;
        private readonly bool activeLow;
        private volatile bool stopping;
        private int debounceMicros;

        /// <summary>
        /// Requests line <paramref name="offset"/> of <paramref name="chip"/> ("0", "gpiochip0" or "/dev/gpiochip0")
        /// as an input reporting both edges, debounced by <paramref name="debounceMicros"/> (0: none).
        /// </summary>
        public LinuxGpioInputPin(string chip, int offset, int debounceMicros) : this(chip, offset, debounceMicros, false)
        {
        }

        /// <summary>
        /// As above; with <paramref name="activeLow"/> the kernel inverts the line (GPIO_V2_LINE_FLAG_ACTIVE_LOW):
        /// <see cref="Read"/> is true while the pin is low, and a rising edge is the physical falling one
        /// (linux/gpio.h: edges are "inactive to active"), as a switch closing to ground needs.
        /// </summary>
        public LinuxGpioInputPin(string chip, int offset, int debounceMicros, bool activeLow)
        {
            this.activeLow = activeLow;
            line = GpioLine.Request(chip, offset, EdgeConfig(debounceMicros, activeLow));
            this.debounceMicros = debounceMicros;
            eventThread = new Thread(ReadEvents);
            eventThread.IsBackground = true;
            eventThread.Name = "gpio " + line.ChipPath + ":" + offset;
            eventThread.Start();
        }

        public event PinEdgeHandler Edge;

        public int DebounceMicros
        {
            get { return debounceMicros; }
            set
            {
                int errno = line.Reconfigure(EdgeConfig(value, activeLow));
                if (errno != 0)
                {
                    throw LibC.DeviceError(line.ChipPath, "cannot set a debounce period of " + value + " µs on line " + line.Offset + " of", errno);
                }
                debounceMicros = value;
            }
        }

        public int LastErrno
        {
            get { return line.LastErrno; }
        }

        public bool Read()
        {
            return line.GetValue();
        }

        public void Dispose()
        {
            stopping = true;
            if (Thread.CurrentThread != eventThread)
            {
                eventThread.Join(StopTimeoutMillis);
            }
            line.Dispose();
        }

        private static GpioV2.LineConfig EdgeConfig(int debounceMicros, bool activeLow)
        {
            GpioV2.LineConfig config = default(GpioV2.LineConfig);
            config.Flags = GpioV2.FlagInput | GpioV2.FlagEdgeRising | GpioV2.FlagEdgeFalling | (activeLow ? GpioV2.FlagActiveLow : 0);
            if (debounceMicros > 0)
            {
                config.AddAttribute(GpioV2.AttributeDebounce, (ulong)debounceMicros);
            }
            return config;
        }

        private void ReadEvents()
        {
            GpioV2.LineEvent* events = stackalloc GpioV2.LineEvent[EventsPerRead];
            LibC.PollFd poll;
            while (!stopping)
            {
                poll.Fd = line.Descriptor;
                poll.Events = LibC.POLLIN;
                poll.Revents = 0;
                if (LibC.Poll(&poll, 1, StopCheckMillis) <= 0 || stopping)
                {
                    continue;
                }
                long bytes = LibC.Read(line.Descriptor, (byte*)events, (nuint)(EventsPerRead * sizeof(GpioV2.LineEvent)));
                if (bytes <= 0)
                {
                    // Not an edge: the line was released under us. Stop rather than spin.
                    return;
                }
                int count = (int)(bytes / sizeof(GpioV2.LineEvent));
                for (int i = 0; i < count; i++)
                {
                    Raise(events[i]);
                }
            }
        }

        private void Raise(GpioV2.LineEvent lineEvent)
        {
            PinEdgeHandler handler = Edge;
            if (handler != null)
            {
                handler(this, lineEvent.Id == GpioV2.EventRisingEdge, (long)(lineEvent.TimestampNanos / NanosPerMicro));
            }
        }
    }
}
