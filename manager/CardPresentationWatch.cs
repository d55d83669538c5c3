using EmbeddedSmartCard.Manager.Objects;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// Watches every reader for card presentations (pcsc.md §1.4): one SCardGetStatusChange over
    /// <c>\\?PnP?\Notification</c> and every reader, the reader list read again when the PnP event counter
    /// moves (readers come and go). A presentation is a card in a reader with an event counter (card
    /// insertions and removals, bits 16–31 of the event state) not yet reported, so a card left in its reader
    /// is reported once however many other changes it shows (power-up, a connection), and a card put back is
    /// new. The watch itself allocates nothing while the reader list stays the same.
    /// </summary>
    public sealed class CardPresentationWatch
    {
        private const int CounterMask = 0xFFFF;
        private const int NotReported = -1;

        private readonly SCardManager _manager;
        private readonly int _context;
        private ScardReaderState[] _states;
        private int[] _reportedCounters;
        private int _readerEvents;

        /// <summary>A watch of the readers of <paramref name="context"/>; <see cref="Refresh"/> lists them.</summary>
        public CardPresentationWatch(SCardManager manager, int context)
        {
            _manager = manager;
            _context = context;
            _states = new ScardReaderState[] { CardReader.UnawareEntry(ScardConstants.PnpNotification) };
            _reportedCounters = new int[] { NotReported };
        }

        /// <summary>
        /// When set, a card counts as presented only once it is powered (its ATR known) or mute (it did not
        /// answer at power-on), not while it is still UNPOWERED.
        /// </summary>
        public bool PoweredOrMuteOnly { get; set; }

        /// <summary>The readers watched now.</summary>
        public int ReaderCount
        {
            get { return _states.Length - 1; }
        }

        /// <summary>Re-lists the readers: known ones keep their entry and what was reported, new ones start
        /// UNAWARE, gone ones are forgotten (a reader that comes back is a new reader). The SCard code.</summary>
        public int Refresh()
        {
            string[] names;
            int result = _manager.ListReaders(_context, out names);
            if (result == ScardError.NoReadersAvailable)
            {
                names = new string[0];
            }
            else if (result != ScardError.Success)
            {
                return result;
            }

            ScardReaderState[] states = new ScardReaderState[names.Length + 1];
            int[] reported = new int[names.Length + 1];
            states[0] = _states[0];
            for (int i = 0; i < names.Length; i++)
            {
                int known = IndexOf(names[i]);
                states[i + 1] = known < 0 ? CardReader.UnawareEntry(names[i]) : _states[known];
                reported[i + 1] = known < 0 ? NotReported : _reportedCounters[known];
            }

            _states = states;
            _reportedCounters = reported;
            return ScardError.Success;
        }

        /// <summary>
        /// One SCardGetStatusChange of at most <paramref name="timeoutMillis"/> over every entry, then the
        /// reader list follows the PnP counter. The SCard code of the wait (SUCCESS, TIMEOUT, CANCELLED…).
        /// </summary>
        public int Wait(int timeoutMillis)
        {
            int result = _manager.GetStatusChange(_context, timeoutMillis, _states);
            if ((result == ScardError.Success || result == ScardError.Timeout) && TakeReaderChange())
            {
                Refresh();
            }

            return result;
        }

        /// <summary>
        /// Waits at most <paramref name="timeoutMillis"/> for a presentation not yet reported: a look first,
        /// then bounded waits until one shows or the time is up. SUCCESS with its entry, TIMEOUT, or the
        /// error of the wait; <paramref name="presentation"/> is null unless SUCCESS.
        /// </summary>
        public int WaitForPresentation(int timeoutMillis, out ScardReaderState presentation)
        {
            long deadline = BlockingWait.Deadline(timeoutMillis);
            int result = Wait(0);
            while (result == ScardError.Success || result == ScardError.Timeout)
            {
                presentation = NextPresentation();
                int remaining = BlockingWait.Remaining(deadline);
                if (presentation != null || remaining == 0)
                {
                    return presentation != null ? ScardError.Success : ScardError.Timeout;
                }

                result = Wait(remaining);
            }

            presentation = null;
            return result;
        }

        /// <summary>
        /// The first reader whose last look shows a presentation not reported yet, or null. The changed
        /// entries before it are taken as known (CurrentState = EventState); those after it stay changed, so
        /// the next wait returns at once for them.
        /// </summary>
        public ScardReaderState NextPresentation()
        {
            for (int i = 1; i < _states.Length; i++)
            {
                ScardReaderState state = _states[i];
                if ((state.EventState & ScardConstants.StateChanged) != 0)
                {
                    state.CurrentState = state.EventState & ~ScardConstants.StateChanged;
                }

                if (IsPresented(state) && Counter(state.EventState) != _reportedCounters[i])
                {
                    return state;
                }
            }

            return null;
        }

        /// <summary>Counts the presentation <paramref name="entry"/> (one of this watch's) shows as reported.</summary>
        public void MarkReported(ScardReaderState entry)
        {
            for (int i = 1; i < _states.Length; i++)
            {
                if (_states[i] == entry)
                {
                    _reportedCounters[i] = Counter(entry.EventState);
                }
            }
        }

        /// <summary>Counts the presentation in <paramref name="reader"/> now as reported (a fresh look). The SCard code.</summary>
        public int MarkReported(string reader)
        {
            int result = Refresh();
            if (result == ScardError.Success)
            {
                result = Wait(0);
            }

            int index = IndexOf(reader);
            if (index > 0)
            {
                MarkReported(_states[index]);
            }

            return result == ScardError.Timeout ? ScardError.Success : result;
        }

        /// <summary>
        /// True when the PnP entry's counter (reader arrivals and departures) moved since the last look, and
        /// takes the new count as known. GetStatusChange reports CHANGED only against a non-zero counter of the
        /// caller (or a move during the call), so the first arrival or departure between two calls is found
        /// here, by comparing the counter it fills in even on a time-out.
        /// </summary>
        private bool TakeReaderChange()
        {
            ScardReaderState pnp = _states[0];
            int count = Counter(pnp.EventState);
            pnp.CurrentState = count << ScardConstants.EventCounterShift;
            if (count == _readerEvents)
            {
                return false;
            }

            _readerEvents = count;
            return true;
        }

        private bool IsPresented(ScardReaderState state)
        {
            int flags = state.EventState;
            if ((flags & ScardConstants.StatePresent) == 0)
            {
                return false;
            }

            bool answered = (flags & ScardConstants.StateMute) != 0
                || (state.AtrLength > 0 && (flags & ScardConstants.StateUnpowered) == 0);
            return answered || !PoweredOrMuteOnly;
        }

        private int IndexOf(string reader)
        {
            for (int i = 1; i < _states.Length; i++)
            {
                if (_states[i].Reader == reader)
                {
                    return i;
                }
            }

            return -1;
        }

        private static int Counter(int state)
        {
            return (state >> ScardConstants.EventCounterShift) & CounterMask;
        }
    }
}
