namespace EmbeddedSmartCard.Drivers.PcscHost
{
    public sealed partial class PcscHostReader
    {
        /// <summary>Function numbers of the smart-card device type sit in bits 2…13 of a Windows IOCTL code (winsmcrd.h).</summary>
        private const int FunctionMask = 0xFFF;

        private nint card;
        private nuint activeProtocol;

        /// <summary>The protocol pcscd activated for the powered card (Protocols.T0 / T1), Undefined when unpowered.</summary>
        public int HostProtocol
        {
            get
            {
                lock (driverLock)
                {
                    return (int)activeProtocol;
                }
            }
        }

        /// <summary>
        /// RDF_CARD_POWER: a cold reset is SCardDisconnect(UNPOWER) of any earlier connection then SCardConnect
        /// (pcscd powers the card up for it), a warm reset SCardReconnect(RESET_CARD), power down
        /// SCardDisconnect(UNPOWER). The ATR is the one pcscd read (SCardStatus).
        /// </summary>
        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            atrLength = 0;
            lock (driverLock)
            {
                if (!open)
                {
                    return SmartcardStatus.InvalidDeviceState;
                }

                if (action == PowerAction.PowerDown)
                {
                    DisconnectCard(PcscCodes.UnpowerCard);
                    return SmartcardStatus.Success;
                }

                SmartcardStatus status = action == PowerAction.WarmReset && card != 0 ? WarmReset() : ColdReset();
                return status == SmartcardStatus.Success ? ReadAtr(atrBuffer, atrOffset, out atrLength) : status;
            }
        }

        /// <summary>RDF_TRANSMIT: SCardTransmit with the PCI of the protocol pcscd activated. Allocates nothing.</summary>
        public unsafe SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            lock (driverLock)
            {
                if (card == 0)
                {
                    return IsCardPresent() ? SmartcardStatus.InvalidDeviceState : SmartcardStatus.NoMedia;
                }

                if (commandLength <= 0 || responseCapacity <= 0)
                {
                    return SmartcardStatus.InvalidParameter;
                }

                PcscIoRequest pci = PcscIoRequest.For(activeProtocol);
                nuint received = (nuint)responseCapacity;
                long result;
                fixed (byte* send = &command[commandOffset])
                fixed (byte* receive = &response[responseOffset])
                {
                    result = PcscLite.SCardTransmit(card, &pci, send, (nuint)commandLength, null, receive, &received);
                }

                return Finish(result, (int)received, out responseLength);
            }
        }

        /// <summary>
        /// RDF_IOCTL_VENDOR: the function number moves from our Windows encoding (0x00310000 | n &lt;&lt; 2) to
        /// pcsc-lite's SCARD_CTL_CODE(n) = 0x42000000 + n. Without a powered card a direct connection carries it.
        /// </summary>
        public unsafe SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            lock (driverLock)
            {
                if (!open)
                {
                    return SmartcardStatus.InvalidDeviceState;
                }

                bool direct = card == 0;
                SmartcardStatus connected = direct ? ConnectCard(PcscCodes.ShareDirect, PcscCodes.ProtocolUndefined) : SmartcardStatus.Success;
                if (connected != SmartcardStatus.Success)
                {
                    return connected;
                }

                nuint code = (nuint)(PcscCodes.ControlCodeBase + ((ioctl >> 2) & FunctionMask));
                nuint length = 0;
                long result;
                fixed (byte* send = input)
                fixed (byte* receive = output)
                {
                    byte* sendAt = send == null ? null : send + inputOffset;
                    byte* receiveAt = receive == null ? null : receive + outputOffset;
                    result = PcscLite.SCardControl(card, code, sendAt, (nuint)inputLength, receiveAt, (nuint)outputCapacity, &length);
                }

                if (direct)
                {
                    DisconnectCard(PcscCodes.LeaveCard);
                }

                return Finish(result, (int)length, out returned);
            }
        }

        /// <summary>Success hands the length over; the card gone drops the connection (its handle is dead).</summary>
        private SmartcardStatus Finish(long result, int length, out int returned)
        {
            returned = result == PcscCodes.Success ? length : 0;
            SmartcardStatus status = PcscStatusMap.ToStatus(result);
            if (status == SmartcardStatus.NoMedia || status == SmartcardStatus.IoDeviceError)
            {
                DisconnectCard(PcscCodes.LeaveCard);
            }

            return status;
        }

        private SmartcardStatus ColdReset()
        {
            DisconnectCard(PcscCodes.UnpowerCard);
            SmartcardStatus status = ConnectCard(PcscCodes.ShareShared, (uint)options.PreferredProtocols);
            if (status != SmartcardStatus.IoDeviceError)
            {
                return status;
            }

            // pcscd was restarted while the reader stayed open: the card context died with the old daemon.
            return RenewCardContext() ? ConnectCard(PcscCodes.ShareShared, (uint)options.PreferredProtocols) : status;
        }

        private unsafe SmartcardStatus WarmReset()
        {
            nuint protocol;
            long result = PcscLite.SCardReconnect(card, PcscCodes.ShareShared, (nuint)options.PreferredProtocols, PcscCodes.ResetCardDisposition, &protocol);
            if (result != PcscCodes.Success)
            {
                DisconnectCard(PcscCodes.LeaveCard);
                return PcscStatusMap.ToStatus(result);
            }

            activeProtocol = protocol;
            return SmartcardStatus.Success;
        }

        private unsafe SmartcardStatus ConnectCard(uint shareMode, uint protocols)
        {
            nint connected;
            nuint protocol;
            long result;
            fixed (byte* name = nativeName)
            {
                result = PcscLite.SCardConnect(cardContext.Handle, name, shareMode, protocols, &connected, &protocol);
            }

            if (result != PcscCodes.Success)
            {
                return PcscStatusMap.ToStatus(result);
            }

            card = connected;
            activeProtocol = protocol;
            return SmartcardStatus.Success;
        }

        private bool RenewCardContext()
        {
            PcscContext renewed;
            if (PcscContext.Establish(out renewed) != PcscCodes.Success)
            {
                return false;
            }

            cardContext.Release();
            cardContext = renewed;
            return true;
        }

        private void DisconnectCard(uint disposition)
        {
            if (card != 0)
            {
                PcscLite.SCardDisconnect(card, disposition);
                card = 0;
            }

            activeProtocol = PcscCodes.ProtocolUndefined;
        }

        /// <summary>The ATR pcscd read at power-up (SCardStatus), at most Atr.MaxLength bytes (ISO 7816-3 §8.2.1).</summary>
        private unsafe SmartcardStatus ReadAtr(byte[] buffer, int offset, out int atrLength)
        {
            atrLength = 0;
            if (buffer == null || buffer.Length - offset < Atr.MaxLength)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            nuint nameLength = 0;
            nuint state;
            nuint protocol;
            nuint length = Atr.MaxLength;
            long result;
            fixed (byte* atr = &buffer[offset])
            {
                result = PcscLite.SCardStatus(card, null, &nameLength, &state, &protocol, atr, &length);
            }

            return Finish(result, (int)length, out atrLength);
        }
    }
}
