using System.Threading;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Manager
{
    /// <summary>Helpers for the GetStatusChange, Cancel, power and supervision tests.</summary>
    internal static class StatusChangeHelpers
    {
        /// <summary>Bound on any one wait in these tests: generous, only reached when something is broken.</summary>
        public const int Patience = 10000;

        public static ScardReaderState Entry(string reader, int currentState)
        {
            ScardReaderState entry = new ScardReaderState();
            entry.Reader = reader;
            entry.CurrentState = currentState;
            return entry;
        }

        /// <summary>
        /// The application loop: GetStatusChange, copy EventState into CurrentState, until the entry shows
        /// every bit of <paramref name="wanted"/> and none of <paramref name="unwanted"/>. Returns whether it did.
        /// </summary>
        public static bool WaitFor(SCardManager manager, int context, ScardReaderState entry, int wanted, int unwanted)
        {
            ScardReaderState[] states = new ScardReaderState[] { entry };
            for (int round = 0; round < 50; round++)
            {
                int result = manager.GetStatusChange(context, round == 0 ? 0 : Patience / 10, states);
                if (result != ScardError.Success && result != ScardError.Timeout)
                {
                    return false;
                }

                if ((entry.EventState & wanted) == wanted && (entry.EventState & unwanted) == 0)
                {
                    return true;
                }

                entry.CurrentState = entry.EventState & ~ScardConstants.StateChanged;
            }

            return false;
        }

        /// <summary>The event counter in bits 16–31 of a state word.</summary>
        public static int Counter(int state)
        {
            return (state >> ScardConstants.EventCounterShift) & 0xFFFF;
        }

        /// <summary>The state flags without the counter.</summary>
        public static int Flags(int state)
        {
            return state & 0xFFFF;
        }
    }

    /// <summary>A GetStatusChange running on its own thread, as a blocked application would.</summary>
    internal sealed class BlockedStatusChange
    {
        private readonly SCardManager manager;
        private readonly int context;
        private readonly int timeout;
        private readonly Thread thread;
        private readonly ManualResetEvent started = new ManualResetEvent(false);

        public readonly ScardReaderState[] States;
        public int Result = -1;

        public BlockedStatusChange(SCardManager manager, int context, int timeout, ScardReaderState[] states)
        {
            this.manager = manager;
            this.context = context;
            this.timeout = timeout;
            States = states;
            int before = manager.GetBlockedCallCount(context);
            thread = new Thread(Run);
            thread.Start();
            started.WaitOne(StatusChangeHelpers.Patience, false);
            WaitUntilBlocked(manager, context, before + 1);
        }

        /// <summary>Waits (bounded) until <paramref name="count"/> calls of the context are blocked or this one returned.</summary>
        public void WaitUntilBlocked(SCardManager target, int owner, int count)
        {
            for (int i = 0; i < StatusChangeHelpers.Patience && Result == -1 && target.GetBlockedCallCount(owner) < count; i++)
            {
                Thread.Sleep(1);
            }
        }

        /// <summary>True when the call returned within the patience bound.</summary>
        public bool Finish()
        {
            return thread.Join(StatusChangeHelpers.Patience);
        }

        /// <summary>True while the call is still blocked after <paramref name="millis"/>.</summary>
        public bool StillBlockedAfter(int millis)
        {
            return !thread.Join(millis);
        }

        private void Run()
        {
            started.Set();
            Result = manager.GetStatusChange(context, timeout, States);
        }
    }
}
