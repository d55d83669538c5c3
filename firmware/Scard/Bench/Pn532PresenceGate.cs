using System;
using System.Threading;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// Holds the driver's poll thread inside its PresenceChanged event, after the manager has seen the
    /// event, until the benchmark lets it go. While it is held nothing moves the virtual clock, so the time
    /// read when GetStatusChange has returned is the time of that return, and the benchmark can place the
    /// next card at a time it chooses relative to the next poll.
    /// </summary>
    internal sealed class Pn532PresenceGate
    {
        private const int BoundMillis = 10000;

        private readonly AutoResetEvent held = new AutoResetEvent(false);
        private readonly AutoResetEvent released = new AutoResetEvent(false);
        private volatile bool open;

        /// <summary>Subscribe after the reader was added to the manager, so the manager's handler runs first.</summary>
        public void OnPresenceChanged(IReaderDriver driver, bool present)
        {
            if (open)
            {
                return;
            }

            held.Set();
            released.WaitOne(BoundMillis, false);
        }

        /// <summary>Returns once the poll thread is held in a presence event.</summary>
        public void WaitHeld()
        {
            if (!held.WaitOne(BoundMillis, false))
            {
                throw new InvalidOperationException("the PN532 poll thread raised no presence event");
            }
        }

        /// <summary>Lets the held poll thread go on.</summary>
        public void Release()
        {
            released.Set();
        }

        /// <summary>Stops holding events for good and lets a held thread go (before the reader is closed).</summary>
        public void Open()
        {
            open = true;
            released.Set();
        }
    }
}
