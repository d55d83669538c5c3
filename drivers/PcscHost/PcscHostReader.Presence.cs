namespace EmbeddedSmartCard.Drivers.PcscHost
{
    public sealed partial class PcscHostReader
    {
        /// <summary>pcsc-lite keeps the reader's event counter in the high 16 bits of the state word (pcsc.md §1.4).</summary>
        private const int EventCounterShift = 16;

        /// <summary>Guards <see cref="pollContext"/> between the presence thread (which replaces it) and Close (which cancels it).</summary>
        private readonly object pollContextLock = new object();

        /// <summary>
        /// The reader's state as the presence thread last saw it: set by Open before the thread starts, then
        /// read and written by the thread alone.
        /// </summary>
        private uint knownState;

        /// <summary>
        /// One round of the presence thread: SCardGetStatusChange on the host reader, bounded by the poll period and
        /// woken by Close through SCardCancel. A card arriving or leaving raises <see cref="PresenceChanged"/>; pcscd
        /// going away (or the reader leaving it) is a removal, after which each round tries a new context, once per
        /// period, until pcscd and the reader are back. Once Close has begun a round does nothing.
        /// </summary>
        private void PollRound()
        {
            if (stopped.WaitOne(0, false))
            {
                return;
            }

            PcscContext context = CurrentPollContext();
            if (context == null)
            {
                if (!Reconnect(out knownState))
                {
                    stopped.WaitOne(options.PollPeriodMillis, false);
                }

                return;
            }

            uint state;
            long result = context.WaitForChange(nativeName, knownState, options.PollPeriodMillis, out state);
            if (result == PcscCodes.Timeout || result == PcscCodes.Cancelled)
            {
                return;
            }

            if (result != PcscCodes.Success || IsReaderGone(state))
            {
                LoseService();
                stopped.WaitOne(options.PollPeriodMillis, false);
                return;
            }

            Follow(knownState, state);
            knownState = state & ~PcscCodes.StateChanged;
        }

        /// <summary>
        /// Reports the change from <paramref name="before"/> to <paramref name="after"/>. A card still present
        /// with a new event counter was removed and another inserted between two waits: both are reported.
        /// </summary>
        private void Follow(uint before, uint after)
        {
            bool present = (after & PcscCodes.StatePresent) != 0;
            bool swapped = present && (before & PcscCodes.StatePresent) != 0
                && (before >> EventCounterShift) != (after >> EventCounterShift);
            if (swapped)
            {
                Report(false);
            }

            Report(present);
        }

        /// <summary>pcscd (or the reader in it) went away: the card is gone with it, and the device has failed.</summary>
        private void LoseService()
        {
            SetPollContext(null);
            Report(false);
            DeviceFaultHandler handler = DeviceFailed;
            if (handler != null && !stopped.WaitOne(0, false))
            {
                handler(this);
            }
        }

        /// <summary>A new context once pcscd is back; the reader's state then is the new starting point.</summary>
        private bool Reconnect(out uint state)
        {
            state = PcscCodes.StateUnaware;
            PcscContext context;
            if (PcscContext.Establish(out context) != PcscCodes.Success)
            {
                return false;
            }

            if (!ReadState(context, out state) || !SetPollContextIfOpen(context))
            {
                context.Release();
                return false;
            }

            Report((state & PcscCodes.StatePresent) != 0);
            return true;
        }

        /// <summary>
        /// Raises <see cref="PresenceChanged"/> when the presence changes. Only the presence thread calls it, and
        /// Open and Close set the presence only while that thread is not running, so the check and the set are one step.
        /// </summary>
        private void Report(bool present)
        {
            bool before = presence.IsPresent;
            presence.Set(present);
            CardPresence.Raise(PresenceChanged, this, before && !present, !before && present);
        }

        private PcscContext CurrentPollContext()
        {
            lock (pollContextLock)
            {
                return pollContext;
            }
        }

        private void SetPollContext(PcscContext context)
        {
            lock (pollContextLock)
            {
                if (pollContext != null)
                {
                    pollContext.Release();
                }

                pollContext = context;
            }
        }

        private bool SetPollContextIfOpen(PcscContext context)
        {
            lock (pollContextLock)
            {
                if (stopped.WaitOne(0, false))
                {
                    return false;
                }

                pollContext = context;
                return true;
            }
        }

        private void CancelPoll()
        {
            lock (pollContextLock)
            {
                if (pollContext != null)
                {
                    pollContext.Cancel();
                }
            }
        }
    }
}
