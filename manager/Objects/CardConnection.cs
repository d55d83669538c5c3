using System;

namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>
    /// A card handle (SCardConnect … SCardDisconnect) whose calls throw the <see cref="PcscException"/> of
    /// their code. After another handle resets or removes the card, the next call throws
    /// <see cref="ResetCardException"/> or <see cref="RemovedCardException"/> until the connection is
    /// reconnected. Dispose disconnects with LEAVE_CARD and never throws.
    /// </summary>
    public sealed partial class CardConnection : IDisposable
    {
        /// <summary>Receive buffer of the allocating <see cref="Transmit(byte[])"/>: a short APDU's (pcsc-lite MAX_BUFFER_SIZE).</summary>
        public const int DefaultReceiveBufferSize = ScardConstants.MaxBufferSize;

        private readonly SCardManager manager;
        private int handle;

        internal CardConnection(CardContext context, string readerName, int handle, int shareMode, int protocol)
        {
            Context = context;
            manager = context.Manager;
            ReaderName = readerName;
            this.handle = handle;
            ShareMode = shareMode;
            Protocol = protocol;
            ReceiveBufferSize = DefaultReceiveBufferSize;
        }

        public CardContext Context { get; private set; }

        public string ReaderName { get; private set; }

        /// <summary>The SCARDHANDLE value; 0 once disconnected.</summary>
        public int Handle
        {
            get { return handle; }
        }

        /// <summary>ScardConstants.ShareExclusive, ShareShared or ShareDirect.</summary>
        public int ShareMode { get; private set; }

        /// <summary>The active protocol of the last Connect or Reconnect.</summary>
        public int Protocol { get; private set; }

        public bool IsConnected
        {
            get { return handle != 0; }
        }

        /// <summary>Size of the buffer <see cref="Transmit(byte[])"/> receives into (raise it for extended APDUs).</summary>
        public int ReceiveBufferSize { get; set; }

        /// <summary>SCardTransmit with caller buffers (allocates nothing); returns the response length.</summary>
        public int Transmit(byte[] send, int sendOffset, int sendLength, byte[] receive, int receiveOffset, int receiveCapacity)
        {
            int received;
            PcscExceptions.Check(manager.Transmit(handle, Protocol, send, sendOffset, sendLength, receive, receiveOffset, receiveCapacity, out received));
            return received;
        }

        /// <summary>SCardTransmit of a whole command; the response (data and SW1 SW2) in a new array.</summary>
        public byte[] Transmit(byte[] command)
        {
            if (command == null)
            {
                throw new ArgumentNullException("command");
            }

            byte[] receive = new byte[ReceiveBufferSize];
            return Prefix(receive, Transmit(command, 0, command.Length, receive, 0, receive.Length));
        }

        /// <summary>SCardStatus: reader name, card state, protocol and ATR.</summary>
        public CardStatus GetStatus()
        {
            byte[] atr = new byte[ScardConstants.MaxAtrSize];
            string name;
            int state;
            int protocol;
            int atrLength;
            PcscExceptions.Check(manager.Status(handle, out name, out state, out protocol, atr, out atrLength));
            return new CardStatus(name, state, protocol, Prefix(atr, atrLength));
        }

        /// <summary>SCardDisconnect with a disposition (ScardConstants.LeaveCard, ResetCard, UnpowerCard, EjectCard).</summary>
        public void Disconnect(int disposition)
        {
            int closing = handle;
            if (closing == 0)
            {
                return;
            }

            int result = manager.Disconnect(closing, disposition);
            if (result != ScardError.InvalidValue)
            {
                // Closed (or already invalid, e.g. after its context was released): never retried.
                handle = 0;
            }

            PcscExceptions.Check(result);
        }

        /// <summary>Disconnects with LEAVE_CARD; never throws.</summary>
        public void Dispose()
        {
            int closing = handle;
            handle = 0;
            if (closing != 0)
            {
                manager.Disconnect(closing, ScardConstants.LeaveCard);
            }
        }
    }
}
