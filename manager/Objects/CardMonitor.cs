using System;
using System.Collections;

namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>
    /// Watches the cards of readers (pcsc-sharp's SCardMonitor). <see cref="Initialized"/> reports every
    /// reader's state at Start, cards already present included; then, per change, <see cref="StatusChanged"/>
    /// followed by <see cref="CardInserted"/> / <see cref="CardRemoved"/>. Unlike pcsc-sharp:
    /// a card swapped between two looks is not missed (the reader's event counter, bits 16–31, moved while
    /// PRESENT both times: a removal and an insertion are reported; likewise an insertion and a removal for
    /// a card that came and went); and <see cref="StartAll"/> follows readers attached and detached while it
    /// runs (the \\?PnP?\Notification entry), where pcsc-sharp's reader list is fixed at Start. A reader that
    /// leaves is reported by StatusChanged (UNKNOWN) and, if it held a card, CardRemoved.
    /// </summary>
    public sealed class CardMonitor : StatusMonitor
    {
        /// <summary>The per-reader event counter is the high 16 bits of a state word (pcsc.md §1.4 step 7).</summary>
        private const int CounterMask = 0xFFFF;

        private ScardReaderState[] watched = new ScardReaderState[0];
        private bool followReaders;

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

        /// <summary>The watched readers now.</summary>
        public string[] ReaderNames
        {
            get
            {
                ScardReaderState[] states = watched;
                ArrayList names = new ArrayList();
                for (int i = 0; i < states.Length; i++)
                {
                    if (!IsPnp(states[i]))
                    {
                        names.Add(states[i].Reader);
                    }
                }

                return (string[])names.ToArray(typeof(string));
            }
        }

        public void Start(string readerName)
        {
            Start(new string[] { readerName });
        }

        /// <summary>Starts watching <paramref name="readerNames"/>, a fixed set (ArgumentException when none is given).</summary>
        public void Start(string[] readerNames)
        {
            if (readerNames == null || readerNames.Length == 0)
            {
                throw new ArgumentException("no reader to watch");
            }

            followReaders = false;
            StartWith(readerNames);
        }

        /// <summary>Starts watching every reader, including those attached later; detached ones are dropped.</summary>
        public void StartAll()
        {
            followReaders = true;
            StartWith(new string[] { ScardConstants.PnpNotification });
        }

        protected override ScardReaderState[] OnInitialized(ScardReaderState[] states)
        {
            for (int i = 0; i < states.Length; i++)
            {
                if (!IsPnp(states[i]))
                {
                    Raise(Initialized, states[i]);
                }
            }

            // The readers of StartAll join as new entries: their first state is reported as a change.
            return Follow(states);
        }

        protected override ScardReaderState[] OnChanged(ScardReaderState[] states)
        {
            bool readersChanged = false;
            for (int i = 0; i < states.Length; i++)
            {
                if ((states[i].EventState & ScardConstants.StateChanged) == 0)
                {
                    continue;
                }

                if (IsPnp(states[i]))
                {
                    readersChanged = true;
                }
                else
                {
                    ReportChange(states[i]);
                }
            }

            return readersChanged ? Follow(states) : states;
        }

        private void StartWith(string[] readerNames)
        {
            ScardReaderState[] states = new ScardReaderState[readerNames.Length];
            for (int i = 0; i < states.Length; i++)
            {
                states[i] = CardReader.UnawareEntry(readerNames[i]);
            }

            watched = states;
            StartWatching(states);
        }

        /// <summary>
        /// In StartAll mode, the entries for the readers listed now: the PnP entry and the known ones kept
        /// (with their states), new readers added from UNAWARE, readers gone dropped.
        /// </summary>
        private ScardReaderState[] Follow(ScardReaderState[] states)
        {
            if (!followReaders)
            {
                return states;
            }

            string[] readers = ListReaders();
            ArrayList next = new ArrayList();
            ArrayList known = new ArrayList();
            for (int i = 0; i < states.Length; i++)
            {
                if (IsPnp(states[i]) || ReaderNameSet.Contains(readers, states[i].Reader))
                {
                    next.Add(states[i]);
                    known.Add(states[i].Reader);
                }
            }

            string[] added = ReaderNameSet.Missing(readers, (string[])known.ToArray(typeof(string)));
            for (int i = 0; i < added.Length; i++)
            {
                next.Add(CardReader.UnawareEntry(added[i]));
            }

            ScardReaderState[] result = (ScardReaderState[])next.ToArray(typeof(ScardReaderState));
            watched = result;
            return result;
        }

        private void ReportChange(ScardReaderState state)
        {
            Raise(StatusChanged, state);
            bool wasPresent = IsPresent(state.CurrentState);
            bool isPresent = IsPresent(state.EventState);
            bool cardEvents = Counter(state.CurrentState) != Counter(state.EventState);
            if (wasPresent && (!isPresent || cardEvents))
            {
                Raise(CardRemoved, state);
            }

            if (isPresent && (!wasPresent || cardEvents))
            {
                Raise(CardInserted, state);
            }

            if (!wasPresent && !isPresent && cardEvents && state.CurrentState != ScardConstants.StateUnaware)
            {
                // A card came and went between two looks.
                Raise(CardInserted, state);
                Raise(CardRemoved, state);
            }
        }

        private static bool IsPnp(ScardReaderState state)
        {
            return state.Reader == ScardConstants.PnpNotification;
        }

        private static bool IsPresent(int state)
        {
            return (state & ScardConstants.StatePresent) != 0;
        }

        private static int Counter(int state)
        {
            return (state >> ScardConstants.EventCounterShift) & CounterMask;
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
