using System;
using System.Diagnostics;
using System.Threading;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// A thread that sits in GetStatusChange(INFINITE) on one reader, as a monitoring application
    /// does, and hands each return (its time and the reader's new state) to the benchmark thread.
    /// </summary>
    internal sealed class StatusChangeWaiter
    {
        private const int BoundMillis = 10000;

        private readonly SCardManager manager;
        private readonly int context;
        private readonly ScardReaderState[] states = new ScardReaderState[] { new ScardReaderState() };
        private readonly AutoResetEvent blocked = new AutoResetEvent(false);
        private readonly AutoResetEvent woken = new AutoResetEvent(false);
        private readonly Thread thread;
        private volatile bool stopping;
        private long wokenTimestamp;
        private int wokenState;
        private int result;

        public StatusChangeWaiter(SCardManager manager, int context, string reader)
        {
            this.manager = manager;
            this.context = context;
            states[0].Reader = reader;
            thread = new Thread(Loop);
        }

        public void Start()
        {
            thread.Start();
        }

        /// <summary>Returns once the waiter has (almost certainly) entered its blocking call.</summary>
        public void WaitUntilBlocked()
        {
            if (!blocked.WaitOne(BoundMillis, false))
            {
                throw new InvalidOperationException("the GetStatusChange waiter did not come back");
            }

            // The flag is set just before the call; a millisecond later the thread is inside it.
            Thread.Sleep(1);
        }

        /// <summary>The time of the first return whose state has <paramref name="flag"/>.</summary>
        public long WaitForState(int flag)
        {
            while (true)
            {
                if (!woken.WaitOne(BoundMillis, false) || result != ScardError.Success)
                {
                    throw new InvalidOperationException("GetStatusChange did not wake up: " + ScardError.GetName(result));
                }

                if ((wokenState & flag) != 0)
                {
                    return wokenTimestamp;
                }
            }
        }

        public void Stop()
        {
            stopping = true;
            manager.Cancel(context);
            thread.Join(BoundMillis);
        }

        private void Loop()
        {
            result = manager.GetStatusChange(context, 0, states);
            while (!stopping && (result == ScardError.Success || result == ScardError.Timeout))
            {
                states[0].CurrentState = states[0].EventState & ~ScardConstants.StateChanged;
                blocked.Set();
                result = manager.GetStatusChange(context, ScardConstants.Infinite, states);
                wokenTimestamp = Stopwatch.GetTimestamp();
                wokenState = states[0].EventState;
                woken.Set();
            }
        }
    }
}
