using System;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>The card calls of a handle: SCardStatus, SCardTransmit, SCardDisconnect.</summary>
    public sealed partial class SCardManager
    {
        /// <summary>
        /// SCardStatus: the reader name, the state word (pcsc-lite flags with the event counter in
        /// bits 16–31, see <see cref="CardStateFlags"/>), the current protocol and the ATR. With a null
        /// <paramref name="atr"/> only <paramref name="atrLength"/> is returned; a buffer shorter than the
        /// ATR is INSUFFICIENT_BUFFER with the needed length. A pending card event is returned instead
        /// of data (W_RESET_CARD / W_REMOVED_CARD, pcsc.md §1.3).
        /// </summary>
        public int Status(int handle, out string readerName, out int state, out int protocol, byte[] atr, out int atrLength)
        {
            readerName = null;
            state = 0;
            protocol = ScardConstants.ProtocolUndefined;
            atrLength = 0;
            try
            {
                ManagedReader reader;
                int eventCounter;
                lock (SyncRoot)
                {
                    CardHandle found = FindHandle(handle);
                    int usable = CheckUsable(found);
                    if (usable != ScardError.Success)
                    {
                        return Result(usable);
                    }

                    reader = found.Reader;
                    eventCounter = reader.EventCounter;
                }

                SmartcardDevice device = reader.Device;
                ReaderState readerState = device.State;
                readerName = reader.Name;
                state = CardStateFlags.From(readerState, eventCounter);
                protocol = ProtocolOut(device.SelectedProtocol);
                return Result(CopyAtr(reader, readerState, atr, out atrLength));
            }
            catch (Exception)
            {
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>
        /// SCardTransmit with caller buffers; allocates nothing. <paramref name="sendProtocol"/> must be the
        /// handle's active protocol (or the legacy ANY), else PROTO_MISMATCH (pcsc.md §1.3). A command
        /// shorter than 4 or longer than an extended case 4 APDU is INVALID_PARAMETER; a response that
        /// does not fit <paramref name="receiveCapacity"/> is INSUFFICIENT_BUFFER. A handle whose card was
        /// pulled gets W_REMOVED_CARD (also when it is pulled during this call), a DIRECT handle on an
        /// empty reader NO_SMARTCARD. While another handle holds a transaction the call queues for at most
        /// <see cref="SharingWaitMillis"/> (then SHARING_VIOLATION).
        /// </summary>
        public int Transmit(int handle, int sendProtocol, byte[] send, int sendOffset, int sendLength,
                            byte[] receive, int receiveOffset, int receiveCapacity, out int receiveLength)
        {
            receiveLength = 0;
            try
            {
                int result = CheckTransmitArguments(send, sendOffset, sendLength, receive, receiveOffset, receiveCapacity);
                if (result != ScardError.Success)
                {
                    return Result(result);
                }

                CardHandle found = BeginCall(handle, out result);
                if (found == null)
                {
                    return Result(result);
                }

                try
                {
                    return Result(TransmitHeld(found, ProtocolsIn(sendProtocol), send, sendOffset, sendLength, receive, receiveOffset, receiveCapacity, out receiveLength));
                }
                finally
                {
                    FinishCall(found);
                }
            }
            catch (Exception)
            {
                receiveLength = 0;
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>
        /// SCardDisconnect with a disposition (pcsc.md §1.3): LEAVE_CARD leaves the card as it is;
        /// RESET_CARD warm-resets it; UNPOWER_CARD powers it down (it stays unpowered until the next
        /// Connect); EJECT_CARD asks the driver's mechanics and, when there are none, leaves the card as
        /// pcsc-lite does when its CT-BCS eject fails. After a reset or power-down every other handle of
        /// the reader gets W_RESET_CARD. The handle is closed even when the card no longer answers.
        /// A handle closed inside its transaction frees the lock with the card reset (LEAVE becomes RESET:
        /// the next owner must not inherit a half-done card session); a disposition other than LEAVE
        /// waits, like a card call, for another handle's transaction to end.
        /// </summary>
        public int Disconnect(int handle, int disposition)
        {
            try
            {
                if (disposition < ScardConstants.LeaveCard || disposition > ScardConstants.EjectCard)
                {
                    return Result(ScardError.InvalidValue);
                }

                CardHandle found;
                bool held;
                lock (SyncRoot)
                {
                    found = FindHandle(handle);
                    if (found == null)
                    {
                        return Result(ScardError.InvalidHandle);
                    }

                    held = found.Reader.Lock.DropTransaction(found, true);
                }

                if (held && disposition == ScardConstants.LeaveCard)
                {
                    // Closed inside its transaction: the card state is half-done, the next owner gets it reset.
                    disposition = ScardConstants.ResetCard;
                }

                if (!held && disposition != ScardConstants.LeaveCard)
                {
                    // A reset waits for another handle's transaction to end (pcsc.md §1.3 SCardDisconnect).
                    int acquired = AcquireReader(found, false, SharingWaitMillis);
                    if (acquired != ScardError.Success)
                    {
                        return Result(acquired == ScardError.Timeout ? ScardError.SharingViolation : acquired);
                    }

                    held = true;
                }

                try
                {
                    return Result(CloseHandle(found, disposition));
                }
                finally
                {
                    if (held)
                    {
                        EndCall(found);
                    }
                }
            }
            catch (Exception)
            {
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>
        /// Takes the handle (open, or still connecting) out of the tables, then carries out the disposition on a
        /// card still there. The caller holds the reader lock when the disposition touches the card.
        /// </summary>
        private int CloseHandle(CardHandle found, int disposition)
        {
            bool cardThere;
            lock (SyncRoot)
            {
                if (!found.Context.Handles.Contains(found))
                {
                    // Another thread closed it while this call waited.
                    return ScardError.InvalidHandle;
                }

                ManagedReader reader = found.Reader;
                cardThere = reader.Attached && reader.CardPresent && found.PendingEvent != ScardError.RemovedCard;
                Detach(found);
                reader.Lock.AbortWaiters(found);
            }

            if (cardThere && disposition != ScardConstants.LeaveCard)
            {
                ApplyDisposition(found, disposition, false);
            }

            return ScardError.Success;
        }

        /// <summary>The transmit itself, once the handle holds its reader's lock.</summary>
        private int TransmitHeld(CardHandle found, int sendProtocol, byte[] send, int sendOffset, int sendLength,
                                 byte[] receive, int receiveOffset, int receiveCapacity, out int receiveLength)
        {
            receiveLength = 0;
            ManagedReader reader;
            int protocol;
            int generation;
            lock (SyncRoot)
            {
                int result = CheckTransmittable(found, sendProtocol);
                if (result != ScardError.Success)
                {
                    return result;
                }

                reader = found.Reader;
                protocol = found.Protocol;
                generation = reader.CardGeneration;
            }

            // A response never needs more than the largest response APDU: a bigger buffer is fine (pcsc.md §1.3).
            int capacity = receiveCapacity < ScardConstants.MaxResponseLength ? receiveCapacity : ScardConstants.MaxResponseLength;
            SmartcardStatus status = reader.Device.Transmit(protocol, send, sendOffset, sendLength, receive, receiveOffset, capacity, out receiveLength);
            if (status == SmartcardStatus.NoMedia)
            {
                CardPulled(reader, generation);
            }

            if (status != SmartcardStatus.Success && status != SmartcardStatus.BufferTooSmall)
            {
                receiveLength = 0;
            }

            return StatusMap.ForIo(status);
        }

        private static int CheckTransmitArguments(byte[] send, int sendOffset, int sendLength, byte[] receive, int receiveOffset, int receiveCapacity)
        {
            if (!BufferArguments.IsRange(send, sendOffset, sendLength) || !BufferArguments.IsRange(receive, receiveOffset, receiveCapacity))
            {
                return ScardError.InvalidParameter;
            }

            int commandCheck = BufferArguments.CheckCommandLength(sendLength);
            if (commandCheck != ScardError.Success)
            {
                return commandCheck;
            }

            // Every response carries SW1 SW2; pcscd refuses a smaller receive buffer up front.
            return receiveCapacity < 2 ? ScardError.InsufficientBuffer : ScardError.Success;
        }

        /// <summary>The code for a handle that cannot be used for card calls, or SUCCESS (under the manager lock).</summary>
        private static int CheckUsable(CardHandle handle)
        {
            if (handle == null)
            {
                return ScardError.InvalidHandle;
            }

            if (!handle.Reader.Usable)
            {
                return ScardError.ReaderUnavailable;
            }

            return handle.PendingEvent;
        }

        // pcsc-lite's order (pcsc.md §1.3 SCardTransmit): handle, reader, pending event, card, protocol.
        private static int CheckTransmittable(CardHandle handle, int sendProtocol)
        {
            int usable = CheckUsable(handle);
            if (usable != ScardError.Success)
            {
                return usable;
            }

            if (!handle.Reader.CardPresent)
            {
                return ScardError.NoSmartcard;
            }

            if (sendProtocol != ScardConstants.ProtocolAnyOld && sendProtocol != handle.Protocol)
            {
                return ScardError.ProtoMismatch;
            }

            return handle.Protocol == ScardConstants.ProtocolUndefined ? ScardError.ProtoMismatch : ScardError.Success;
        }

        /// <summary>
        /// The driver found the card gone during a call. Usually the device's removal event got here first
        /// (the generation moved); if not, the removal is booked now, and a card already back in the
        /// reader counts as a new one, so no old handle ever talks to it.
        /// </summary>
        private void CardPulled(ManagedReader reader, int generation)
        {
            lock (SyncRoot)
            {
                if (reader.CardGeneration == generation)
                {
                    reader.SetCardPresent(false);
                    reader.SetCardPresent(reader.Device.State >= ReaderState.Present);
                }
            }
        }

        private static int CopyAtr(ManagedReader reader, ReaderState readerState, byte[] atr, out int atrLength)
        {
            atrLength = 0;
            if (readerState < ReaderState.Powered)
            {
                return ScardError.Success;
            }

            lock (reader.AtrScratch)
            {
                atrLength = reader.Device.CopyAtr(reader.AtrScratch, 0);
                if (atr == null)
                {
                    return ScardError.Success;
                }

                if (atr.Length < atrLength)
                {
                    return ScardError.InsufficientBuffer;
                }

                Array.Copy(reader.AtrScratch, atr, atrLength);
                return ScardError.Success;
            }
        }

        /// <summary>
        /// Carries out a RESET, UNPOWER or EJECT disposition for <paramref name="handle"/>, which holds the reader
        /// lock. UNPOWER powers the card down, and up again (cold reset) when the handle keeps using it
        /// (<paramref name="keepUsing"/>: EndTransaction); that handle then gets its protocol back, every other
        /// handle W_RESET_CARD. EJECT asks the driver's mechanics and, when there are none, leaves the card as
        /// pcsc-lite does when its CT-BCS eject fails.
        /// </summary>
        private int ApplyDisposition(CardHandle handle, int disposition, bool keepUsing)
        {
            ManagedReader reader = handle.Reader;
            if (!registry.EnterDevice(reader))
            {
                // A hung driver call holds the device: the card is left, the supervisor resets the reader.
                return ScardError.ReaderUnavailable;
            }

            try
            {
                return ApplyDispositionEntered(handle, disposition, keepUsing);
            }
            finally
            {
                registry.ExitDevice(reader);
            }
        }

        private int ApplyDispositionEntered(CardHandle handle, int disposition, bool keepUsing)
        {
            ManagedReader reader = handle.Reader;
            lock (reader.CardLock)
            {
                SmartcardDevice device = reader.Device;
                if (disposition == ScardConstants.EjectCard)
                {
                    int returned;
                    device.DeviceControl(Ioctl.Eject, null, 0, 0, null, 0, 0, out returned);
                    return ScardError.Success;
                }

                SmartcardStatus status = device.Power(disposition == ScardConstants.ResetCard ? PowerAction.WarmReset : PowerAction.PowerDown);
                if (status == SmartcardStatus.Success && disposition == ScardConstants.UnpowerCard && keepUsing)
                {
                    status = device.Power(PowerAction.ColdReset);
                }

                lock (SyncRoot)
                {
                    reader.NotifyHandles(ScardError.ResetCard, keepUsing ? handle : null);
                }

                if (status == SmartcardStatus.Success && keepUsing && handle.Protocol != ScardConstants.ProtocolUndefined)
                {
                    int selected;
                    status = device.SetProtocol(handle.Protocol, out selected);
                }

                return StatusMap.ForActivation(status);
            }
        }
    }
}
