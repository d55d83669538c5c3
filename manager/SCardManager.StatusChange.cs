using System;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>SCardGetStatusChange and SCardCancel (pcsc.md §1.3, §1.4).</summary>
    public sealed partial class SCardManager
    {
        // The SCARD_STATE_* bits a reader entry reports; CHANGED is set when any of them differs from
        // what the caller believed (pcsc.md §1.4 step 4: every transition sets CHANGED).
        private const int ReportedStates = ScardConstants.StateUnknown | ScardConstants.StateUnavailable
            | ScardConstants.StateEmpty | ScardConstants.StatePresent | ScardConstants.StateAtrMatch
            | ScardConstants.StateExclusive | ScardConstants.StateInUse | ScardConstants.StateMute
            | ScardConstants.StateUnpowered;

        private const int CounterMask = 0xFFFF;

        /// <summary>
        /// SCardGetStatusChange: blocks until a watched reader differs from what the caller believes, the
        /// timeout passes (0: look once; <see cref="ScardConstants.Infinite"/>: no limit) or the context is
        /// cancelled. pcsc-lite's algorithm (pcsc.md §1.4) with these choices:
        /// an unknown reader name marks only its own entry UNKNOWN|CHANGED|IGNORE (Windows rule; once the
        /// caller holds UNKNOWN for it, the entry waits for the reader to appear instead);
        /// the event counter of a reader (card insertions and removals) and of
        /// <see cref="ScardConstants.PnpNotification"/> (reader arrivals and departures) is in bits 16–31,
        /// and a caller's non-zero counter that differs is a change by itself;
        /// UNAVAILABLE (failed or closed reader) comes without any other card flag;
        /// a card present but not powered is UNPOWERED, one that did not answer at power-on is MUTE;
        /// a DIRECT handle counts as EXCLUSIVE (nobody else may connect);
        /// ATRMATCH is reported only for an entry given <see cref="ScardReaderState.MatchAtr"/>.
        /// The call registers for reader events before it evaluates, so no event is lost, and sleeps
        /// without polling until one arrives.
        /// </summary>
        public int GetStatusChange(int context, int timeoutMillis, ScardReaderState[] states)
        {
            try
            {
                int result = CheckStatusChangeArguments(timeoutMillis, states);
                if (result != ScardError.Success)
                {
                    return Result(result);
                }

                ScardContext owner;
                int pnpBaseline;
                lock (SyncRoot)
                {
                    owner = FindContext(context);
                    pnpBaseline = registry.ReaderEvents;
                }

                if (owner == null)
                {
                    return Result(ScardError.InvalidHandle);
                }

                return Result(AllIgnored(states) ? ScardError.Success : WaitForChange(owner, timeoutMillis, states, pnpBaseline));
            }
            catch (Exception)
            {
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>SCardCancel: every call of the context blocked now returns SCARD_E_CANCELLED; SUCCESS even when none is.</summary>
        public int Cancel(int context)
        {
            try
            {
                ScardContext owner;
                lock (SyncRoot)
                {
                    owner = FindContext(context);
                }

                if (owner == null)
                {
                    return Result(ScardError.InvalidHandle);
                }

                owner.CancelAll();
                return Result(ScardError.Success);
            }
            catch (Exception)
            {
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>
        /// Diagnostics: how many calls of <paramref name="context"/> are blocked (GetStatusChange, and the
        /// Connect / BeginTransaction waits); -1 for an unknown context. A snapshot, for monitoring and tests.
        /// </summary>
        public int GetBlockedCallCount(int context)
        {
            lock (SyncRoot)
            {
                ScardContext owner = FindContext(context);
                return owner == null ? -1 : owner.BlockedCalls;
            }
        }

        private static int CheckStatusChangeArguments(int timeoutMillis, ScardReaderState[] states)
        {
            if (states == null)
            {
                return ScardError.InvalidParameter;
            }

            if (timeoutMillis < ScardConstants.Infinite)
            {
                return ScardError.InvalidValue;
            }

            for (int i = 0; i < states.Length; i++)
            {
                if (states[i] == null || states[i].Reader == null)
                {
                    return ScardError.InvalidValue;
                }
            }

            return ScardError.Success;
        }

        private static bool AllIgnored(ScardReaderState[] states)
        {
            for (int i = 0; i < states.Length; i++)
            {
                if ((states[i].CurrentState & ScardConstants.StateIgnore) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        private int WaitForChange(ScardContext owner, int timeoutMillis, ScardReaderState[] states, int pnpBaseline)
        {
            long deadline = BlockingWait.Deadline(timeoutMillis);
            BlockingWait wait = owner.BeginWait();
            try
            {
                lock (SyncRoot)
                {
                    registry.AddStatusWait(wait);
                }

                while (true)
                {
                    if (EvaluateAll(states, pnpBaseline))
                    {
                        return ScardError.Success;
                    }

                    int woken = wait.Wait(BlockingWait.Remaining(deadline));
                    if (woken != ScardError.Success)
                    {
                        return woken;
                    }
                }
            }
            finally
            {
                lock (SyncRoot)
                {
                    registry.RemoveStatusWait(wait);
                }

                owner.EndWait(wait);
            }
        }

        /// <summary>Fills every entry's event state from one look under the manager lock; true when one changed.</summary>
        private bool EvaluateAll(ScardReaderState[] states, int pnpBaseline)
        {
            bool changed = false;
            lock (SyncRoot)
            {
                for (int i = 0; i < states.Length; i++)
                {
                    ScardReaderState entry = states[i];
                    if ((entry.CurrentState & ScardConstants.StateIgnore) != 0)
                    {
                        entry.EventState = entry.CurrentState;
                        continue;
                    }

                    entry.EventState = IsPnpNotification(entry.Reader)
                        ? PnpState(entry.CurrentState, pnpBaseline)
                        : ReaderEntryState(entry);
                    changed |= (entry.EventState & ScardConstants.StateChanged) != 0;
                }
            }

            return changed;
        }

        private static bool IsPnpNotification(string name)
        {
            return name.Length == ScardConstants.PnpNotification.Length
                && name.ToLower() == ScardConstants.PnpNotification.ToLower();
        }

        /// <summary>
        /// The PnP pseudo reader: only the reader-event counter and CHANGED (pcsc.md §1.4 step 5). Compared with
        /// the caller's counter when it passed one, else with the value when the call began.
        /// </summary>
        private int PnpState(int currentState, int baseline)
        {
            int events = registry.ReaderEvents;
            int known = (currentState >> ScardConstants.EventCounterShift) & CounterMask;
            int reference = known != 0 ? known : baseline;
            int state = events << ScardConstants.EventCounterShift;
            return events != reference ? state | ScardConstants.StateChanged : state;
        }

        /// <summary>One real reader's entry (under the manager lock): flags, ATR, counter and CHANGED.</summary>
        private int ReaderEntryState(ScardReaderState entry)
        {
            ManagedReader reader = registry.FindLocked(entry.Reader);
            int current = entry.CurrentState;
            if (reader == null)
            {
                entry.AtrLength = 0;
                return (current & ScardConstants.StateUnknown) != 0
                    ? ScardConstants.StateUnknown
                    : ScardConstants.StateUnknown | ScardConstants.StateChanged | ScardConstants.StateIgnore;
            }

            int flags = ReaderFlags(reader, entry);
            int counter = reader.EventCounter & CounterMask;
            int knownCounter = (current >> ScardConstants.EventCounterShift) & CounterMask;
            bool changed = current == ScardConstants.StateUnaware
                || (flags & ReportedStates) != (current & ReportedStates)
                || (knownCounter != 0 && knownCounter != counter);
            flags |= counter << ScardConstants.EventCounterShift;
            return changed ? flags | ScardConstants.StateChanged : flags;
        }

        /// <summary>The SCARD_STATE_* flags of a reader, the ATR copied into the entry.</summary>
        private static int ReaderFlags(ManagedReader reader, ScardReaderState entry)
        {
            entry.AtrLength = 0;
            SmartcardDevice device = reader.Device;
            ReaderState state = device.State;
            if (reader.Faulted || state == ReaderState.Unknown)
            {
                return ScardConstants.StateUnavailable;
            }

            if (state == ReaderState.Absent)
            {
                return ScardConstants.StateEmpty;
            }

            int flags = ScardConstants.StatePresent | SharingFlags(reader);
            if (reader.Mute)
            {
                return flags | ScardConstants.StateMute;
            }

            if (state < ReaderState.Powered)
            {
                return flags | ScardConstants.StateUnpowered;
            }

            entry.AtrLength = device.CopyAtr(entry.Atr, 0);
            return AtrMatches(entry) ? flags | ScardConstants.StateAtrMatch : flags;
        }

        private static int SharingFlags(ManagedReader reader)
        {
            bool inUse = false;
            for (int i = 0; i < reader.Handles.Count; i++)
            {
                CardHandle handle = (CardHandle)reader.Handles[i];
                if (handle.ShareMode != ScardConstants.ShareShared)
                {
                    return ScardConstants.StateExclusive;
                }

                inUse = true;
            }

            return inUse ? ScardConstants.StateInUse : 0;
        }

        /// <summary>SCARD_ATRMASK matching: same length, and equal under the mask byte by byte.</summary>
        private static bool AtrMatches(ScardReaderState entry)
        {
            byte[] pattern = entry.MatchAtr;
            byte[] mask = entry.MatchMask;
            if (pattern == null || pattern.Length != entry.AtrLength || (mask != null && mask.Length < pattern.Length))
            {
                return false;
            }

            for (int i = 0; i < pattern.Length; i++)
            {
                int bits = mask == null ? 0xFF : mask[i];
                if ((entry.Atr[i] & bits) != (pattern[i] & bits))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
