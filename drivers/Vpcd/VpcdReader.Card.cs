namespace EmbeddedSmartCard.Drivers.Vpcd
{
    public sealed partial class VpcdReader
    {
        /// <summary>CLA INS P1 P2 (ISO 7816-4 §5.1): no command APDU is shorter.</summary>
        const int ApduHeaderLength = 4;

        /// <summary>
        /// RDF_CARD_POWER through the control messages: a cold reset is power off (when powered) then power on, a
        /// warm reset is the reset message (power on for an unpowered card), each followed by GET ATR; power down
        /// is the power-off message. An empty ATR means the card has gone: NoMedia, the client stays connected.
        /// </summary>
        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            atrLength = 0;
            SmartcardStatus status;
            bool removed;
            lock (driverLock)
            {
                if (!open)
                {
                    return SmartcardStatus.InvalidDeviceState;
                }

                if (!presence.IsPresent)
                {
                    return SmartcardStatus.NoMedia;
                }

                status = action == PowerAction.PowerDown ? PowerDown() : Activate(action, atrBuffer, atrOffset, out atrLength);
                removed = !presence.IsPresent;
            }

            RaisePresence(removed, false);
            return status;
        }

        /// <summary>
        /// RDF_TRANSMIT: the command APDU as one frame, the response APDU as the reply. A 1-byte command would read
        /// as a control message, so commands shorter than an APDU header are refused before anything is sent. A
        /// response longer than the caller's room is dropped whole (BufferTooSmall, the client stays in step);
        /// EOF, silence or a reply shorter than SW1 SW2 cut the client off (NoMedia).
        /// </summary>
        public SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            SmartcardStatus status;
            bool removed;
            lock (driverLock)
            {
                if (!powered)
                {
                    return presence.IsPresent ? SmartcardStatus.InvalidDeviceState : SmartcardStatus.NoMedia;
                }

                if (commandLength < ApduHeaderLength || commandLength > link.MaxPayloadLength)
                {
                    return SmartcardStatus.InvalidParameter;
                }

                status = Exchange(command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength);
                removed = !presence.IsPresent;
            }

            RaisePresence(removed, false);
            return status;
        }

        SmartcardStatus PowerDown()
        {
            if (!link.SendControl(VpcdMessage.PowerOff))
            {
                return CutOff();
            }

            powered = false;
            return SmartcardStatus.Success;
        }

        SmartcardStatus Activate(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            atrLength = 0;
            bool sent;
            if (action == PowerAction.WarmReset && powered)
            {
                sent = link.SendControl(VpcdMessage.Reset);
            }
            else
            {
                sent = (!powered || link.SendControl(VpcdMessage.PowerOff)) && link.SendControl(VpcdMessage.PowerOn);
            }

            if (!sent)
            {
                return CutOff();
            }

            SmartcardStatus status = ReadAtr(atrBuffer, atrOffset, out atrLength);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            if (atrLength == 0)
            {
                powered = false;
                presence.Set(false);
                return SmartcardStatus.NoMedia;
            }

            powered = true;
            return SmartcardStatus.Success;
        }

        SmartcardStatus Exchange(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            if (!link.Send(command, commandOffset, commandLength))
            {
                return CutOff();
            }

            int length;
            VpcdReceiveResult result = link.Receive(response, responseOffset, responseCapacity, options.ResponseTimeoutMicros, out length);
            if (result == VpcdReceiveResult.TooLong)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            if (result != VpcdReceiveResult.Frame || length < VpcdMessage.MinResponseLength)
            {
                return CutOff();
            }

            responseLength = length;
            return SmartcardStatus.Success;
        }
    }
}
