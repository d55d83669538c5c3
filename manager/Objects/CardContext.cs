using System;

namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>
    /// An application context (SCardEstablishContext … SCardReleaseContext) in the object manner of
    /// pcsc-sharp: calls throw the <see cref="PcscException"/> subclass of their code instead of returning
    /// it. Dispose releases the context, which disconnects its connections (LEAVE_CARD) and wakes its
    /// blocked calls. One context may be used from several threads (see manager/README.md).
    /// </summary>
    public sealed class CardContext : IDisposable
    {
        private readonly SCardManager manager;
        private int handle;

        /// <summary>A SYSTEM-scope context of <paramref name="manager"/>.</summary>
        public CardContext(SCardManager manager)
            : this(manager, ScardConstants.ScopeSystem)
        {
        }

        public CardContext(SCardManager manager, int scope)
        {
            if (manager == null)
            {
                throw new ArgumentNullException("manager");
            }

            this.manager = manager;
            int established;
            PcscExceptions.Check(manager.EstablishContext(scope, out established));
            handle = established;
        }

        /// <summary>A SYSTEM-scope context of the default manager behind the static <see cref="SCard"/> calls.</summary>
        public static CardContext Establish()
        {
            return new CardContext(SCard.Manager);
        }

        public SCardManager Manager
        {
            get { return manager; }
        }

        /// <summary>The SCARDCONTEXT value; 0 once released.</summary>
        public int Handle
        {
            get { return handle; }
        }

        /// <summary>SCardIsValidContext, without throwing.</summary>
        public bool IsValid
        {
            get { return manager.IsValidContext(handle) == ScardError.Success; }
        }

        /// <summary>The reader names; an empty array when there are none (as pcsc-sharp does, not an exception).</summary>
        public string[] GetReaders()
        {
            string[] readers;
            int result = manager.ListReaders(handle, out readers);
            if (result == ScardError.NoReadersAvailable)
            {
                return new string[0];
            }

            PcscExceptions.Check(result);
            return readers;
        }

        /// <summary>SCardListReaderGroups.</summary>
        public string[] GetReaderGroups()
        {
            string[] groups;
            PcscExceptions.Check(manager.ListReaderGroups(handle, out groups));
            return groups;
        }

        /// <summary>
        /// SCardGetStatusChange: waits until a reader in <paramref name="states"/> differs from its
        /// CurrentState (timeout in milliseconds, 0 to look once, ScardConstants.Infinite); false when the
        /// timeout passed. CancelledException when <see cref="Cancel"/> or Dispose woke it.
        /// </summary>
        public bool GetStatusChange(int timeoutMillis, ScardReaderState[] states)
        {
            int result = manager.GetStatusChange(handle, timeoutMillis, states);
            if (result == ScardError.Timeout)
            {
                return false;
            }

            PcscExceptions.Check(result);
            return true;
        }

        /// <summary>
        /// The state of each reader in <paramref name="readerNames"/> now (SCardGetStatusChange with timeout 0
        /// from UNAWARE), as pcsc-sharp's GetReaderStatus: EventState with the event counter in bits 16–31,
        /// the ATR; an unknown name comes back UNKNOWN.
        /// </summary>
        public ScardReaderState[] GetReaderStates(string[] readerNames)
        {
            if (readerNames == null)
            {
                throw new ArgumentNullException("readerNames");
            }

            ScardReaderState[] states = new ScardReaderState[readerNames.Length];
            for (int i = 0; i < states.Length; i++)
            {
                states[i] = CardReader.UnawareEntry(readerNames[i]);
            }

            GetStatusChange(0, states);
            return states;
        }

        /// <summary>SCardCancel: every call of this context blocked now throws CancelledException.</summary>
        public void Cancel()
        {
            PcscExceptions.Check(manager.Cancel(handle));
        }

        /// <summary>A reader of this context by its exact name (UnknownReaderException when it is not listed).</summary>
        public CardReader GetReader(string name)
        {
            string[] readers = GetReaders();
            for (int i = 0; i < readers.Length; i++)
            {
                if (readers[i] == name)
                {
                    return new CardReader(this, name);
                }
            }

            throw new UnknownReaderException();
        }

        /// <summary>SCardConnect: a connection to the card (or, with SHARE_DIRECT, the reader) of <paramref name="reader"/>.</summary>
        public CardConnection Connect(string reader, int shareMode, int preferredProtocols)
        {
            int cardHandle;
            int protocol;
            PcscExceptions.Check(manager.Connect(handle, reader, shareMode, preferredProtocols, out cardHandle, out protocol));
            return new CardConnection(this, reader, cardHandle, shareMode, protocol);
        }

        /// <summary>SCardReleaseContext; releasing twice is harmless.</summary>
        public void Release()
        {
            PcscExceptions.Check(ReleaseOnce());
        }

        /// <summary>Releases the context; never throws (a manager already closed has released it).</summary>
        public void Dispose()
        {
            ReleaseOnce();
        }

        private int ReleaseOnce()
        {
            int released = handle;
            handle = 0;
            return released == 0 ? ScardError.Success : manager.ReleaseContext(released);
        }
    }
}
