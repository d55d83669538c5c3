namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>What SCardStatus reports for a connection.</summary>
    public sealed class CardStatus
    {
        internal CardStatus(string readerName, int state, int protocol, byte[] atr)
        {
            ReaderName = readerName;
            State = state;
            Protocol = protocol;
            Atr = atr;
        }

        public string ReaderName { get; private set; }

        /// <summary>pcsc-lite card state flags (ScardConstants.Present, Powered, Specific …) with the event counter in bits 16–31.</summary>
        public int State { get; private set; }

        /// <summary>The active protocol (ScardConstants.ProtocolT0/T1/Raw), undefined on a DIRECT connection without one.</summary>
        public int Protocol { get; private set; }

        /// <summary>The ATR; empty when the card is not powered.</summary>
        public byte[] Atr { get; private set; }

        /// <summary>True when the card is in the reader.</summary>
        public bool IsPresent
        {
            get { return (State & ScardConstants.Present) != 0; }
        }
    }
}
