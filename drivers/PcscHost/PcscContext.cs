using System.Collections;
using System.Text;

namespace EmbeddedSmartCard.Drivers.PcscHost
{
    /// <summary>
    /// One SCARDCONTEXT of the host's pcscd. pcsc-lite serialises the calls of one context, and a blocking
    /// SCardGetStatusChange would hold the card calls behind it, so a host reader keeps two: one for its
    /// presence thread, one for the card. Results are pcsc-lite's LONG values (<see cref="PcscCodes"/>).
    /// </summary>
    internal sealed unsafe class PcscContext
    {
        private nint handle;

        private PcscContext(nint handle)
        {
            this.handle = handle;
        }

        public nint Handle
        {
            get { return handle; }
        }

        /// <summary>SCardEstablishContext(SCOPE_SYSTEM); NoService when pcscd is not running.</summary>
        public static long Establish(out PcscContext context)
        {
            nint created;
            long result = PcscLite.SCardEstablishContext(PcscCodes.ScopeSystem, null, null, &created);
            context = result == PcscCodes.Success ? new PcscContext(created) : null;
            return result;
        }

        /// <summary>Releases the context (safe to call twice; pcscd may already be gone).</summary>
        public void Release()
        {
            if (handle != 0)
            {
                PcscLite.SCardReleaseContext(handle);
                handle = 0;
            }
        }

        /// <summary>Wakes a SCardGetStatusChange blocked on this context (from another thread).</summary>
        public void Cancel()
        {
            if (handle != 0)
            {
                PcscLite.SCardCancel(handle);
            }
        }

        /// <summary>The host's reader names (none: NoReadersAvailable, as pcsc-lite answers).</summary>
        public long ListReaders(out string[] names)
        {
            names = new string[0];
            nuint length = 0;
            long result = PcscLite.SCardListReaders(handle, null, null, &length);
            if (result != PcscCodes.Success)
            {
                return result;
            }

            byte[] multiString = new byte[(int)length];
            fixed (byte* text = multiString)
            {
                result = PcscLite.SCardListReaders(handle, null, text, &length);
            }

            if (result == PcscCodes.Success)
            {
                names = SplitMultiString(multiString, (int)length);
            }

            return result;
        }

        /// <summary>
        /// SCardGetStatusChange on one reader: blocks until its state differs from <paramref name="currentState"/>
        /// or <paramref name="timeoutMillis"/> passes (Timeout). <paramref name="readerName"/> is the NUL-terminated
        /// ASCII name, kept by the caller so the wait allocates nothing.
        /// </summary>
        public long WaitForChange(byte[] readerName, uint currentState, int timeoutMillis, out uint eventState)
        {
            PcscReaderStateRecord record = new PcscReaderStateRecord();
            long result;
            fixed (byte* name = readerName)
            {
                record.Reader = name;
                record.CurrentState = currentState;
                result = PcscLite.SCardGetStatusChange(handle, (nuint)timeoutMillis, &record, 1);
            }

            eventState = (uint)record.EventState;
            return result;
        }

        /// <summary>A reader name as pcsc-lite takes it: ASCII and NUL-terminated.</summary>
        public static byte[] NativeName(string name)
        {
            return Encoding.ASCII.GetBytes(name + "\0");
        }

        private static string[] SplitMultiString(byte[] text, int length)
        {
            ArrayList names = new ArrayList();
            int start = 0;
            for (int i = 0; i < length; i++)
            {
                if (text[i] != 0)
                {
                    continue;
                }

                if (i > start)
                {
                    names.Add(Encoding.ASCII.GetString(text, start, i - start));
                }

                start = i + 1;
            }

            return (string[])names.ToArray(typeof(string));
        }
    }
}
