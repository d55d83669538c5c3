namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>A reader seen through a <see cref="CardContext"/>: its name and the ways to reach its card.</summary>
    public sealed class CardReader
    {
        internal CardReader(CardContext context, string name)
        {
            Context = context;
            Name = name;
        }

        public CardContext Context { get; private set; }

        /// <summary>The PC/SC reader name, "Name [interface] (serial) RR SS".</summary>
        public string Name { get; private set; }

        /// <summary>
        /// The reader's state now (SCardGetStatusChange with timeout 0 from UNAWARE): EventState holds the
        /// SCARD_STATE_* flags with the event counter in bits 16–31, Atr the card's ATR.
        /// </summary>
        public ScardReaderState GetState()
        {
            ScardReaderState state = new ScardReaderState();
            state.Reader = Name;
            state.CurrentState = ScardConstants.StateUnaware;
            Context.GetStatusChange(0, new ScardReaderState[] { state });
            return state;
        }

        /// <summary>SCardConnect to this reader.</summary>
        public CardConnection Connect(int shareMode, int preferredProtocols)
        {
            return Context.Connect(Name, shareMode, preferredProtocols);
        }
    }
}
