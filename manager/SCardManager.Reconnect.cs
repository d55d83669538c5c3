using System;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>SCardReconnect: acknowledge a card event, reset the card, change the share mode.</summary>
    public sealed partial class SCardManager
    {
        /// <summary>
        /// SCardReconnect (pcsc.md §1.3). <paramref name="initialization"/> is LEAVE, RESET (warm reset) or
        /// UNPOWER (power down, then cold reset); EJECT is INVALID_VALUE as in pcsc-lite. The card is then
        /// brought up as by Connect: powered if it is not, its protocol selected among
        /// <paramref name="preferredProtocols"/> (an already selected one must be requested, else
        /// PROTO_MISMATCH); DIRECT needs no card. The share mode may change: to EXCLUSIVE or DIRECT only when
        /// this is the reader's only handle, else SHARING_VIOLATION. On success the handle's pending
        /// W_RESET_CARD / W_REMOVED_CARD is cleared; a reset gives every other handle W_RESET_CARD. A
        /// transaction the handle holds is kept (pcsc-lite 1.8.14 "SCardReconnect() do not release locks"):
        /// a reset inside it is part of it. Like a card call it waits behind another handle's transaction.
        /// </summary>
        public int Reconnect(int handle, int shareMode, int preferredProtocols, int initialization, out int activeProtocol)
        {
            activeProtocol = ScardConstants.ProtocolUndefined;
            try
            {
                if (initialization < ScardConstants.LeaveCard || initialization > ScardConstants.UnpowerCard)
                {
                    return Result(ScardError.InvalidValue);
                }

                if (shareMode < ScardConstants.ShareExclusive || shareMode > ScardConstants.ShareDirect)
                {
                    return Result(ScardError.InvalidValue);
                }

                int protocols = RequestedProtocols(ProtocolsIn(preferredProtocols));
                if (shareMode != ScardConstants.ShareDirect && protocols == 0)
                {
                    return Result(ScardError.ProtoMismatch);
                }

                int result;
                CardHandle found = BeginCall(handle, out result);
                if (found == null)
                {
                    return Result(result);
                }

                try
                {
                    result = ReconnectHeld(found, shareMode, protocols, initialization, out activeProtocol);
                    activeProtocol = ProtocolOut(activeProtocol);
                    return Result(result);
                }
                finally
                {
                    FinishCall(found);
                }
            }
            catch (Exception)
            {
                return Result(ScardError.InternalError);
            }
        }

        private int ReconnectHeld(CardHandle found, int shareMode, int protocols, int initialization, out int activeProtocol)
        {
            activeProtocol = ScardConstants.ProtocolUndefined;
            ManagedReader reader = found.Reader;
            int generation;
            lock (SyncRoot)
            {
                if (!reader.Usable)
                {
                    return ScardError.ReaderUnavailable;
                }

                if (HeldPrivately(reader, found) || (IsPrivate(shareMode) && reader.Handles.Count > 1))
                {
                    return ScardError.SharingViolation;
                }

                generation = reader.CardGeneration;
            }

            lock (reader.CardLock)
            {
                int protocol = ScardConstants.ProtocolUndefined;
                int result = initialization == ScardConstants.LeaveCard ? ScardError.Success : ResetCard(reader.Device, initialization);
                if (result == ScardError.Success)
                {
                    result = shareMode == ScardConstants.ShareDirect ? ReaderReady(reader, out protocol) : BringUpCard(reader, protocols, out protocol);
                }

                lock (SyncRoot)
                {
                    if (initialization != ScardConstants.LeaveCard)
                    {
                        reader.NotifyHandles(ScardError.ResetCard, found);
                    }

                    if (result == ScardError.Success && shareMode != ScardConstants.ShareDirect && generation != reader.CardGeneration)
                    {
                        // The card left while it was being brought up.
                        result = ScardError.NoSmartcard;
                    }

                    if (result != ScardError.Success)
                    {
                        return result;
                    }

                    found.ShareMode = shareMode;
                    found.Protocol = protocol;
                    found.PendingEvent = ScardError.Success;
                    activeProtocol = protocol;
                    return ScardError.Success;
                }
            }
        }

        /// <summary>RESET: warm reset; UNPOWER: power down and cold reset (pcsc-lite's Reconnect). No card: NO_SMARTCARD.</summary>
        private static int ResetCard(SmartcardDevice device, int initialization)
        {
            SmartcardStatus status = initialization == ScardConstants.ResetCard
                ? device.Power(PowerAction.WarmReset)
                : device.Power(PowerAction.PowerDown);
            if (status == SmartcardStatus.Success && initialization == ScardConstants.UnpowerCard)
            {
                status = device.Power(PowerAction.ColdReset);
            }

            return StatusMap.ForActivation(status);
        }
    }
}
