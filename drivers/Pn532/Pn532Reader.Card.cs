namespace EmbeddedSmartCard.Drivers.Pn532
{
    public sealed partial class Pn532Reader
    {
        /// <summary>DataOut of one InDataExchange (reference §3.3: 0..262 bytes).</summary>
        public const int MaxDataOut = 262;

        /// <summary>
        /// Longest command APDU: extended case 4 (ISO 7816-4 §5.1: header 4, Lc 3, 65 535 data bytes, Le 2).
        /// Beyond one DataOut it is metachained (MI in Tg, reference §3.3 / AN10609 §3.3.7.4).
        /// </summary>
        public const int MaxCommandLength = 4 + 3 + 65535 + 2;

        /// <summary>
        /// MI bit (reference §3.3): in the status byte the target has more data; in Tg the host has more
        /// command data.
        /// </summary>
        const int MoreInformation = 0x40;

        /// <summary>InDataExchange status byte bits 5..0: the error code of reference §3.4.</summary>
        const int StatusErrorMask = 0x3F;

        const int ErrorTimeout = 0x01;
        const int ErrorTargetReleased = 0x29;
        const int ErrorTargetDisappeared = 0x2B;

        /// <summary>
        /// Bound on the MI loop: 256 answers of up to 262 bytes exceed any extended-length response
        /// (65 538 bytes), so a chip that keeps MI set cannot hold the driver forever.
        /// </summary>
        const int MaxMoreInformationRounds = 256;

        /// <summary>
        /// Resets are virtual and the pseudo-ATR is returned. Warm reset (SCARD_RESET_CARD): InDeselect ends
        /// the card's session (ISO 14443-4 S(DESELECT), or HALT for a MIFARE card) but keeps the target in the
        /// chip's list, InSelect activates the same target again. Cold reset: InRelease forgets it and the
        /// field is listed afresh; a different or no target means the card left: NoMedia. Power down
        /// (SCARD_UNPOWER_CARD) releases the target (reference §3.3 InDeselect/InRelease/InSelect).
        /// </summary>
        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            atrLength = 0;
            bool removed = false;
            SmartcardStatus status;
            lock (driverLock)
            {
                if (!open)
                {
                    return SmartcardStatus.InvalidDeviceState;
                }

                if (action == PowerAction.PowerDown)
                {
                    Release();
                    powered = false;
                    return SmartcardStatus.Success;
                }

                status = action == PowerAction.WarmReset ? Reactivate(out removed) : Reselect(out removed);
                if (status == SmartcardStatus.Success)
                {
                    atrLength = target.BuildPseudoAtr(atrBuffer, atrOffset);
                }
            }

            RaisePresence(removed, false);
            return status;
        }

        /// <summary>
        /// RDF_TRANSMIT: a class-FF pseudo-APDU is answered by the driver (PC/SC Part 3 §3.2.2), anything
        /// else goes to the target with InDataExchange, gathering the answer over the MI rounds.
        /// </summary>
        public SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            bool removed = false;
            SmartcardStatus status;
            lock (driverLock)
            {
                if (!powered)
                {
                    return presence.IsPresent ? SmartcardStatus.InvalidDeviceState : SmartcardStatus.NoMedia;
                }

                if (PseudoApdu.IsPseudoApdu(command, commandOffset, commandLength))
                {
                    status = pseudoApdu.Process(this, command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength);
                }
                else if (commandLength > MaxCommandLength)
                {
                    status = SmartcardStatus.InvalidParameter;
                }
                else
                {
                    status = ExchangeApdu(command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength);
                }

                removed = status == SmartcardStatus.NoMedia;
                if (removed)
                {
                    MarkRemoved();
                }
            }

            RaisePresence(removed, false);
            return status;
        }

        int IPseudoApduTarget.CopyUid(byte[] buffer, int offset)
        {
            return target.CopyUid(buffer, offset);
        }

        int IPseudoApduTarget.CopyHistoricalBytes(byte[] buffer, int offset)
        {
            return target.CopyHistoricalBytes(buffer, offset);
        }

        /// <summary>One InDataExchange for the pseudo-APDUs' MIFARE commands: the chip's error code is theirs to judge.</summary>
        SmartcardStatus IPseudoApduTarget.Exchange(byte[] data, int offset, int length, byte[] response, int responseOffset, int responseCapacity, out int responseLength, out int chipStatus)
        {
            responseLength = 0;
            int statusByte;
            int received;
            SmartcardStatus status = DataExchange(data, offset, length, false, out statusByte, out received);
            chipStatus = statusByte & StatusErrorMask;
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            if (received > responseCapacity)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            responseLength = CopyAnswer(response, responseOffset, received);
            return SmartcardStatus.Success;
        }

        /// <summary>InDeselect then InSelect of the current target; a target that no longer answers has left.</summary>
        SmartcardStatus Reactivate(out bool removed)
        {
            removed = false;
            if (!presence.IsPresent)
            {
                return SmartcardStatus.NoMedia;
            }

            pseudoApdu.EndMifareSession();
            int chipStatus;
            SmartcardStatus status = TargetCommand(Pn532Command.InDeselect, out chipStatus);
            if (status == SmartcardStatus.Success)
            {
                status = TargetCommand(Pn532Command.InSelect, out chipStatus);
            }

            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            if (chipStatus != 0)
            {
                removed = true;
                MarkRemoved();
                return SmartcardStatus.NoMedia;
            }

            powered = true;
            return SmartcardStatus.Success;
        }

        /// <summary>A command whose one parameter is the current target's Tg and whose answer is a status byte.</summary>
        SmartcardStatus TargetCommand(byte command, out int chipStatus)
        {
            chipStatus = 0;
            parameters[0] = (byte)target.TargetNumber;
            int length;
            SmartcardStatus status = Exchange(command, 1, options.CommandTimeoutMicros, out length);
            if (status == SmartcardStatus.Success)
            {
                chipStatus = length > 0 ? answer[0] & StatusErrorMask : ErrorTimeout;
            }

            return status;
        }

        SmartcardStatus Reselect(out bool removed)
        {
            removed = false;
            if (!presence.IsPresent)
            {
                return SmartcardStatus.NoMedia;
            }

            Release();
            int found = ListTarget();
            if (found == TargetUnknown)
            {
                return SmartcardStatus.IoDeviceError;
            }

            if (found != TargetSame)
            {
                removed = true;
                MarkRemoved();
                return SmartcardStatus.NoMedia;
            }

            TakeFoundTarget();
            powered = true;
            return SmartcardStatus.Success;
        }

        SmartcardStatus ExchangeApdu(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            int statusByte;
            int received;
            SmartcardStatus status = SendCommand(command, commandOffset, commandLength, out statusByte, out received);
            int total = 0;
            for (int round = 0; status == SmartcardStatus.Success; round++)
            {
                int error = statusByte & StatusErrorMask;
                if (error != 0)
                {
                    return error == ErrorTimeout ? CardSilent() : ChipError(error);
                }

                if (total + received > responseCapacity)
                {
                    return SmartcardStatus.BufferTooSmall;
                }

                total += CopyAnswer(response, responseOffset + total, received);
                if ((statusByte & MoreInformation) == 0)
                {
                    responseLength = total;
                    return SmartcardStatus.Success;
                }

                if (round == MaxMoreInformationRounds)
                {
                    return SmartcardStatus.DeviceProtocolError;
                }

                status = DataExchange(command, commandOffset, 0, false, out statusByte, out received);
            }

            return status;
        }

        /// <summary>
        /// Sends the command APDU: all but the last DataOut with MI in Tg (the chip acknowledges each with a
        /// bare status), then the last, whose answer starts the response.
        /// </summary>
        SmartcardStatus SendCommand(byte[] command, int commandOffset, int commandLength, out int statusByte, out int received)
        {
            int sent = 0;
            while (commandLength - sent > MaxDataOut)
            {
                SmartcardStatus status = DataExchange(command, commandOffset + sent, MaxDataOut, true, out statusByte, out received);
                if (status != SmartcardStatus.Success || (statusByte & StatusErrorMask) != 0)
                {
                    return status;
                }

                sent += MaxDataOut;
            }

            return DataExchange(command, commandOffset + sent, commandLength - sent, false, out statusByte, out received);
        }

        /// <summary>
        /// InDataExchange with the current target (Tg, with MI when <paramref name="moreData"/>, then DataOut).
        /// The answer's status byte comes out in <paramref name="statusByte"/> and its DataIn stays in
        /// <see cref="answer"/> after it.
        /// </summary>
        SmartcardStatus DataExchange(byte[] data, int offset, int length, bool moreData, out int statusByte, out int received)
        {
            statusByte = 0;
            received = 0;
            parameters[0] = (byte)(target.TargetNumber | (moreData ? MoreInformation : 0));
            for (int i = 0; i < length; i++)
            {
                parameters[1 + i] = data[offset + i];
            }

            int answered;
            SmartcardStatus status = Exchange(Pn532Command.InDataExchange, 1 + length, ExchangeTimeout(length), out answered);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            if (answered < 1)
            {
                return SmartcardStatus.DeviceProtocolError;
            }

            statusByte = answer[0];
            received = answered - 1;
            return SmartcardStatus.Success;
        }

        /// <summary>The response wait for <paramref name="dataOutLength"/> bytes to the current target, from its FWI (<see cref="Pn532ExchangeTimeout"/>).</summary>
        long ExchangeTimeout(int dataOutLength)
        {
            return Pn532ExchangeTimeout.ForExchange(target.FrameWaitingIndex, dataOutLength, options.CommandTimeoutMicros, options.ExchangeTimeoutMicros);
        }

        /// <summary>Copies the DataIn of the last InDataExchange (after its status byte).</summary>
        int CopyAnswer(byte[] destination, int destinationOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                destination[destinationOffset + i] = answer[1 + i];
            }

            return count;
        }

        /// <summary>Reference §3.4: a released or vanished target means the card left; the rest breaks the protocol.</summary>
        static SmartcardStatus ChipError(int error)
        {
            if (error == ErrorTargetReleased || error == ErrorTargetDisappeared)
            {
                return SmartcardStatus.NoMedia;
            }

            return SmartcardStatus.DeviceProtocolError;
        }

        /// <summary>
        /// The target did not answer (status 0x01, after the chip's own ISO 14443-4 recovery): most often it
        /// left the field. Lists the field once: no card or another one is NoMedia (removal); the same card
        /// is now freshly activated, so its session is gone: it is left unpowered and the APDU times out.
        /// </summary>
        SmartcardStatus CardSilent()
        {
            Release();
            int found = ListTarget();
            if (found == TargetNone || found == TargetNew)
            {
                return SmartcardStatus.NoMedia;
            }

            if (found == TargetSame)
            {
                TakeFoundTarget();
                powered = false;
            }

            return SmartcardStatus.IoTimeout;
        }
    }
}
