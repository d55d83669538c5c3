using System.Threading;

namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// A polling reader's driver thread: it repeats the driver's poll step (its own pause, then one presence
    /// check) until Close asks it to stop. The stop request has a lock of its own: Close makes it without waiting
    /// for the driver lock, and the driver's Poll, looking at it under that lock, skips a check that starts after it.
    /// </summary>
    public sealed class PollThread
    {
        readonly object stopLock = new object();
        readonly ThreadStart step;
        bool stopRequested;
        Thread thread;

        /// <param name="step">One round of the loop: the driver's pause and one poll.</param>
        public PollThread(ThreadStart step)
        {
            this.step = step;
        }

        /// <summary>True from <see cref="Stop"/> until the next <see cref="Rearm"/>.</summary>
        public bool StopRequested
        {
            get
            {
                lock (stopLock)
                {
                    return stopRequested;
                }
            }
        }

        /// <summary>Withdraws the stop request: Open calls it before its first poll, whether the thread then runs or the owner polls.</summary>
        public void Rearm()
        {
            lock (stopLock)
            {
                stopRequested = false;
            }
        }

        /// <summary>Starts the thread (Open, once the reader is open and polling has a period).</summary>
        public void Start()
        {
            Thread started = new Thread(Loop);
            lock (stopLock)
            {
                thread = started;
            }

            started.Start();
        }

        /// <summary>Asks the thread to stop and waits for it to finish its round (Close, before releasing the hardware).</summary>
        public void Stop()
        {
            Thread running;
            lock (stopLock)
            {
                stopRequested = true;
                running = thread;
                thread = null;
            }

            if (running != null)
            {
                running.Join();
            }
        }

        void Loop()
        {
            while (!StopRequested)
            {
                step();
            }
        }
    }
}
