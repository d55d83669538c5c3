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
            return Context.GetReaderStates(new string[] { Name })[0];
        }

        /// <summary>SCardConnect to this reader.</summary>
        public CardConnection Connect(int shareMode, int preferredProtocols)
        {
            return Context.Connect(Name, shareMode, preferredProtocols);
        }

        /// <summary>A GetStatusChange entry for <paramref name="readerName"/> that knows nothing yet (UNAWARE).</summary>
        internal static ScardReaderState UnawareEntry(string readerName)
        {
            ScardReaderState entry = new ScardReaderState();
            entry.Reader = readerName;
            entry.CurrentState = ScardConstants.StateUnaware;
            return entry;
        }
    }
}
