using System;
using System.Threading;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The simulator board's contactless reader: a <see cref="VirtualPn532"/> on I2C at 400 kHz with its
    /// RSTPDN wired, the <see cref="Pn532Reader"/> driving it, and a <see cref="TapScript"/> moving cards through its field,
    /// all on one <see cref="VirtualClock"/>. The reader runs no thread of its own: the field's time is
    /// stepped here, and the reader polls once per poll period of it — either by <see cref="RunFor"/>
    /// (tests, in virtual time) or by the real-time field thread of <see cref="Start"/> (the scard tool).
    /// </summary>
    public sealed class SimulatorPn532 : IDisposable
    {
        /// <summary>Friendly reader name; the manager adds " RR SS".</summary>
        public const string ReaderName = "EmbeddedSmartCard Simulated PN532";

        /// <summary>I2C fast mode, the PN532's fastest (reference iso7816-pn532.md §3.2 "I2C").</summary>
        public const int I2cBusHz = 400000;

        /// <summary>Granularity of the field's time: a tap or a poll happens at most this late.</summary>
        public const long StepMicros = 10000;

        private const int MicrosPerMilli = 1000;

        private readonly object _runLock = new object();
        private readonly long _pollPeriodMicros;
        private long _nextPollMicros;
        private Thread _fieldThread;
        private bool _stopping;

        /// <summary>A PN532 whose field follows <paramref name="taps"/>, polled every 500 ms (the driver's default period).</summary>
        public SimulatorPn532(TapScript taps)
            : this(taps, new Pn532ReaderOptions().PollPeriodMicros)
        {
        }

        public SimulatorPn532(TapScript taps, long pollPeriodMicros)
        {
            _pollPeriodMicros = pollPeriodMicros;
            Clock = new VirtualClock();
            Chip = new VirtualPn532(Clock);
            Pn532ReaderOptions options = new Pn532ReaderOptions();
            options.PollPeriodMicros = 0;
            options.ReaderName = ReaderName;
            Bus = new VirtualPn532I2c(Chip).Attach(I2cBusHz);
            // RSTPDN wired: each Open restarts the chip, so a chip that hung comes back when the reader is re-opened.
            Reader = new Pn532Reader(options, new Pn532I2cTransport(Bus, Clock, null), Clock, Chip.ResetPin);
            taps.PlayOn(Chip);
        }

        public VirtualClock Clock { get; private set; }

        public VirtualPn532 Chip { get; private set; }

        /// <summary>The simulated I2C device between driver and chip (transaction and byte counters).</summary>
        public SimI2cDevice Bus { get; private set; }

        /// <summary>The driver, as the board hands it to the resource manager.</summary>
        public Pn532Reader Reader { get; private set; }

        public long PollPeriodMicros
        {
            get { return _pollPeriodMicros; }
        }

        /// <summary>Lets <paramref name="micros"/> of field time pass at once: due taps happen, and the reader polls once per period.</summary>
        public void RunFor(long micros)
        {
            long end = Clock.NowMicros + micros;
            while (Clock.NowMicros < end)
            {
                long left = end - Clock.NowMicros;
                Step(left < StepMicros ? left : StepMicros);
            }
        }

        /// <summary>Starts the field thread: field time follows real time in steps of <see cref="StepMicros"/>. Does nothing if running.</summary>
        public void Start()
        {
            lock (_runLock)
            {
                if (_fieldThread != null)
                {
                    return;
                }

                _stopping = false;
                _fieldThread = new Thread(FieldLoop);
                _fieldThread.Start();
            }
        }

        /// <summary>Stops the field thread (within one step) and closes the reader.</summary>
        public void Dispose()
        {
            Thread thread;
            lock (_runLock)
            {
                _stopping = true;
                thread = _fieldThread;
                _fieldThread = null;
            }

            if (thread != null)
            {
                thread.Join();
            }

            Reader.Close();
        }

        /// <summary>
        /// One step of field time, never more than <see cref="StepMicros"/>: a reader command running on
        /// another thread at that moment sees the time jump by less than any of its time-outs.
        /// </summary>
        private void Step(long micros)
        {
            Clock.Advance(micros);
            if (Clock.NowMicros >= _nextPollMicros)
            {
                _nextPollMicros = Clock.NowMicros + _pollPeriodMicros;
                Reader.Poll();
            }
        }

        private void FieldLoop()
        {
            while (!Stopping())
            {
                Thread.Sleep((int)(StepMicros / MicrosPerMilli));
                Step(StepMicros);
            }
        }

        private bool Stopping()
        {
            lock (_runLock)
            {
                return _stopping;
            }
        }
    }
}
