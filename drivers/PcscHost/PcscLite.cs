using System.Runtime.InteropServices;

namespace EmbeddedSmartCard.Drivers.PcscHost
{
    /// <summary>
    /// The libpcsclite.so.1 entry points the host reader uses, declared with the Linux x64 ABI of pcsc-lite:
    /// DWORD and LONG are C <c>unsigned long</c> / <c>long</c>, 8 bytes, and so are SCARDCONTEXT and SCARDHANDLE
    /// (reference peers.md, "pcscd with vpcd"): every one of them is <c>nint</c>/<c>nuint</c> here, and LONG
    /// results come back as <c>long</c>. Buffers are passed as pointers into pinned caller arrays, so a call
    /// allocates nothing. Strings are ASCII (pcsc-lite reader names are char*).
    /// </summary>
    internal static unsafe class PcscLite
    {
        private const string Library = "libpcsclite.so.1";

        [DllImport(Library)]
        public static extern long SCardEstablishContext(nuint scope, void* reserved1, void* reserved2, nint* context);

        [DllImport(Library)]
        public static extern long SCardReleaseContext(nint context);

        [DllImport(Library)]
        public static extern long SCardCancel(nint context);

        /// <summary>A multi-string (names, each NUL-terminated, then a final NUL); <paramref name="length"/> counts chars incl. the NULs.</summary>
        [DllImport(Library)]
        public static extern long SCardListReaders(nint context, byte* groups, byte* readers, nuint* length);

        [DllImport(Library)]
        public static extern long SCardGetStatusChange(nint context, nuint timeoutMillis, PcscReaderStateRecord* states, nuint count);

        [DllImport(Library)]
        public static extern long SCardConnect(nint context, byte* reader, nuint shareMode, nuint preferredProtocols, nint* card, nuint* activeProtocol);

        [DllImport(Library)]
        public static extern long SCardReconnect(nint card, nuint shareMode, nuint preferredProtocols, nuint initialization, nuint* activeProtocol);

        [DllImport(Library)]
        public static extern long SCardDisconnect(nint card, nuint disposition);

        [DllImport(Library)]
        public static extern long SCardStatus(nint card, byte* readerName, nuint* readerLength, nuint* state, nuint* protocol, byte* atr, nuint* atrLength);

        [DllImport(Library)]
        public static extern long SCardTransmit(nint card, PcscIoRequest* sendPci, byte* send, nuint sendLength, PcscIoRequest* receivePci, byte* receive, nuint* receiveLength);

        [DllImport(Library)]
        public static extern long SCardControl(nint card, nuint controlCode, byte* send, nuint sendLength, byte* receive, nuint receiveLength, nuint* returned);
    }
}
