namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// IOCTL_SMARTCARD_GET_ATTRIBUTE / SET_ATTRIBUTE, answered by the library as smclib does (reference/pcsc.md
    /// §1.7, §2.4): reader attributes from ReaderCapabilities, card attributes from the ATR and CardTiming
    /// (those need state ≥ Negotiable).
    /// </summary>
    public sealed partial class SmartcardDevice
    {
        /// <summary>
        /// Writes attribute <paramref name="id"/> (an <see cref="Attributes"/> id) into the buffer. NotSupported for
        /// an id the library does not answer (or an empty serial number / friendly name); InvalidDeviceState for a
        /// card attribute below Negotiable; BufferTooSmall with the needed <paramref name="length"/>.
        /// </summary>
        public SmartcardStatus GetAttribute(int id, byte[] buffer, int offset, int capacity, out int length)
        {
            length = 0;
            if (!BufferRange.IsValid(buffer, offset, capacity))
            {
                return Record(SmartcardStatus.InvalidParameter);
            }

            lock (_driverLock)
            {
                SmartcardStatus status = GetReaderAttribute(id, buffer, offset, capacity, out length);
                if (status == SmartcardStatus.NotSupported)
                {
                    status = GetCardAttribute(id, buffer, offset, capacity, out length);
                }

                return Record(status);
            }
        }

        /// <summary>
        /// Only what smclib lets a caller set: SUPRESS_T1_IFS_REQUEST and DEVICE_IN_USE (a non-zero byte in the
        /// value sets the flag). InvalidParameter for an empty value (as pcsc-lite), NotSupported for anything else.
        /// </summary>
        public SmartcardStatus SetAttribute(int id, byte[] buffer, int offset, int length)
        {
            if (!BufferRange.IsValid(buffer, offset, length) || length == 0)
            {
                return Record(SmartcardStatus.InvalidParameter);
            }

            bool flag = false;
            for (int i = 0; i < length; i++)
            {
                flag |= buffer[offset + i] != 0;
            }

            lock (_driverLock)
            {
                if (id == Attributes.SupressT1IfsRequest)
                {
                    _suppressT1IfsRequest = flag;
                }
                else if (id == Attributes.DeviceInUse)
                {
                    _deviceInUse = flag;
                }
                else
                {
                    return Record(SmartcardStatus.NotSupported);
                }

                return Record(SmartcardStatus.Success);
            }
        }

        /// <summary>
        /// True once SUPRESS_T1_IFS_REQUEST was set: the resource manager asked not to send the initial S(IFS request)
        /// (smclib's switch); T1Protocol.Start then keeps IFSD at its default.
        /// </summary>
        public bool SuppressT1IfsRequest
        {
            get { return _suppressT1IfsRequest; }
        }

        /// <summary>DEVICE_IN_USE as last set by the resource manager.</summary>
        public bool DeviceInUse
        {
            get { return _deviceInUse; }
        }

        private SmartcardStatus GetReaderAttribute(int id, byte[] buffer, int offset, int capacity, out int length)
        {
            ReaderCapabilities reader = Capabilities;
            switch (id)
            {
                case Attributes.VendorName:
                    return AttributeEncoding.PutString(reader.VendorName, buffer, offset, capacity, out length);
                case Attributes.VendorIfdType:
                    return AttributeEncoding.PutString(reader.IfdType, buffer, offset, capacity, out length);
                case Attributes.VendorIfdVersion:
                    return AttributeEncoding.PutDword(reader.IfdVersion, buffer, offset, capacity, out length);
                case Attributes.VendorIfdSerialNo:
                    return PutOptionalString(reader.SerialNumber, buffer, offset, capacity, out length);
                case Attributes.ChannelId:
                    return AttributeEncoding.PutDword(reader.ChannelId, buffer, offset, capacity, out length);
                case Attributes.AsyncProtocolTypes:
                    return AttributeEncoding.PutDword(reader.SupportedProtocols, buffer, offset, capacity, out length);
                case Attributes.DefaultClk:
                    return AttributeEncoding.PutDword(reader.ClockHz / 1000, buffer, offset, capacity, out length);
                case Attributes.MaxClk:
                    return AttributeEncoding.PutDword(reader.MaxClockKhz, buffer, offset, capacity, out length);
                case Attributes.DefaultDataRate:
                    return AttributeEncoding.PutDword(reader.DefaultDataRate, buffer, offset, capacity, out length);
                case Attributes.MaxDataRate:
                    return AttributeEncoding.PutDword(reader.MaxDataRate, buffer, offset, capacity, out length);
                case Attributes.MaxIfsd:
                    return AttributeEncoding.PutDword(reader.MaxIfsd, buffer, offset, capacity, out length);
                case Attributes.PowerMgmtSupport:
                    return AttributeEncoding.PutDword(reader.PowerManagementSupport, buffer, offset, capacity, out length);
                case Attributes.Characteristics:
                    return AttributeEncoding.PutDword(reader.Characteristics, buffer, offset, capacity, out length);
                case Attributes.DeviceUnit:
                    return AttributeEncoding.PutDword(reader.Unit, buffer, offset, capacity, out length);
                case Attributes.DeviceFriendlyNameA:
                    return PutOptionalString(reader.FriendlyName, buffer, offset, capacity, out length);
                case Attributes.IccPresence:
                    return AttributeEncoding.PutByte(IccPresence(State), buffer, offset, capacity, out length);
                case Attributes.IccInterfaceStatus:
                    // smclib: contacts count as active from SWALLOWED up (pcsc.md §1.7).
                    byte contacts = State >= ReaderState.Swallowed ? Attributes.ContactsActive : Attributes.ContactsInactive;
                    return AttributeEncoding.PutByte(contacts, buffer, offset, capacity, out length);
                case Attributes.IccTypePerAtr:
                    int protocol = SelectedProtocol;
                    byte type = protocol == Protocols.T0 || protocol == Protocols.T1 ? Attributes.IccTypeIso7816Asynchronous : Attributes.IccTypeUnknown;
                    return AttributeEncoding.PutByte(type, buffer, offset, capacity, out length);
                default:
                    length = 0;
                    return SmartcardStatus.NotSupported;
            }
        }

        /// <summary>Attributes of the powered card: smclib answers them only from NEGOTIABLE up.</summary>
        private SmartcardStatus GetCardAttribute(int id, byte[] buffer, int offset, int capacity, out int length)
        {
            length = 0;
            if (!IsCardAttribute(id))
            {
                return SmartcardStatus.NotSupported;
            }

            Atr atr = Atr;
            if (State < ReaderState.Negotiable || atr == null)
            {
                return SmartcardStatus.InvalidDeviceState;
            }

            switch (id)
            {
                case Attributes.AtrString:
                    return AttributeEncoding.PutBytes(atr.Bytes, atr.Length, buffer, offset, capacity, out length);
                case Attributes.CurrentW:
                    return AttributeEncoding.PutDword(atr.WI, buffer, offset, capacity, out length);
                case Attributes.CurrentEbcEncoding:
                    return AttributeEncoding.PutDword(atr.UsesCrc ? Attributes.EdcCrc : Attributes.EdcLrc, buffer, offset, capacity, out length);
                default:
                    return AttributeEncoding.PutDword(CurrentParameter(id), buffer, offset, capacity, out length);
            }
        }

        private static bool IsCardAttribute(int id)
        {
            return id == Attributes.AtrString || (id >= Attributes.CurrentProtocolType && id <= Attributes.CurrentEbcEncoding);
        }

        /// <summary>The DWORD-valued SCARD_ATTR_CURRENT_* parameters, from the timing in force.</summary>
        private int CurrentParameter(int id)
        {
            switch (id)
            {
                case Attributes.CurrentProtocolType:
                    return SelectedProtocol;
                case Attributes.CurrentClk:
                    return _timing.ClockHz / 1000;
                case Attributes.CurrentF:
                    return _timing.F;
                case Attributes.CurrentD:
                    return _timing.D;
                case Attributes.CurrentN:
                    return _timing.N;
                case Attributes.CurrentIfsc:
                    // The T=1 engine follows the card's S(IFS request)s; before T=1 runs, the ATR's value.
                    return _t1 != null && SelectedProtocol == Protocols.T1 ? _t1.Ifsc : _timing.Ifsc;
                case Attributes.CurrentIfsd:
                    return Capabilities.MaxIfsd;
                case Attributes.CurrentBwt:
                    return _timing.BlockWaitingTimeMicros;
                case Attributes.CurrentCwt:
                default:
                    return _timing.CharacterWaitingTimeMicros;
            }
        }

        private byte IccPresence(ReaderState state)
        {
            if (state <= ReaderState.Absent)
            {
                return Attributes.IccAbsent;
            }

            return state == ReaderState.Swallowed || UnpoweredState() == ReaderState.Swallowed ? Attributes.IccInPosition : Attributes.IccPresent;
        }

        /// <summary>smclib answers NOT_SUPPORTED for a serial number the driver did not give; the same for the friendly name.</summary>
        private static SmartcardStatus PutOptionalString(string value, byte[] buffer, int offset, int capacity, out int length)
        {
            if (value == null || value.Length == 0)
            {
                length = 0;
                return SmartcardStatus.NotSupported;
            }

            return AttributeEncoding.PutString(value, buffer, offset, capacity, out length);
        }
    }
}
