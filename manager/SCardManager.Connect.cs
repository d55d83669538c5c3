using System;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>SCardConnect: sharing rules, powering the card and selecting its protocol.</summary>
    public sealed partial class SCardManager
    {
        /// <summary>
        /// SCardConnect (pcsc-lite algorithm, pcsc.md §1.3). SHARED and EXCLUSIVE need a card: it is
        /// powered (cold reset) if it is not, and its protocol selected through the driver library
        /// (PPS as needed, T=1 preferred when both are allowed); a protocol already selected by another
        /// connection must be in <paramref name="preferredProtocols"/>, else PROTO_MISMATCH (no
        /// renegotiation). DIRECT needs no card and reports the current protocol. EXCLUSIVE and DIRECT
        /// need the reader to be free, and nobody may join an EXCLUSIVE or DIRECT holder:
        /// SHARING_VIOLATION (DIRECT is private as on Windows, see <see cref="IsPrivate"/>). While another
        /// handle holds a transaction the call waits for it, at most <see cref="SharingWaitMillis"/>.
        /// </summary>
        public int Connect(int context, string reader, int shareMode, int preferredProtocols, out int handle, out int activeProtocol)
        {
            handle = 0;
            activeProtocol = ScardConstants.ProtocolUndefined;
            try
            {
                int protocols = ProtocolsIn(preferredProtocols);
                int result = CheckConnectArguments(reader, shareMode, protocols);
                if (result != ScardError.Success)
                {
                    return Result(result);
                }

                result = ConnectReserved(context, reader, shareMode, RequestedProtocols(protocols), out handle, out activeProtocol);
                activeProtocol = ProtocolOut(activeProtocol);
                return Result(result);
            }
            catch (Exception)
            {
                return Result(ScardError.InternalError);
            }
        }

        private static int CheckConnectArguments(string reader, int shareMode, int preferredProtocols)
        {
            if (reader == null)
            {
                return ScardError.UnknownReader;
            }

            if (reader.Length > ScardConstants.MaxReaderName)
            {
                return ScardError.InvalidValue;
            }

            if (shareMode < ScardConstants.ShareExclusive || shareMode > ScardConstants.ShareDirect)
            {
                return ScardError.InvalidValue;
            }

            if (shareMode != ScardConstants.ShareDirect && RequestedProtocols(preferredProtocols) == 0)
            {
                return ScardError.ProtoMismatch;
            }

            return ScardError.Success;
        }

        /// <summary>The protocol bits the driver library is asked for; the legacy ANY means T=0 or T=1.</summary>
        private static int RequestedProtocols(int preferredProtocols)
        {
            int mask = preferredProtocols & (Protocols.T0 | Protocols.T1 | Protocols.Raw);
            if ((preferredProtocols & ScardConstants.ProtocolAnyOld) != 0)
            {
                mask |= Protocols.Any;
            }

            return mask;
        }

        // The handle is reserved on the reader first (so the sharing check and a concurrent Connect see
        // it), then the card is brought up under the reader's card lock, and the handle is opened
        // before that lock is let go, so a reset by another handle lands wholly before or after.
        private int ConnectReserved(int context, string readerName, int shareMode, int protocols, out int handle, out int activeProtocol)
        {
            handle = 0;
            activeProtocol = ScardConstants.ProtocolUndefined;
            CardHandle reserved;
            int result = Reserve(context, readerName, shareMode, out reserved);
            if (result != ScardError.Success)
            {
                return result;
            }

            ManagedReader reader = reserved.Reader;
            bool held = false;
            try
            {
                // Another handle's transaction keeps the card as it is until it ends (pcsc.md §1.3 step 4).
                result = AcquireReader(reserved, false, SharingWaitMillis);
                if (result != ScardError.Success)
                {
                    return result == ScardError.Timeout ? ScardError.SharingViolation : result;
                }

                held = true;
                if (!registry.EnterDevice(reader))
                {
                    return ScardError.ReaderUnavailable;
                }

                try
                {
                    return BringUpReserved(reserved, shareMode, protocols, out handle, out activeProtocol);
                }
                finally
                {
                    registry.ExitDevice(reader);
                }
            }
            finally
            {
                lock (SyncRoot)
                {
                    if (held)
                    {
                        reader.Lock.ExitCall(reserved);
                    }

                    // A failure, even a driver that threw, must not leave the reservation holding the reader.
                    if (!reserved.Open)
                    {
                        Detach(reserved);
                    }
                }
            }
        }

        /// <summary>Brings the card up for a reservation holding the reader lock and the device gate, and opens the handle.</summary>
        private int BringUpReserved(CardHandle reserved, int shareMode, int protocols, out int handle, out int activeProtocol)
        {
            handle = 0;
            activeProtocol = ScardConstants.ProtocolUndefined;
            ManagedReader reader = reserved.Reader;
            lock (reader.CardLock)
            {
                int generation;
                lock (SyncRoot)
                {
                    generation = reader.CardGeneration;
                }

                int protocol;
                int result = shareMode == ScardConstants.ShareDirect
                    ? ReaderReady(reader, out protocol)
                    : BringUpCard(reader, protocols, out protocol);

                lock (SyncRoot)
                {
                    result = Open(reserved, result, generation, protocol);
                    if (result == ScardError.Success)
                    {
                        handle = reserved.Id;
                        activeProtocol = protocol;
                    }

                    return result;
                }
            }
        }

        private int Reserve(int context, string readerName, int shareMode, out CardHandle reserved)
        {
            reserved = null;
            lock (SyncRoot)
            {
                ScardContext owner = FindContext(context);
                if (owner == null)
                {
                    return ScardError.InvalidHandle;
                }

                ManagedReader reader = registry.FindLocked(readerName);
                if (reader == null)
                {
                    return ScardError.UnknownReader;
                }

                if (owner.Handles.Count >= MaxHandlesPerContext)
                {
                    return ScardError.NoMemory;
                }

                if (HeldPrivately(reader, null) || (IsPrivate(shareMode) && reader.Handles.Count > 0))
                {
                    return ScardError.SharingViolation;
                }

                reserved = new CardHandle();
                reserved.Context = owner;
                reserved.Reader = reader;
                reserved.ShareMode = shareMode;
                owner.Handles.Add(reserved);
                reader.Handles.Add(reserved);
                return ScardError.Success;
            }
        }

        /// <summary>
        /// EXCLUSIVE, and DIRECT by the Windows rule (pcsc.md §1.3 SCardConnect: "allocating the reader for
        /// its private use"), keep every other handle out. pcsc-lite treats DIRECT as shared; here a DIRECT
        /// handle may send reader escapes and negotiate the protocol, so nobody else may be connected.
        /// </summary>
        private static bool IsPrivate(int shareMode)
        {
            return shareMode == ScardConstants.ShareExclusive || shareMode == ScardConstants.ShareDirect;
        }

        /// <summary>True when a handle other than <paramref name="except"/> holds the reader privately (under the manager lock).</summary>
        private static bool HeldPrivately(ManagedReader reader, CardHandle except)
        {
            for (int i = 0; i < reader.Handles.Count; i++)
            {
                CardHandle other = (CardHandle)reader.Handles[i];
                if (other != except && IsPrivate(other.ShareMode))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Turns a reservation into an open handle, or drops it (under the manager lock).</summary>
        private int Open(CardHandle reserved, int result, int generation, int protocol)
        {
            ManagedReader reader = reserved.Reader;
            if (result == ScardError.Success && !reader.Usable)
            {
                result = ScardError.ReaderUnavailable;
            }
            else if (result == ScardError.Success && reserved.ShareMode != ScardConstants.ShareDirect && generation != reader.CardGeneration)
            {
                // The card left while it was being brought up.
                result = ScardError.NoSmartcard;
            }
            else if (result == ScardError.Success && FindContext(reserved.Context.Id) != reserved.Context)
            {
                // The context was released meanwhile.
                result = ScardError.InvalidHandle;
            }

            if (result == ScardError.Success)
            {
                reserved.Id = handles.Add(reserved);
                result = reserved.Id == 0 ? ScardError.NoMemory : ScardError.Success;
            }

            if (result != ScardError.Success)
            {
                Detach(reserved);
                return result;
            }

            reserved.Protocol = protocol;
            reserved.Open = true;
            registry.SignalChange();
            return ScardError.Success;
        }

        /// <summary>DIRECT: the reader must work; the card, if any, is left as it is.</summary>
        private static int ReaderReady(ManagedReader reader, out int protocol)
        {
            protocol = reader.Device.SelectedProtocol;
            return reader.Device.State == ReaderState.Unknown ? ScardError.ReaderUnavailable : ScardError.Success;
        }

        /// <summary>Powers the card if needed and makes sure a protocol in <paramref name="protocols"/> is selected.</summary>
        private static int BringUpCard(ManagedReader reader, int protocols, out int protocol)
        {
            SmartcardDevice device = reader.Device;
            protocol = ScardConstants.ProtocolUndefined;
            ReaderState state = device.State;
            if (state == ReaderState.Unknown)
            {
                return ScardError.ReaderUnavailable;
            }

            if (state < ReaderState.Present)
            {
                return ScardError.NoSmartcard;
            }

            if (state < ReaderState.Powered)
            {
                SmartcardStatus powered = device.Power(PowerAction.ColdReset);
                if (powered != SmartcardStatus.Success)
                {
                    return StatusMap.ForActivation(powered);
                }
            }

            int selected = device.SelectedProtocol;
            if (selected == Protocols.Undefined)
            {
                SmartcardStatus status = device.SetProtocol(protocols, out selected);
                if (status != SmartcardStatus.Success)
                {
                    return StatusMap.ForActivation(status);
                }
            }
            else if ((selected & protocols) == 0)
            {
                return ScardError.ProtoMismatch;
            }

            protocol = selected;
            return ScardError.Success;
        }
    }
}
