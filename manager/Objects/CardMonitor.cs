using System;

namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>
    /// Watches the cards of a fixed set of readers (pcsc-sharp's SCardMonitor). <see cref="Initialized"/>
    /// reports every reader's state at Start, cards already present included; then, per change,
    /// <see cref="StatusChanged"/> followed by <see cref="CardInserted"/> / <see cref="CardRemoved"/>.
    /// Unlike pcsc-sharp a card swapped between two looks is not missed: the reader's event counter
    /// (bits 16–31) moved, so a removal and an insertion are both reported even though the reader was
    /// PRESENT both times (and an insertion and a removal for a card that came and went). A reader that
    /// leaves is reported by StatusChanged (UNKNOWN or UNAVAILABLE) and, if it held a card, CardRemoved.
    /// </summary>
    public sealed class CardMonitor : StatusMonitor
    {
        private const int PresenceMask = ScardConstants.StatePresent;

        private ScardReaderState[] watched = new ScardReaderState[0];

        public CardMonitor(SCardManager manager)
            : base(manager)
        {
        }

        /// <summary>Every watched reader's state at Start (PreviousState UNAWARE).</summary>
        public event CardEventHandler Initialized;

        /// <summary>Any change of a watched reader's state.</summary>
        public event CardEventHandler StatusChanged;

        public event CardEventHandler CardInserted;

        public event CardEventHandler CardRemoved;

        /// <summary>The watched readers, in the order given to Start.</summary>
        public string[] ReaderNames
        {
            get
            {
                string[] names = new string[watched.Length];
                for (int i = 0; i < names.Length; i++)
                {
                    names[i] = watched[i].Reader;
                }

                return names;
            }
        }

        public void Start(string readerName)
        {
            Start(new string[] { readerName });
        }

        /// <summary>Starts watching <paramref name="readerNames"/> (ArgumentException when none is given).</summary>
        public void Start(string[] readerNames)
        {
            if (readerNames == null || readerNames.Length == 0)
            {
                throw new ArgumentException("no reader to watch");
            }

            ScardReaderState[] states = new ScardReaderState[readerNames.Length];
            for (int i = 0; i < states.Length; i++)
            {
                states[i] = new ScardReaderState();
                states[i].Reader = readerNames[i];
                states[i].CurrentState = ScardConstants.StateUnaware;
            }

            watched = states;
            StartWatching(states);
        }

        protected override void OnInitialized(ScardReaderState[] states)
        {
            for (int i = 0; i < states.Length; i++)
            {
                Raise(Initialized, states[i]);
            }
        }

        protected override void OnChanged(ScardReaderState[] states)
        {
            for (int i = 0; i < states.Length; i++)
            {
                if ((states[i].EventState & ScardConstants.StateChanged) != 0)
                {
                    ReportChange(states[i]);
                }
            }
        }

        private void ReportChange(ScardReaderState state)
        {
            Raise(StatusChanged, state);
            bool wasPresent = (state.CurrentState & PresenceMask) != 0;
            bool isPresent = (state.EventState & PresenceMask) != 0;
            bool cardEvents = Counter(state.CurrentState) != Counter(state.EventState);
            if (wasPresent && (!isPresent || cardEvents))
            {
                Raise(CardRemoved, state);
            }

            if (isPresent && (!wasPresent || cardEvents))
            {
                Raise(CardInserted, state);
            }

            if (!wasPresent && !isPresent && cardEvents)
            {
                // A card came and went between two looks.
                Raise(CardInserted, state);
                Raise(CardRemoved, state);
            }
        }

        private static int Counter(int state)
        {
            return (state >> ScardConstants.EventCounterShift) & 0xFFFF;
        }

        private void Raise(CardEventHandler handler, ScardReaderState state)
        {
            if (handler == null)
            {
                return;
            }

            byte[] atr = new byte[state.AtrLength];
            Array.Copy(state.Atr, atr, atr.Length);
            handler(this, new CardEventArgs(state.Reader, state.CurrentState, state.EventState, atr));
        }
    }
}
