using EmbeddedSmartCard.Boards;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// The SCard* functions as static calls, the way C code and pcsc-sharp's interop layer see them,
    /// over one default <see cref="SCardManager"/>. Call <see cref="Configure(IBoard)"/> once at start-up
    /// with the board whose readers it serves; until then the manager has no readers.
    /// </summary>
    public static class SCard
    {
        private static readonly object ConfigureLock = new object();
        private static SCardManager current = new SCardManager();

        /// <summary>The manager behind the static calls.</summary>
        public static SCardManager Manager
        {
            get
            {
                lock (ConfigureLock)
                {
                    return current;
                }
            }
        }

        /// <summary>Serves the readers of <paramref name="board"/> from now on; the previous manager is closed.</summary>
        public static void Configure(IBoard board)
        {
            Configure(new SCardManager(board));
        }

        /// <summary>Makes <paramref name="manager"/> the default; the previous one is closed.</summary>
        public static void Configure(SCardManager manager)
        {
            SCardManager previous;
            lock (ConfigureLock)
            {
                previous = current;
                current = manager == null ? new SCardManager() : manager;
            }

            if (previous != current)
            {
                previous.Dispose();
            }
        }

        public static int EstablishContext(int scope, out int context)
        {
            return Manager.EstablishContext(scope, out context);
        }

        public static int ReleaseContext(int context)
        {
            return Manager.ReleaseContext(context);
        }

        public static int IsValidContext(int context)
        {
            return Manager.IsValidContext(context);
        }

        public static int ListReaders(int context, out string[] readers)
        {
            return Manager.ListReaders(context, out readers);
        }

        public static int ListReaders(int context, char[] buffer, out int length)
        {
            return Manager.ListReaders(context, buffer, out length);
        }

        public static int ListReaderGroups(int context, out string[] groups)
        {
            return Manager.ListReaderGroups(context, out groups);
        }

        public static int GetStatusChange(int context, int timeoutMillis, ScardReaderState[] states)
        {
            return Manager.GetStatusChange(context, timeoutMillis, states);
        }

        public static int Cancel(int context)
        {
            return Manager.Cancel(context);
        }

        public static int Connect(int context, string reader, int shareMode, int preferredProtocols, out int handle, out int activeProtocol)
        {
            return Manager.Connect(context, reader, shareMode, preferredProtocols, out handle, out activeProtocol);
        }

        public static int Status(int handle, out string readerName, out int state, out int protocol, byte[] atr, out int atrLength)
        {
            return Manager.Status(handle, out readerName, out state, out protocol, atr, out atrLength);
        }

        public static int Transmit(int handle, int sendProtocol, byte[] send, int sendOffset, int sendLength,
                                   byte[] receive, int receiveOffset, int receiveCapacity, out int receiveLength)
        {
            return Manager.Transmit(handle, sendProtocol, send, sendOffset, sendLength, receive, receiveOffset, receiveCapacity, out receiveLength);
        }

        public static int Disconnect(int handle, int disposition)
        {
            return Manager.Disconnect(handle, disposition);
        }

        public static int Reconnect(int handle, int shareMode, int preferredProtocols, int initialization, out int activeProtocol)
        {
            return Manager.Reconnect(handle, shareMode, preferredProtocols, initialization, out activeProtocol);
        }

        public static int BeginTransaction(int handle)
        {
            return Manager.BeginTransaction(handle);
        }

        public static int BeginTransaction(int handle, int timeoutMillis)
        {
            return Manager.BeginTransaction(handle, timeoutMillis);
        }

        public static int EndTransaction(int handle, int disposition)
        {
            return Manager.EndTransaction(handle, disposition);
        }

        public static int Control(int handle, int controlCode, byte[] send, int sendOffset, int sendLength,
                                  byte[] receive, int receiveOffset, int receiveCapacity, out int bytesReturned)
        {
            return Manager.Control(handle, controlCode, send, sendOffset, sendLength, receive, receiveOffset, receiveCapacity, out bytesReturned);
        }

        public static int GetAttrib(int handle, int attributeId, byte[] buffer, int offset, int capacity, out int attributeLength)
        {
            return Manager.GetAttrib(handle, attributeId, buffer, offset, capacity, out attributeLength);
        }

        public static int SetAttrib(int handle, int attributeId, byte[] buffer, int offset, int length)
        {
            return Manager.SetAttrib(handle, attributeId, buffer, offset, length);
        }
    }
}
