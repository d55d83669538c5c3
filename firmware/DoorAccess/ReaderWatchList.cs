using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// The GetStatusChange entries the controller waits on: <c>\\?PnP?\Notification</c> first, then every
    /// reader, rebuilt when readers come and go. It remembers, in each reader's entry (its UserData), the event
    /// counter (card insertions and removals, bits 16–31 of the event state) of the presentation already
    /// decided, so each presentation gets exactly one decision however many other changes (power-up, our own
    /// connect) it reports.
    /// </summary>
    public sealed class ReaderWatchList
    {
        private const int CounterMask = 0xFFFF;

        private ScardReaderState[] _states;
        private int _readerEvents;

        public ReaderWatchList()
        {
            ScardReaderState pnp = new ScardReaderState();
            pnp.Reader = ScardConstants.PnpNotification;
            _states = new ScardReaderState[] { pnp };
        }

        /// <summary>The entries: [0] is the PnP notification, the readers follow.</summary>
        public ScardReaderState[] States
        {
            get { return _states; }
        }

        /// <summary>Re-lists the readers: known ones keep their entry, new ones start UNAWARE, gone ones are
        /// forgotten (a reader that comes back is a new reader with a new counter). The SCard code.</summary>
        public int Refresh(SCardManager manager, int context)
        {
            string[] names;
            int result = manager.ListReaders(context, out names);
            if (result == ScardError.NoReadersAvailable)
            {
                names = new string[0];
            }
            else if (result != ScardError.Success)
            {
                return result;
            }

            ScardReaderState[] states = new ScardReaderState[names.Length + 1];
            states[0] = _states[0];
            for (int i = 0; i < names.Length; i++)
            {
                states[i + 1] = Find(names[i]);
            }

            _states = states;
            return ScardError.Success;
        }

        /// <summary>
        /// True when the PnP entry's counter (reader arrivals and departures) moved since the last look, and
        /// takes the new count as known. GetStatusChange reports CHANGED only against a non-zero counter of the
        /// caller (or a move during the call), so the first arrival or departure between two calls is found
        /// here, by comparing the counter it fills in even on a time-out.
        /// </summary>
        public bool TakeReaderChange()
        {
            ScardReaderState pnp = _states[0];
            int count = (pnp.EventState >> ScardConstants.EventCounterShift) & CounterMask;
            pnp.CurrentState = count << ScardConstants.EventCounterShift;
            if (count == _readerEvents)
            {
                return false;
            }

            _readerEvents = count;
            return true;
        }

        /// <summary>
        /// True when the entry shows a card presentation not decided yet: a card present and powered (its ATR
        /// known) or mute (it did not answer at power-on). Marks it decided.
        /// </summary>
        public bool TakeNewPresentation(ScardReaderState state)
        {
            int flags = state.EventState;
            bool present = (flags & ScardConstants.StatePresent) != 0;
            bool mute = (flags & ScardConstants.StateMute) != 0;
            if (!present || (!mute && (state.AtrLength == 0 || (flags & ScardConstants.StateUnpowered) != 0)))
            {
                return false;
            }

            int counter = (flags >> ScardConstants.EventCounterShift) & CounterMask;
            if (state.UserData != null && (int)state.UserData == counter)
            {
                return false;
            }

            state.UserData = counter;
            return true;
        }

        private ScardReaderState Find(string name)
        {
            for (int i = 1; i < _states.Length; i++)
            {
                if (_states[i].Reader == name)
                {
                    return _states[i];
                }
            }

            ScardReaderState state = new ScardReaderState();
            state.Reader = name;
            state.CurrentState = ScardConstants.StateUnaware;
            return state;
        }
    }
}
