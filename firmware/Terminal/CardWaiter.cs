using System;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Objects;

namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>
    /// Waits for a card presentation on any reader: one SCardGetStatusChange over every reader and
    /// \\?PnP?\Notification, so readers that arrive during the wait are watched too (pcsc.md §1.4). A
    /// presentation is a reader with a card and an event count (bits 16–31 of the event state) not yet
    /// reported, so a card left on the reader is reported once, and a card put back is new.
    /// </summary>
    public sealed class CardWaiter
    {
        private const int EventCounterMask = 0xFFFF;
        private const long TicksPerMillisecond = 10000;

        private readonly CardContext context;
        private string reportedReader;
        private int reportedCounter = -1;

        public CardWaiter(CardContext context)
        {
            this.context = context;
        }

        /// <summary>Waits at most <paramref name="timeoutMillis"/> for a presentation not yet reported; the reader's name, or null on timeout.</summary>
        public string WaitForCard(int timeoutMillis)
        {
            long deadline = DateTime.UtcNow.Ticks + timeoutMillis * TicksPerMillisecond;
            ScardReaderState[] states = Snapshot();
            while (true)
            {
                string reader = FirstNewCard(states);
                if (reader != null)
                {
                    return reader;
                }

                int remaining = (int)((deadline - DateTime.UtcNow.Ticks) / TicksPerMillisecond);
                if (remaining <= 0)
                {
                    return null;
                }

                context.GetStatusChange(remaining, states);
                states = ReadersChanged(states) ? Snapshot() : Acknowledge(states);
            }
        }

        /// <summary>Remembers the presentation now in <paramref name="reader"/> as reported (its current event count).</summary>
        public void MarkReported(string reader)
        {
            ScardReaderState[] states = context.GetReaderStates(new string[] { reader });
            reportedReader = reader;
            reportedCounter = Counter(states[0]);
        }

        /// <summary>Every reader, then the PnP entry, read at once (from UNAWARE) and taken as known.</summary>
        private ScardReaderState[] Snapshot()
        {
            string[] readers = context.GetReaders();
            ScardReaderState[] states = new ScardReaderState[readers.Length + 1];
            for (int i = 0; i <= readers.Length; i++)
            {
                states[i] = new ScardReaderState();
                states[i].Reader = i < readers.Length ? readers[i] : ScardConstants.PnpNotification;
                states[i].CurrentState = ScardConstants.StateUnaware;
            }

            context.GetStatusChange(0, states);
            return Acknowledge(states);
        }

        private string FirstNewCard(ScardReaderState[] states)
        {
            for (int i = 0; i < states.Length - 1; i++)
            {
                ScardReaderState state = states[i];
                bool present = (state.EventState & ScardConstants.StatePresent) != 0;
                if (present && !(state.Reader == reportedReader && Counter(state) == reportedCounter))
                {
                    return state.Reader;
                }
            }

            return null;
        }

        /// <summary>True when the PnP entry changed or a watched reader is gone: the reader list is read again.</summary>
        private static bool ReadersChanged(ScardReaderState[] states)
        {
            for (int i = 0; i < states.Length; i++)
            {
                bool changed = (states[i].EventState & ScardConstants.StateChanged) != 0;
                bool isPnp = i == states.Length - 1;
                bool gone = (states[i].EventState & (ScardConstants.StateUnknown | ScardConstants.StateIgnore)) != 0;
                if ((isPnp && changed) || (!isPnp && gone))
                {
                    return true;
                }
            }

            return false;
        }

        private static ScardReaderState[] Acknowledge(ScardReaderState[] states)
        {
            for (int i = 0; i < states.Length; i++)
            {
                states[i].CurrentState = states[i].EventState & ~ScardConstants.StateChanged;
            }

            return states;
        }

        private static int Counter(ScardReaderState state)
        {
            return (state.EventState >> ScardConstants.EventCounterShift) & EventCounterMask;
        }
    }
}
