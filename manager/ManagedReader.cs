using System.Collections;
using System.Threading;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// A PC/SC reader as the manager sees it: its unique name, the <see cref="SmartcardDevice"/> that
    /// serialises the driver calls, the card event counter and the handles connected to it.
    /// Everything but <see cref="Device"/> and <see cref="CardLock"/> is guarded by the manager lock;
    /// the manager never holds that lock across a call into the device.
    /// </summary>
    public sealed class ManagedReader
    {
        private readonly ArrayList handles = new ArrayList();

        internal ManagedReader(string name, string baseName, int number, SmartcardDevice device)
        {
            Name = name;
            BaseName = baseName;
            Number = number;
            Device = device;
        }

        /// <summary>The PC/SC reader name, "Name [interface] (serial) RR SS" (pcsc.md §1.9).</summary>
        public string Name { get; private set; }

        /// <summary>The name without " RR SS": the board's name for the reader, its interface and its serial number.</summary>
        public string BaseName { get; private set; }

        /// <summary>RR of the name: tells identical readers apart.</summary>
        public int Number { get; private set; }

        public SmartcardDevice Device { get; private set; }

        /// <summary>The wrapper through which the device reaches the driver, watched by the supervisor.</summary>
        internal SupervisedDriver Supervised;

        /// <summary>Card insertions and removals seen, modulo 2^16 (pcsc.md §1.4 step 7).</summary>
        public int EventCounter { get; private set; }

        /// <summary>False once the reader has been removed from the registry.</summary>
        public bool Attached { get; private set; }

        /// <summary>
        /// Serialises the multi-call card sequences (power up then select the protocol, reset a card)
        /// so two handles never bring the same card up at once; pcscd holds its reader mutex across
        /// ATR decode and PPS for the same reason (pcsc.md §3.3).
        /// </summary>
        internal readonly object CardLock = new object();

        /// <summary>The transaction lock every card call of a handle queues on (guarded by the manager lock).</summary>
        internal readonly ReaderLock Lock = new ReaderLock();

        /// <summary>Scratch for copying the ATR out of the device before checking the caller's buffer.</summary>
        internal readonly byte[] AtrScratch = new byte[ScardConstants.MaxAtrSize];

        /// <summary>The manager's view of card presence, from the device's state events and failed calls.</summary>
        internal bool CardPresent;

        /// <summary>Bumped at each removal: a Connect that started before it must not hand out a handle to the old card.</summary>
        internal int CardGeneration;

        /// <summary>Powering the card up at insertion failed: reported MUTE until it leaves or powers up (pcsc.md §3.4).</summary>
        internal bool Mute;

        /// <summary>A power-on at insertion the supervisor has still to run (power policy).</summary>
        internal bool PowerOnPending;

        /// <summary>Since when (DateTime ticks) the powered card has had no handle: the idle power-down clock.</summary>
        internal long IdleSinceTicks;

        /// <summary>The driver failed (threw, device error, watchdog): reported UNAVAILABLE until a restart succeeds.</summary>
        internal bool Faulted;

        /// <summary>
        /// A driver call outlived the watchdog and has not returned yet: the reader is UNAVAILABLE and no
        /// thread may enter its device (it would block behind the hung call) until the call returns.
        /// </summary>
        internal bool Hung;

        /// <summary>
        /// The device gate (<see cref="ReaderRegistry.EnterDevice"/>): the thread whose manager call is using the
        /// device, and how many times it entered. Every other thread waits here, not on the device's own lock,
        /// so a hung driver call can send its waiters away. Guarded by the manager lock.
        /// </summary>
        internal Thread DeviceHolder;
        internal int DeviceDepth;

        /// <summary>Threads waiting at the device gate: only then does leaving it signal <see cref="DeviceFree"/>.</summary>
        internal int DeviceWaiters;

        /// <summary>Set when the device gate's waiters must look again: it was left, or the reader hung.</summary>
        internal readonly ManualResetEvent DeviceFree = new ManualResetEvent(false);

        /// <summary>Card calls may reach the device: listed, and no driver call hung in it (under the manager lock).</summary>
        internal bool Usable
        {
            get { return Attached && !Hung; }
        }

        /// <summary>Set once the supervisor has closed the faulted device; the restart then reopens it.</summary>
        internal bool FaultHandled;

        /// <summary>Restarts made in the current series (index into the back-off delays); past the last, it gave up.</summary>
        internal int RestartAttempts;

        /// <summary>When the next restart is due, and when the last one was made (DateTime ticks).</summary>
        internal long RestartDueTicks;
        internal long LastRestartTicks;

        internal ArrayList Handles
        {
            get { return handles; }
        }

        internal void MarkAttached(bool attached)
        {
            Attached = attached;
            if (!attached)
            {
                // Its transaction goes with the reader, and nobody is left waiting for it.
                Lock.Abandon();
            }
        }

        /// <summary>Applies a presence change: counts the event and, on removal, tells every handle.</summary>
        internal void SetCardPresent(bool present)
        {
            if (present == CardPresent)
            {
                return;
            }

            CardPresent = present;
            Mute = false;
            PowerOnPending = present;
            EventCounter = (EventCounter + 1) & 0xFFFF;
            if (!present)
            {
                CardGeneration++;
                NotifyHandles(ScardError.RemovedCard, null);
            }
        }

        /// <summary>
        /// Gives every open handle but <paramref name="except"/> a pending card event. A handle still
        /// connecting is skipped: it brings the card up after the event (or, for a removal, sees
        /// <see cref="CardGeneration"/> move and fails).
        /// </summary>
        internal void NotifyHandles(int cardEvent, CardHandle except)
        {
            for (int i = 0; i < handles.Count; i++)
            {
                CardHandle handle = (CardHandle)handles[i];
                if (handle != except && handle.Open)
                {
                    handle.Notify(cardEvent);
                }
            }
        }

        /// <summary>True when some handle holds the reader in EXCLUSIVE mode.</summary>
        internal bool HeldExclusively()
        {
            for (int i = 0; i < handles.Count; i++)
            {
                if (((CardHandle)handles[i]).ShareMode == ScardConstants.ShareExclusive)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
