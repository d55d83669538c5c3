namespace EmbeddedSmartCard.Drivers
{
    /// <summary>The card operations of the ladder: power (ATR), protocol selection, transmit.</summary>
    public sealed partial class SmartcardDevice
    {
        private readonly byte[] _atrReceive = new byte[Atr.MaxLength];
        private T0Protocol _t0;
        private T1Protocol _t1;

        /// <summary>
        /// IOCTL_SMARTCARD_POWER. Cold or warm reset: the driver activates the card and returns its ATR, which is
        /// parsed and its defaults applied; state Negotiable, or Specific at once when TA2 puts the card in specific
        /// mode. UnrecognizedMedia (card deactivated, state Present) when the ATR cannot be used. PowerDown:
        /// deactivates; state Present, or Swallowed for a swallowed card.
        /// </summary>
        public SmartcardStatus Power(PowerAction action)
        {
            lock (_driverLock)
            {
                return Record(PowerLocked(action));
            }
        }

        /// <summary>
        /// IOCTL_SMARTCARD_SET_PROTOCOL: selects T=0 or T=1 among <paramref name="protocolMask"/> (Protocols bits,
        /// plus Protocols.Default to keep the card's default parameters), running PPS when useful and starting T=1.
        /// A card already Specific with a requested protocol succeeds at once. NotSupported when no requested
        /// protocol is possible (state stays Negotiable); any failure on the card deactivates it (state Present).
        /// </summary>
        public SmartcardStatus SetProtocol(int protocolMask, out int selected)
        {
            lock (_driverLock)
            {
                return Record(SetProtocolLocked(protocolMask, out selected));
            }
        }

        /// <summary>
        /// IOCTL_SMARTCARD_TRANSMIT: one command APDU for its response APDU. The state must be Specific and
        /// <paramref name="protocol"/> the selected one (else InvalidDeviceState); an APDU whose length matches no
        /// case is InvalidParameter. A T=1 DeviceProtocolError deactivates the card: it needs a new reset.
        /// Allocates nothing.
        /// </summary>
        public SmartcardStatus Transmit(int protocol, byte[] command, int commandOffset, int commandLength,
                                        byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            lock (_driverLock)
            {
                return Record(TransmitLocked(protocol, command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength));
            }
        }

        private void CreateEngines()
        {
            if (Driver.Channel != null && _t0 == null)
            {
                _t0 = new T0Protocol();
                _t1 = new T1Protocol();
            }
        }

        /// <summary>Unknown: not opened (InvalidDeviceState); Absent: NoMedia. smclib answers INVALID_DEVICE_STATE
        /// for both, but NoMedia is what its drivers return for an empty slot and lets the manager say "no card".</summary>
        private static SmartcardStatus CheckCardInReader(ReaderState state)
        {
            if (state == ReaderState.Unknown)
            {
                return SmartcardStatus.InvalidDeviceState;
            }

            return state == ReaderState.Absent ? SmartcardStatus.NoMedia : SmartcardStatus.Success;
        }

        private SmartcardStatus PowerLocked(PowerAction action)
        {
            if (action != PowerAction.PowerDown && action != PowerAction.ColdReset && action != PowerAction.WarmReset)
            {
                return SmartcardStatus.InvalidDeviceRequest;
            }

            int session;
            SmartcardStatus status = CheckCardInReader(Snapshot(out session));
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            return action == PowerAction.PowerDown ? Deactivate(session) : Activate(action, session);
        }

        /// <summary>RDF_CARD_POWER(PowerDown); the card is then Present (or Swallowed), without ATR or protocol.</summary>
        private SmartcardStatus Deactivate(int session)
        {
            int ignoredLength;
            SmartcardStatus status = Driver.Power(PowerAction.PowerDown, _atrReceive, 0, out ignoredLength);
            SettleAfterCardCall(session, status, UnpoweredState());
            return status;
        }

        /// <summary>Deactivation after a failure: the failure is what the caller reports, not the power-down.</summary>
        private SmartcardStatus DeactivateAfter(SmartcardStatus failure, int session)
        {
            Deactivate(session);
            return failure;
        }

        /// <summary>The CLK frequency the reader supplies: every etu-to-time conversion starts from it.</summary>
        private int ReaderClockHz
        {
            get { return Capabilities.ClockHz; }
        }

        private ReaderState UnpoweredState()
        {
            lock (_stateLock)
            {
                return _swallowed ? ReaderState.Swallowed : ReaderState.Present;
            }
        }

        /// <summary>NoMedia from the driver means the card left; otherwise the ladder moves to <paramref name="state"/>.</summary>
        private void SettleAfterCardCall(int session, SmartcardStatus status, ReaderState state)
        {
            if (status == SmartcardStatus.NoMedia)
            {
                OnCardRemoved(session);
            }
            else
            {
                CommitCardState(session, state);
            }
        }

        private SmartcardStatus Activate(PowerAction action, int session)
        {
            CommitCardState(session, UnpoweredState());
            int atrLength;
            SmartcardStatus status = Driver.Power(action, _atrReceive, 0, out atrLength);
            if (status != SmartcardStatus.Success)
            {
                // A mute card: the driver deactivated it (ISO 7816-3 §6.2.2); the card stays Present.
                SettleAfterCardCall(session, status, UnpoweredState());
                return status;
            }

            Atr atr = atrLength > 0 && atrLength <= Atr.MaxLength ? Atr.Parse(_atrReceive, 0, atrLength) : null;
            if (!IsUsable(atr))
            {
                return DeactivateAfter(SmartcardStatus.UnrecognizedMedia, session);
            }

            ProtocolSelection.ApplyAtrDefaults(atr, ReaderClockHz, _timing);
            ICardChannel channel = Driver.Channel;
            status = channel != null ? channel.ApplyTiming(_timing) : SmartcardStatus.Success;
            if (status != SmartcardStatus.Success)
            {
                return DeactivateAfter(status, session);
            }

            if (!CommitAtr(session, atr))
            {
                return SmartcardStatus.NoMedia;
            }

            return atr.SpecificMode ? EnterSpecificMode(atr, session) : SmartcardStatus.Success;
        }

        /// <summary>
        /// Which ATRs the card is rejected for. Fatal: no TS/T0, TS other than 3B/3F, interface bytes cut off or more
        /// than 33 characters (Atr.IsUsable: the parameters cannot be read), and in specific mode a TA2 with
        /// b5 = 1 (etu "implicitly known", which no reader can guess; libccid refuses it too), a reserved Fi/Di
        /// (specific mode must use TA1 at once) or a protocol other than T=0/T=1. Tolerated, as libccid and
        /// osmo-ccid do: a wrong or missing TCK, missing historical bytes, trailing bytes and reserved
        /// WI/IFSC (defaults apply) — cards in the field have them and the parameters remain clear.
        /// </summary>
        private static bool IsUsable(Atr atr)
        {
            if (atr == null || !atr.IsUsable)
            {
                return false;
            }

            if (!atr.SpecificMode)
            {
                return true;
            }

            int type = atr.SpecificProtocolType;
            return !atr.SpecificModeImplicit && atr.Fi != 0 && atr.Di != 0 && (type == 0 || type == 1);
        }

        private bool CommitAtr(int session, Atr atr)
        {
            lock (_stateLock)
            {
                if (session != _cardSession || _state <= ReaderState.Absent)
                {
                    return false;
                }

                _atr = atr;
                _atrLength = atr.Length;
                System.Array.Copy(_atrReceive, 0, _atrBytes, 0, _atrLength);
            }

            return CommitCardState(session, ReaderState.Negotiable);
        }

        /// <summary>Specific mode (TA2): the protocol is TA2's and there is nothing to negotiate (ISO 7816-3 §6.3.1).</summary>
        private SmartcardStatus EnterSpecificMode(Atr atr, int session)
        {
            int protocol = atr.SpecificProtocolType == 1 ? Protocols.T1 : Protocols.T0;
            int selected;
            SmartcardStatus status = SelectAndStart(atr, protocol, session, out selected);

            // A card in specific mode that this reader cannot serve is unusable: deactivate it too.
            return IsRefusedBeforeTheCard(status) ? DeactivateAfter(status, session) : status;
        }

        /// <summary>NotSupported / InvalidParameter from protocol selection: refused before anything was sent to the card.</summary>
        private static bool IsRefusedBeforeTheCard(SmartcardStatus status)
        {
            return status == SmartcardStatus.NotSupported || status == SmartcardStatus.InvalidParameter;
        }

        private SmartcardStatus SetProtocolLocked(int protocolMask, out int selected)
        {
            selected = Protocols.Undefined;
            if ((protocolMask & ~Protocols.Default) == 0)
            {
                return SmartcardStatus.InvalidParameter;
            }

            int session;
            ReaderState state = Snapshot(out session);
            SmartcardStatus status = CheckCardInReader(state);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            if (state == ReaderState.Specific)
            {
                // smclib: already specific with a requested protocol → success. Another protocol needs a reset.
                selected = SelectedProtocol;
                return (protocolMask & selected) != 0 ? SmartcardStatus.Success : SmartcardStatus.NotSupported;
            }

            if (state != ReaderState.Negotiable)
            {
                return SmartcardStatus.InvalidDeviceState;
            }

            Atr atr = Atr;
            if (atr == null)
            {
                // Pulled between the snapshot and here.
                return SmartcardStatus.NoMedia;
            }

            // A refusal leaves the card Negotiable (smclib resets the state to NEGOTIABLE); failures on the card
            // have deactivated it.
            return SelectAndStart(atr, protocolMask, session, out selected);
        }

        /// <summary>
        /// Chooses the protocol and its parameters (PPS on character readers), starts T=1 with IFSD =
        /// ReaderCapabilities.MaxIfsd, and commits Specific. NotSupported / InvalidParameter from the choice mean
        /// nothing was sent; any other failure (PPS, T=1 start) leaves the card out of step, so it is deactivated
        /// here (ISO 7816-3 §9: after a failed PPS the reader resets or rejects the card).
        /// </summary>
        private SmartcardStatus SelectAndStart(Atr atr, int protocolMask, int session, out int selected)
        {
            ICardChannel channel = Driver.Channel;
            SmartcardStatus status = channel != null
                ? ProtocolSelection.Select(channel, atr, protocolMask, Capabilities, _timing, out selected)
                : ChooseApduLevelProtocol(atr, protocolMask, out selected);
            if (IsRefusedBeforeTheCard(status))
            {
                return status;
            }

            if (status == SmartcardStatus.Success && channel != null && selected == Protocols.T1)
            {
                _t1.SuppressIfsRequest = _suppressT1IfsRequest;
                status = _t1.Start(channel, _timing, atr, Capabilities.MaxIfsd);
            }

            if (status != SmartcardStatus.Success)
            {
                return DeactivateAfter(status, session);
            }

            lock (_stateLock)
            {
                if (session == _cardSession)
                {
                    _selectedProtocol = selected;
                }
            }

            return CommitCardState(session, ReaderState.Specific) ? SmartcardStatus.Success : SmartcardStatus.NoMedia;
        }

        /// <summary>
        /// APDU-level readers (contactless front ends) run their own transmission protocol: the choice is nominal,
        /// among the requested, offered (TA2's alone in specific mode) and reader-supported protocols, T=1 first
        /// as pcsc-lite does (reference/pcsc.md §3.6). No PPS.
        /// </summary>
        private SmartcardStatus ChooseApduLevelProtocol(Atr atr, int protocolMask, out int selected)
        {
            int offered = atr.SpecificMode ? (atr.SpecificProtocolType == 1 ? Protocols.T1 : Protocols.T0) : atr.OfferedProtocols;
            int possible = protocolMask & offered & Capabilities.SupportedProtocols;
            selected = (possible & Protocols.T1) != 0 ? Protocols.T1 : possible & Protocols.T0;
            return selected != Protocols.Undefined ? SmartcardStatus.Success : SmartcardStatus.NotSupported;
        }

        private SmartcardStatus TransmitLocked(int protocol, byte[] command, int commandOffset, int commandLength,
                                               byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            if (!BufferRange.IsValid(command, commandOffset, commandLength) || !BufferRange.IsValid(response, responseOffset, responseCapacity))
            {
                return SmartcardStatus.InvalidParameter;
            }

            int session;
            ReaderState state = Snapshot(out session);
            SmartcardStatus status = CheckCardInReader(state);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            if (state != ReaderState.Specific || protocol != SelectedProtocol)
            {
                return SmartcardStatus.InvalidDeviceState;
            }

            int nc;
            int ne;
            if (ApduClassifier.Classify(command, commandOffset, commandLength, out nc, out ne) == ApduCase.Invalid)
            {
                return SmartcardStatus.InvalidParameter;
            }

            status = Exchange(protocol, command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength);
            if (status == SmartcardStatus.NoMedia)
            {
                OnCardRemoved(session);
            }
            else if (status == SmartcardStatus.DeviceProtocolError && protocol == Protocols.T1 && Driver.Channel != null)
            {
                // T=1 error recovery (§11.6.3) is exhausted: the card is out of step and needs a new reset.
                Deactivate(session);
            }

            return status;
        }

        private SmartcardStatus Exchange(int protocol, byte[] command, int commandOffset, int commandLength,
                                         byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            ICardChannel channel = Driver.Channel;
            if (channel == null)
            {
                return Driver.Transmit(command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength);
            }

            if (protocol == Protocols.T1)
            {
                return _t1.Transmit(channel, _timing, command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength);
            }

            return _t0.Transmit(channel, _timing, command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength);
        }
    }
}
