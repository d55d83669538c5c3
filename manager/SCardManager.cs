using System;
using EmbeddedSmartCard.Boards;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// The resource manager: contexts, card handles and the readers of a board, behind the PC/SC
    /// calls. Every entry point returns a pcsc-lite code (<see cref="ScardError"/>), checks its
    /// arguments and never lets an exception out (an unexpected one becomes SCARD_F_INTERNAL_ERROR).
    /// One lock per manager (<see cref="ReaderRegistry.SyncRoot"/>) guards contexts, handles and
    /// reader bookkeeping; it is never held across a driver call, which goes through the reader's
    /// <see cref="EmbeddedSmartCard.Drivers.SmartcardDevice"/> and its own lock.
    /// </summary>
    public sealed partial class SCardManager : IDisposable
    {
        /// <summary>pcscd's default caps (pcsc.md §1.3): 200 contexts, 200 card handles per context.</summary>
        public const int DefaultMaxContexts = 200;
        public const int DefaultMaxHandlesPerContext = 200;

        private readonly ReaderRegistry registry = new ReaderRegistry();
        private readonly HandleTable contexts;
        private readonly HandleTable handles;
        private readonly Supervisor supervisor;

        /// <summary>Power policy: power a card up as soon as it is inserted, so its ATR is visible to GetStatusChange (pcsc.md §3.4).</summary>
        public bool PowerOnInsertion = true;

        /// <summary>
        /// Power policy: power down a card nobody has held for this long (ms), reported UNPOWERED; the next
        /// Connect powers it up again with a fresh ATR. <see cref="ScardConstants.Infinite"/> (the default): never,
        /// so card sessions are not lost (pcsc.md §5 item 5).
        /// </summary>
        public int IdlePowerDownMillis = ScardConstants.Infinite;

        /// <summary>
        /// Supervision: the delays (ms) before each restart of a failed reader, then give up — Windows SCardSvr's
        /// failure actions, 2 min then 5 min (pcsc.md §3.5).
        /// </summary>
        public int[] RestartDelaysMillis = { 120000, 300000 };

        /// <summary>Supervision: a failure this long (ms) after the last restart starts a new series of restarts (SCardSvr: 900 s).</summary>
        public int RestartCounterResetMillis = 900000;

        /// <summary>Supervision: a driver call that takes longer (ms) marks its reader failed; <see cref="ScardConstants.Infinite"/> = no bound.</summary>
        public int DriverWatchdogMillis
        {
            get { return watchdogMillis; }
            set
            {
                watchdogMillis = value;
                ManagedReader[] readers = registry.Snapshot();
                for (int i = 0; i < readers.Length; i++)
                {
                    readers[i].Supervised.WatchdogMillis = value;
                }

                supervisor.StartWatchdog();
            }
        }

        /// <summary>Default watchdog bound: a minute, far beyond any card's waiting time at the usual rates.</summary>
        public const int DefaultDriverWatchdogMillis = 60000;

        private int watchdogMillis = DefaultDriverWatchdogMillis;

        /// <summary>A manager with no readers yet (add them through <see cref="Readers"/>).</summary>
        public SCardManager()
        {
            IdGenerator ids = new IdGenerator();
            contexts = new HandleTable(ids);
            handles = new HandleTable(ids);
            MaxContexts = DefaultMaxContexts;
            MaxHandlesPerContext = DefaultMaxHandlesPerContext;
            supervisor = new Supervisor(this, registry);
            registry.Supervisor = supervisor;
            registry.ReaderAdded = OnReaderAdded;
        }

        /// <summary>A manager serving every reader of <paramref name="board"/>.</summary>
        public SCardManager(IBoard board) : this()
        {
            registry.AddBoard(board);
        }

        public ReaderRegistry Readers
        {
            get { return registry; }
        }

        /// <summary>Cap on live contexts (SCARD_E_NO_MEMORY beyond it); RAM on a microcontroller is counted.</summary>
        public int MaxContexts { get; set; }

        /// <summary>Cap on card handles per context (SCARD_E_NO_MEMORY beyond it).</summary>
        public int MaxHandlesPerContext { get; set; }

        /// <summary>
        /// Compatibility switch for the values Windows defines differently from pcsc-lite (off: pcsc-lite's).
        /// When set, codes are returned with the Windows value (SCARD_E_UNSUPPORTED_FEATURE 0x80100022 instead
        /// of 0x8010001F, pcsc.md §1.10), and SCARD_PROTOCOL_RAW is 0x00010000 instead of 4 (pcsc.md §1.2) in
        /// what Connect, Reconnect and Transmit accept and what Connect, Reconnect and Status report. Control
        /// codes need no switch: both encodings are always accepted (see <see cref="Control"/>).
        /// </summary>
        public bool WindowsValues { get; set; }

        private object SyncRoot
        {
            get { return registry.SyncRoot; }
        }

        /// <summary>SCardEstablishContext. Any of the four scopes is accepted (pcsc-lite ignores it otherwise).</summary>
        public int EstablishContext(int scope, out int context)
        {
            context = 0;
            try
            {
                if (scope < ScardConstants.ScopeUser || scope > ScardConstants.ScopeGlobal)
                {
                    return Result(ScardError.InvalidValue);
                }

                lock (SyncRoot)
                {
                    if (contexts.Count >= MaxContexts)
                    {
                        return Result(ScardError.NoMemory);
                    }

                    ScardContext created = new ScardContext();
                    created.Scope = scope;
                    created.Id = contexts.Add(created);
                    context = created.Id;
                    return Result(context == 0 ? ScardError.NoMemory : ScardError.Success);
                }
            }
            catch (Exception)
            {
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>
        /// SCardReleaseContext: every handle of the context is disconnected with LEAVE_CARD, but one inside a
        /// transaction resets the card before the lock goes on (pcsc.md §1.3). A second release is INVALID_HANDLE.
        /// </summary>
        public int ReleaseContext(int context)
        {
            try
            {
                ScardContext released;
                lock (SyncRoot)
                {
                    released = FindContext(context);
                    if (released == null)
                    {
                        return Result(ScardError.InvalidHandle);
                    }

                    contexts.Remove(context);
                    released.Close();
                }

                CloseHandlesOf(released);
                return Result(ScardError.Success);
            }
            catch (Exception)
            {
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>SCardIsValidContext: SUCCESS or INVALID_HANDLE.</summary>
        public int IsValidContext(int context)
        {
            try
            {
                lock (SyncRoot)
                {
                    return Result(FindContext(context) == null ? ScardError.InvalidHandle : ScardError.Success);
                }
            }
            catch (Exception)
            {
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>SCardListReaders as an array; NO_READERS_AVAILABLE when there are none.</summary>
        public int ListReaders(int context, out string[] readers)
        {
            readers = null;
            try
            {
                lock (SyncRoot)
                {
                    if (FindContext(context) == null)
                    {
                        return Result(ScardError.InvalidHandle);
                    }
                }

                string[] names = registry.GetNames();
                if (names.Length == 0)
                {
                    return Result(ScardError.NoReadersAvailable);
                }

                readers = names;
                return Result(ScardError.Success);
            }
            catch (Exception)
            {
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>
        /// SCardListReaders as the C API's multi-string, "name\0name\0\0" (pcsc.md §1.3). With a null
        /// <paramref name="buffer"/> only the needed length is returned; a buffer shorter than that is
        /// INSUFFICIENT_BUFFER with <paramref name="length"/> set to the needed length.
        /// </summary>
        public int ListReaders(int context, char[] buffer, out int length)
        {
            length = 0;
            string[] names;
            int result = ListReaders(context, out names);
            if (result != ScardError.Success)
            {
                return result;
            }

            try
            {
                length = MultiString.Length(names);
                if (buffer == null)
                {
                    return Result(ScardError.Success);
                }

                if (buffer.Length < length)
                {
                    return Result(ScardError.InsufficientBuffer);
                }

                MultiString.Write(names, buffer);
                return Result(ScardError.Success);
            }
            catch (Exception)
            {
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>SCardListReaderGroups: the one group every reader belongs to, as pcsc-lite has it (pcsc.md §1.3).</summary>
        public int ListReaderGroups(int context, out string[] groups)
        {
            groups = null;
            try
            {
                lock (SyncRoot)
                {
                    if (FindContext(context) == null)
                    {
                        return Result(ScardError.InvalidHandle);
                    }
                }

                groups = new string[] { ScardConstants.DefaultReaderGroup };
                return Result(ScardError.Success);
            }
            catch (Exception)
            {
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>Closes every reader; contexts and handles become invalid.</summary>
        public void Dispose()
        {
            try
            {
                lock (SyncRoot)
                {
                    while (contexts.Count > 0)
                    {
                        ReleaseContext(((ScardContext)contexts.ItemAt(0)).Id);
                    }
                }

                registry.Clear();
            }
            catch (Exception)
            {
                // Shutting down: a driver that fails to close leaves nothing for the caller to act on.
            }

            supervisor.Dispose();
        }

        private int Result(int code)
        {
            return WindowsValues ? ScardError.ToWindows(code) : code;
        }

        /// <summary>Protocol bits from the caller, in pcsc-lite's values.</summary>
        private int ProtocolsIn(int protocols)
        {
            return WindowsValues ? ScardConstants.ProtocolsFromWindows(protocols) : protocols;
        }

        /// <summary>A protocol for the caller, in the values <see cref="WindowsValues"/> selects.</summary>
        private int ProtocolOut(int protocol)
        {
            return WindowsValues ? ScardConstants.ProtocolToWindows(protocol) : protocol;
        }

        private ScardContext FindContext(int context)
        {
            return (ScardContext)contexts.Find(context);
        }

        /// <summary>An open handle, or null for an unknown, closed or still connecting one.</summary>
        private CardHandle FindHandle(int handle)
        {
            CardHandle found = (CardHandle)handles.Find(handle);
            return found != null && found.Open ? found : null;
        }

        /// <summary>Takes a handle out of every table (under the manager lock).</summary>
        private void Detach(CardHandle handle)
        {
            if (handle.Id != 0)
            {
                handles.Remove(handle.Id);
            }

            handle.Open = false;
            handle.Context.Handles.Remove(handle);
            handle.Reader.Handles.Remove(handle);
            registry.MarkIdleIfUnused(handle.Reader);
            registry.SignalChange();
        }

        private void OnReaderAdded(ManagedReader reader)
        {
            reader.Supervised.WatchdogMillis = watchdogMillis;
            supervisor.StartWatchdog();
        }
    }
}
