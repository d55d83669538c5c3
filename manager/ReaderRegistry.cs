using System;
using System.Collections;
using System.Threading;
using EmbeddedSmartCard.Boards;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>Called as a reader is listed, before anyone can use it.</summary>
    internal delegate void ReaderAddedHandler(ManagedReader reader);

    /// <summary>
    /// The readers the manager serves. Each driver is wrapped in a <see cref="SmartcardDevice"/> and
    /// named the pcsc-lite way, "Name [interface] (serial) RR SS" (pcsc.md §1.9): the board's name, then
    /// the driver's <see cref="ReaderCapabilities.Interface"/> in brackets and its serial number in
    /// parentheses when it has them (the serial left out when the interface already contains it); RR tells
    /// identical names apart (the lowest number not in use for that name, so a name stays the same while
    /// the reader lives), SS is the slot, always 00 because every driver here is one slot.
    /// Readers can be added and removed at run time; <see cref="SyncRoot"/> is the manager lock.
    /// </summary>
    public sealed class ReaderRegistry
    {
        // " RR SS" and the terminating NUL must fit in MAX_READERNAME (pcsc.md §1.9).
        private const int SuffixLength = 6;
        private const int MaxBaseNameLength = ScardConstants.MaxReaderName - 1 - SuffixLength;
        private const string DefaultReaderName = "Reader";
        private const int MaxReaderNumber = 0xFF;

        private readonly ArrayList readers = new ArrayList();
        private readonly object syncRoot = new object();
        private readonly ArrayList statusWaits = new ArrayList();
        // Removed while their device was in use (a driver call in progress, maybe hung): closed by the
        // supervisor once the call has left the device gate, so Remove never waits behind it.
        private readonly ArrayList closeLater = new ArrayList();
        // Starts at 1, like the wrap skips 0: a caller passing 0 in the PnP entry's high word means "no
        // counter" (pcsc.md §1.4 step 5), so a counter of 0 could not be passed back and a reader added just
        // before the caller's next GetStatusChange would go unnoticed.
        private int readerEvents = 1;

        /// <summary>The manager lock: guards the reader list and every reader's handles and counters.</summary>
        public object SyncRoot
        {
            get { return syncRoot; }
        }

        public int Count
        {
            get
            {
                lock (syncRoot)
                {
                    return readers.Count;
                }
            }
        }

        /// <summary>
        /// Adds every reader of <paramref name="board"/>; returns how many were added. A hot-plug board's later
        /// readers are added and removed as it reports them.
        /// </summary>
        public int AddBoard(IBoard board)
        {
            if (board == null)
            {
                return 0;
            }

            int added = 0;
            for (int i = 0; i < board.ReaderCount; i++)
            {
                if (Add(board.GetReader(i), board.GetReaderName(i)) != null)
                {
                    added++;
                }
            }

            IHotplugBoard hotplug = board as IHotplugBoard;
            if (hotplug != null)
            {
                hotplug.ReaderArrived += OnBoardReaderArrived;
                hotplug.ReaderLeft += OnBoardReaderLeft;
                hotplug.StartWatching();
            }

            return added;
        }

        /// <summary>
        /// Opens <paramref name="driver"/> and lists it under a new unique name; null when the driver is
        /// null or all 256 numbers of that friendly name are taken. A driver that fails to open is still
        /// listed (its calls return READER_UNAVAILABLE) so the board's wiring stays visible.
        /// </summary>
        public ManagedReader Add(IReaderDriver driver, string friendlyName)
        {
            if (driver == null)
            {
                return null;
            }

            SupervisedDriver supervised = new SupervisedDriver(driver);
            SmartcardDevice device = new SmartcardDevice(supervised);
            OpenQuietly(device);
            string baseName = BaseName(friendlyName, CapabilitiesOf(driver));
            lock (syncRoot)
            {
                int number = FreeNumber(baseName);
                if (number < 0)
                {
                    device.Close();
                    return null;
                }

                ManagedReader reader = new ManagedReader(baseName + " " + number.ToString("X2") + " 00", baseName, number, device);
                reader.Supervised = supervised;
                if (ReaderAdded != null)
                {
                    ReaderAdded(reader);
                }

                reader.MarkAttached(true);
                readers.Add(reader);

                // Subscribed before presence is read, both under the lock: a change reported meanwhile
                // waits for the lock and then applies on top of this reading. (The device's state lock
                // is never held across a driver call, so reading State here cannot block for long.)
                device.StateChanged += OnDeviceStateChanged;
                supervised.Faulted = OnDriverFault;
                ReaderState state = device.State;
                reader.CardPresent = state >= ReaderState.Present;
                reader.PowerOnPending = state == ReaderState.Present;

                // A driver that could not be opened is a failure: the supervisor retries it after its first delay.
                reader.Faulted = state == ReaderState.Unknown;
                CountReaderEvent();
                Kick();
                return reader;
            }
        }

        /// <summary>
        /// Takes a reader out of the list and closes its device. Its handles stay allocated but every
        /// call on them returns READER_UNAVAILABLE until they disconnect (pcsc.md §3.3).
        /// </summary>
        public bool Remove(string name)
        {
            ManagedReader reader;
            lock (syncRoot)
            {
                reader = FindLocked(name);
                if (reader == null)
                {
                    return false;
                }

                readers.Remove(reader);
                reader.MarkAttached(false);
                reader.Device.StateChanged -= OnDeviceStateChanged;
                reader.Supervised.Faulted = null;
                CountReaderEvent();
                if (reader.Hung || reader.DeviceHolder != null)
                {
                    // Closing would wait behind the call in progress: the supervisor closes it once the call is done.
                    closeLater.Add(reader);
                    return true;
                }
            }

            reader.Device.Close();
            return true;
        }

        /// <summary>The reader with exactly this name (pcsc-lite compares names exactly in SCardConnect), or null.</summary>
        public ManagedReader Find(string name)
        {
            lock (syncRoot)
            {
                return FindLocked(name);
            }
        }

        /// <summary>The reader at <paramref name="index"/> in the order they were added, or null.</summary>
        public ManagedReader Get(int index)
        {
            lock (syncRoot)
            {
                return index >= 0 && index < readers.Count ? (ManagedReader)readers[index] : null;
            }
        }

        /// <summary>The names of the readers, in the order they were added.</summary>
        public string[] GetNames()
        {
            lock (syncRoot)
            {
                string[] names = new string[readers.Count];
                for (int i = 0; i < names.Length; i++)
                {
                    names[i] = ((ManagedReader)readers[i]).Name;
                }

                return names;
            }
        }

        /// <summary>Closes every device (the manager is going away).</summary>
        public void Clear()
        {
            string[] names = GetNames();
            for (int i = 0; i < names.Length; i++)
            {
                Remove(names[i]);
            }
        }

        /// <summary>
        /// Reader arrivals and departures so far, modulo 2^16 and never 0 once one happened: the event
        /// counter of <see cref="ScardConstants.PnpNotification"/> (pcsc.md §1.4 step 5). Under the manager lock.
        /// </summary>
        internal int ReaderEvents
        {
            get { return readerEvents; }
        }

        /// <summary>Set by the manager: runs the power policy and restarts failed readers.</summary>
        internal Supervisor Supervisor;

        /// <summary>Set by the manager: applies its settings to a reader as it is listed (under the manager lock).</summary>
        internal ReaderAddedHandler ReaderAdded;

        /// <summary>The readers now listed (a copy, for work done outside the manager lock).</summary>
        internal ManagedReader[] Snapshot()
        {
            lock (syncRoot)
            {
                ManagedReader[] copy = new ManagedReader[readers.Count];
                readers.CopyTo(copy);
                return copy;
            }
        }

        /// <summary>Registers a blocked SCardGetStatusChange to be woken by the next reader event (under the manager lock).</summary>
        internal void AddStatusWait(BlockingWait wait)
        {
            statusWaits.Add(wait);
        }

        internal void RemoveStatusWait(BlockingWait wait)
        {
            statusWaits.Remove(wait);
        }

        /// <summary>
        /// Something a GetStatusChange reports may have changed (card, power, sharing, reader list, fault):
        /// wakes every blocked call, which re-evaluates. Under the manager lock.
        /// </summary>
        internal void SignalChange()
        {
            for (int i = 0; i < statusWaits.Count; i++)
            {
                ((BlockingWait)statusWaits[i]).Wake();
            }
        }

        /// <summary>Starts the idle power-down clock of a reader nobody holds (under the manager lock).</summary>
        internal void MarkIdleIfUnused(ManagedReader reader)
        {
            Supervisor supervisor = Supervisor;
            if (reader.Handles.Count == 0)
            {
                reader.IdleSinceTicks = DateTime.UtcNow.Ticks;
                if (supervisor != null)
                {
                    supervisor.NoteIdle();
                }
            }
        }

        /// <summary>Marks the reader failed if its driver reported a fault since the last look (under the manager lock).</summary>
        internal bool CollectFault(ManagedReader reader)
        {
            if (reader.Supervised.TakeFault() && !reader.Faulted)
            {
                reader.Faulted = true;
                reader.FaultHandled = false;
                SignalChange();
            }

            return reader.Faulted;
        }

        /// <summary>
        /// A driver call of <paramref name="reader"/> outlived the watchdog and is still running: the reader is
        /// UNAVAILABLE at once, its transaction ends and every queued call is sent away (READER_UNAVAILABLE),
        /// and no new call enters its device until the hung call returns and the supervisor re-initialises it.
        /// </summary>
        internal void MarkHung(ManagedReader reader)
        {
            lock (syncRoot)
            {
                if (!reader.Attached)
                {
                    return;
                }

                reader.Hung = true;
                reader.Faulted = true;
                reader.FaultHandled = false;
                reader.Lock.Abandon();
                reader.DeviceFree.Set();
                SignalChange();
            }
        }

        /// <summary>The hung call has returned: the device gate works as before (under the manager lock).</summary>
        internal void ClearHung(ManagedReader reader)
        {
            reader.Hung = false;
        }

        /// <summary>
        /// Enters <paramref name="reader"/>'s device gate before a manager call uses its device (re-entrant per
        /// thread): at once when free, else waiting until the holder leaves it; false, at once or while waiting,
        /// when a driver call hung in the device. The wait needs no bound of its own: the holder is in a driver
        /// call, which returns or is declared hung within <see cref="SCardManager.DriverWatchdogMillis"/>.
        /// Pair a true answer with <see cref="ExitDevice"/>. Never under the manager lock.
        /// </summary>
        internal bool EnterDevice(ManagedReader reader)
        {
            Thread current = Thread.CurrentThread;
            bool waiting = false;
            while (true)
            {
                lock (syncRoot)
                {
                    if (waiting)
                    {
                        reader.DeviceWaiters--;
                    }

                    if (reader.Hung)
                    {
                        return false;
                    }

                    if (reader.DeviceHolder == null || reader.DeviceHolder == current)
                    {
                        reader.DeviceHolder = current;
                        reader.DeviceDepth++;
                        return true;
                    }

                    // Busy and not hung: any signal still set was for an earlier holder, so sleep until this one
                    // leaves (its exit sets the event under this lock, after this reset).
                    reader.DeviceFree.Reset();
                    reader.DeviceWaiters++;
                    waiting = true;
                }

                reader.DeviceFree.WaitOne(Timeout.Infinite, false);
            }
        }

        internal void ExitDevice(ManagedReader reader)
        {
            lock (syncRoot)
            {
                if (--reader.DeviceDepth == 0)
                {
                    reader.DeviceHolder = null;
                    if (reader.DeviceWaiters > 0)
                    {
                        reader.DeviceFree.Set();
                    }

                    if (!reader.Attached && closeLater.Contains(reader))
                    {
                        Kick();
                    }
                }
            }
        }

        /// <summary>Removed readers whose device is no longer in use: their devices can now be closed.</summary>
        internal ManagedReader[] TakeReturnedDetached()
        {
            lock (syncRoot)
            {
                ArrayList returned = new ArrayList();
                for (int i = closeLater.Count - 1; i >= 0; i--)
                {
                    ManagedReader reader = (ManagedReader)closeLater[i];
                    if (reader.DeviceHolder == null)
                    {
                        closeLater.RemoveAt(i);
                        returned.Add(reader);
                    }
                }

                ManagedReader[] copy = new ManagedReader[returned.Count];
                returned.CopyTo(copy);
                return copy;
            }
        }

        private void CountReaderEvent()
        {
            readerEvents = (readerEvents & 0xFFFF) == 0xFFFF ? 1 : readerEvents + 1;
            SignalChange();
        }

        private void Kick()
        {
            Supervisor supervisor = Supervisor;
            if (supervisor != null)
            {
                supervisor.Schedule(0);
            }
        }

        internal ManagedReader FindLocked(string name)
        {
            for (int i = 0; i < readers.Count; i++)
            {
                ManagedReader reader = (ManagedReader)readers[i];
                if (reader.Name == name)
                {
                    return reader;
                }
            }

            return null;
        }

        private ManagedReader FindByDevice(SmartcardDevice device)
        {
            for (int i = 0; i < readers.Count; i++)
            {
                ManagedReader reader = (ManagedReader)readers[i];
                if (reader.Device == device)
                {
                    return reader;
                }
            }

            return null;
        }

        // Raised by the device from any thread (a HAL presence callback or a driver call that noticed
        // the card leave); only manager data is touched here, never the device.
        private void OnDeviceStateChanged(SmartcardDevice device, ReaderState state)
        {
            lock (syncRoot)
            {
                ManagedReader reader = FindByDevice(device);
                if (reader != null)
                {
                    ApplyDeviceState(reader, state);
                }
            }
        }

        private void ApplyDeviceState(ManagedReader reader, ReaderState state)
        {
            reader.SetCardPresent(state >= ReaderState.Present);
            if (state >= ReaderState.Powered)
            {
                reader.Mute = false;
                reader.PowerOnPending = false;
                MarkIdleIfUnused(reader);
            }

            SignalChange();
            if (reader.PowerOnPending)
            {
                Kick();
            }
        }

        /// <summary>A reader a hot-plug board reports joins the list under its friendly name.</summary>
        private void OnBoardReaderArrived(IHotplugBoard board, IReaderDriver driver, string friendlyName)
        {
            Add(driver, friendlyName);
        }

        /// <summary>The reader built on <paramref name="driver"/> leaves the list, as if removed by name.</summary>
        private void OnBoardReaderLeft(IHotplugBoard board, IReaderDriver driver, string friendlyName)
        {
            string name = null;
            lock (syncRoot)
            {
                for (int i = 0; i < readers.Count; i++)
                {
                    ManagedReader reader = (ManagedReader)readers[i];
                    if (reader.Supervised != null && reader.Supervised.Inner == driver)
                    {
                        name = reader.Name;
                        break;
                    }
                }
            }

            if (name != null)
            {
                Remove(name);
            }
        }

        // Raised from inside the failing driver call, with the device's locks held: no manager lock
        // here (the device's state lock may be held), the supervisor collects the fault (CollectFault).
        private void OnDriverFault(SupervisedDriver driver)
        {
            Kick();
        }

        private int FreeNumber(string baseName)
        {
            for (int number = 0; number <= MaxReaderNumber; number++)
            {
                if (!NumberInUse(baseName, number))
                {
                    return number;
                }
            }

            return -1;
        }

        private bool NumberInUse(string baseName, int number)
        {
            for (int i = 0; i < readers.Count; i++)
            {
                ManagedReader reader = (ManagedReader)readers[i];
                if (reader.Number == number && reader.BaseName == baseName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Opens the device; a driver that fails, even by throwing, leaves it Unknown (READER_UNAVAILABLE).</summary>
        private static void OpenQuietly(SmartcardDevice device)
        {
            try
            {
                device.Open();
            }
            catch (Exception)
            {
                // The reader stays listed and unavailable; the supervisor retries it.
            }
        }

        /// <summary>
        /// "Name [interface] (serial)", cut to what leaves room for " RR SS" in MAX_READERNAME, as pcsc-lite cuts
        /// its full name (pcsc.md §1.9). An interface or serial number that is empty is left out.
        /// </summary>
        internal static string BaseName(string friendlyName, ReaderCapabilities capabilities)
        {
            string name = friendlyName == null || friendlyName.Length == 0 ? DefaultReaderName : friendlyName;
            string readerInterface = capabilities == null ? null : capabilities.Interface;
            string serial = capabilities == null ? null : capabilities.SerialNumber;
            bool hasInterface = readerInterface != null && readerInterface.Length > 0;
            if (hasInterface)
            {
                name += " [" + readerInterface + "]";
            }

            if (serial != null && serial.Length > 0 && !(hasInterface && readerInterface.IndexOf(serial) >= 0))
            {
                name += " (" + serial + ")";
            }

            return name.Length > MaxBaseNameLength ? name.Substring(0, MaxBaseNameLength) : name;
        }

        /// <summary>The driver's capabilities, or null when it cannot give them (the reader is then named by the board alone).</summary>
        private static ReaderCapabilities CapabilitiesOf(IReaderDriver driver)
        {
            try
            {
                return driver.Capabilities;
            }
            catch (Exception)
            {
                return null;
            }
        }
    }
}
