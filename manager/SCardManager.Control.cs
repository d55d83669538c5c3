using System;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>SCardControl, SCardGetAttrib and SCardSetAttrib: the reader's own calls, tunnelled to the driver library.</summary>
    public sealed partial class SCardManager
    {
        /// <summary>pcsc-lite's SCARD_CTL_CODE(code) is 0x42000000 + code (reader.h, pcsc.md §1.6).</summary>
        private const int PcscLiteControlBase = 0x42000000;

        /// <summary>The function numbers CTL_CODE can carry (12 bits): larger pcsc-lite codes are not smart-card IOCTLs.</summary>
        private const int MaxControlFunction = 0xFFF;

        /// <summary>CM_IOCTL_GET_FEATURE_REQUEST = SCARD_CTL_CODE(3400) (PC/SC v2 part 10 §2.2, pcsc.md §1.6).</summary>
        public const int FeatureRequestFunction = 3400;

        /// <summary>The IOCTL of CM_IOCTL_GET_FEATURE_REQUEST: 0x00313520 (Windows' SCARD_CTL_CODE(3400)).</summary>
        private const int FeatureRequestIoctl = 0x00310000 | (FeatureRequestFunction << 2);

        /// <summary>DWORD size of the SET_PROTOCOL input and output (winsmcrd.h).</summary>
        private const int DwordLength = 4;

        private static readonly byte[] NoBytes = new byte[0];

        /// <summary>
        /// SCardControl. <paramref name="controlCode"/> may be written either way: pcsc-lite's SCARD_CTL_CODE(n)
        /// = 0x42000000 + n, or Windows' CTL_CODE form 0x00310000 | n &lt;&lt; 2; both reach the same IOCTL. The
        /// manager answers CM_IOCTL_GET_FEATURE_REQUEST itself (an empty TLV list: no PIN pad, no escapes) and
        /// IOCTL_SMARTCARD_SET_PROTOCOL (powers the card if needed and selects the protocol, the Windows way to
        /// negotiate on a DIRECT handle, pcsc.md §1.3). POWER, TRANSMIT, IS_PRESENT and IS_ABSENT are not
        /// available here (SCardReconnect, SCardTransmit and SCardGetStatusChange keep every handle informed):
        /// UNSUPPORTED_FEATURE. Everything else goes to SmartcardDevice.DeviceControl, vendor codes (function
        /// ≥ 2048) on to the driver. Works on a DIRECT handle without a card. A receive buffer too small is
        /// INSUFFICIENT_BUFFER with the needed size in <paramref name="bytesReturned"/>.
        /// </summary>
        public int Control(int handle, int controlCode, byte[] send, int sendOffset, int sendLength,
                           byte[] receive, int receiveOffset, int receiveCapacity, out int bytesReturned)
        {
            bytesReturned = 0;
            try
            {
                if (!IsOptionalRange(send, sendOffset, sendLength) || !IsOptionalRange(receive, receiveOffset, receiveCapacity))
                {
                    return Result(ScardError.InvalidParameter);
                }

                int result;
                CardHandle found = BeginUsableCall(handle, out result);
                if (found == null)
                {
                    return Result(result);
                }

                try
                {
                    int ioctl = ToIoctl(controlCode);
                    return Result(ControlHeld(found, ioctl, send, sendOffset, sendLength, receive, receiveOffset, receiveCapacity, out bytesReturned));
                }
                finally
                {
                    FinishCall(found);
                }
            }
            catch (Exception)
            {
                bytesReturned = 0;
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>
        /// SCardGetAttrib. With a null <paramref name="buffer"/> only <paramref name="attributeLength"/> is
        /// returned. DEVICE_FRIENDLY_NAME and DEVICE_SYSTEM_NAME (ANSI) are answered by the manager with the
        /// PC/SC reader name, NUL-terminated, as pcscd does (pcsc.md §1.3); every other id by the driver
        /// library (pcsc.md §1.7). An unknown id is UNSUPPORTED_FEATURE, a card attribute without a powered
        /// card NOT_TRANSACTED, a short buffer INSUFFICIENT_BUFFER with the needed length.
        /// </summary>
        public int GetAttrib(int handle, int attributeId, byte[] buffer, int offset, int capacity, out int attributeLength)
        {
            attributeLength = 0;
            try
            {
                if (buffer != null && !BufferArguments.IsRange(buffer, offset, capacity))
                {
                    return Result(ScardError.InvalidParameter);
                }

                int result;
                CardHandle found = BeginUsableCall(handle, out result);
                if (found == null)
                {
                    return Result(result);
                }

                try
                {
                    return Result(GetAttribHeld(found.Reader, attributeId, buffer, offset, capacity, out attributeLength));
                }
                finally
                {
                    FinishCall(found);
                }
            }
            catch (Exception)
            {
                attributeLength = 0;
                return Result(ScardError.InternalError);
            }
        }

        /// <summary>
        /// SCardSetAttrib: the ids the driver library lets a caller set (SUPRESS_T1_IFS_REQUEST, DEVICE_IN_USE);
        /// anything else UNSUPPORTED_FEATURE. A null or empty value is INVALID_PARAMETER (pcsc.md §1.3).
        /// </summary>
        public int SetAttrib(int handle, int attributeId, byte[] buffer, int offset, int length)
        {
            try
            {
                if (buffer == null || length <= 0 || !BufferArguments.IsRange(buffer, offset, length))
                {
                    return Result(ScardError.InvalidParameter);
                }

                int result;
                CardHandle found = BeginUsableCall(handle, out result);
                if (found == null)
                {
                    return Result(result);
                }

                try
                {
                    return Result(AttributeResult(found.Reader.Device.SetAttribute(attributeId, buffer, offset, length)));
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

        /// <summary>A pcsc-lite SCARD_CTL_CODE becomes the IOCTL it names; any other value is taken as an IOCTL already.</summary>
        private static int ToIoctl(int controlCode)
        {
            int function = controlCode - PcscLiteControlBase;
            return function >= 0 && function <= MaxControlFunction ? Ioctl.FromFunction(function) : controlCode;
        }

        private int ControlHeld(CardHandle found, int ioctl, byte[] send, int sendOffset, int sendLength,
                                byte[] receive, int receiveOffset, int receiveCapacity, out int bytesReturned)
        {
            bytesReturned = 0;
            switch (ioctl)
            {
                case FeatureRequestIoctl:
                    // No part-10 feature: an empty TLV list.
                    return ScardError.Success;
                case Ioctl.SetProtocol:
                    return ControlSetProtocol(found, send, sendOffset, sendLength, receive, receiveOffset, receiveCapacity, out bytesReturned);
                case Ioctl.Power:
                case Ioctl.Transmit:
                case Ioctl.IsPresent:
                case Ioctl.IsAbsent:
                    return ScardError.UnsupportedFeature;
                default:
                    SmartcardStatus status = found.Reader.Device.DeviceControl(ioctl, Bytes(send), sendOffset, sendLength,
                                                                                Bytes(receive), receiveOffset, receiveCapacity, out bytesReturned);
                    return ControlResult(status);
            }
        }

        /// <summary>IOCTL_SMARTCARD_SET_PROTOCOL: in, the protocol mask (DWORD); out, the selected protocol (DWORD).</summary>
        private int ControlSetProtocol(CardHandle found, byte[] send, int sendOffset, int sendLength,
                                       byte[] receive, int receiveOffset, int receiveCapacity, out int bytesReturned)
        {
            bytesReturned = 0;
            if (sendLength < DwordLength)
            {
                return ScardError.InvalidParameter;
            }

            if (receiveCapacity < DwordLength)
            {
                bytesReturned = DwordLength;
                return ScardError.InsufficientBuffer;
            }

            int protocols = RequestedProtocols(ReadDword(send, sendOffset));
            if (protocols == 0)
            {
                return ScardError.InvalidValue;
            }

            ManagedReader reader = found.Reader;
            int protocol;
            int result;
            lock (reader.CardLock)
            {
                result = BringUpCard(reader, protocols, out protocol);
            }

            if (result != ScardError.Success)
            {
                return result;
            }

            lock (SyncRoot)
            {
                found.Protocol = protocol;
            }

            WriteDword(protocol, receive, receiveOffset);
            bytesReturned = DwordLength;
            return ScardError.Success;
        }

        private static int GetAttribHeld(ManagedReader reader, int attributeId, byte[] buffer, int offset, int capacity, out int attributeLength)
        {
            if (attributeId == Attributes.DeviceFriendlyNameA || attributeId == Attributes.DeviceSystemNameA)
            {
                return PutReaderName(reader.Name, buffer, offset, capacity, out attributeLength);
            }

            SmartcardStatus status = buffer == null
                ? reader.Device.GetAttribute(attributeId, NoBytes, 0, 0, out attributeLength)
                : reader.Device.GetAttribute(attributeId, buffer, offset, capacity, out attributeLength);
            if (buffer == null && status == SmartcardStatus.BufferTooSmall)
            {
                // Only the length was asked for.
                return ScardError.Success;
            }

            return AttributeResult(status);
        }

        /// <summary>The reader name as pcscd gives it: ASCII bytes and a terminating NUL.</summary>
        private static int PutReaderName(string name, byte[] buffer, int offset, int capacity, out int length)
        {
            length = name.Length + 1;
            if (buffer == null)
            {
                return ScardError.Success;
            }

            if (capacity < length)
            {
                return ScardError.InsufficientBuffer;
            }

            for (int i = 0; i < name.Length; i++)
            {
                buffer[offset + i] = (byte)name[i];
            }

            buffer[offset + name.Length] = 0;
            return ScardError.Success;
        }

        /// <summary>Driver-library answers to Get/SetAttrib (pcsc.md §1.3): unknown tag UNSUPPORTED_FEATURE, other failures NOT_TRANSACTED.</summary>
        private static int AttributeResult(SmartcardStatus status)
        {
            switch (status)
            {
                case SmartcardStatus.Success:
                    return ScardError.Success;
                case SmartcardStatus.BufferTooSmall:
                    return ScardError.InsufficientBuffer;
                case SmartcardStatus.InvalidParameter:
                    return ScardError.InvalidParameter;
                case SmartcardStatus.NotSupported:
                case SmartcardStatus.InvalidDeviceRequest:
                    return ScardError.UnsupportedFeature;
                default:
                    return ScardError.NotTransacted;
            }
        }

        /// <summary>Driver-library answers to SCardControl (pcsc.md §1.3): an empty reader is NO_SMARTCARD here, the rest as for I/O.</summary>
        private static int ControlResult(SmartcardStatus status)
        {
            return status == SmartcardStatus.NoMedia ? ScardError.NoSmartcard : StatusMap.ForIo(status);
        }

        /// <summary>IOCTL DWORDs are little-endian, as Windows lays out METHOD_BUFFERED data.</summary>
        private static int ReadDword(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24);
        }

        private static void WriteDword(int value, byte[] buffer, int offset)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>A buffer that may be null when its length is 0.</summary>
        private static bool IsOptionalRange(byte[] buffer, int offset, int length)
        {
            return buffer == null ? offset == 0 && length == 0 : BufferArguments.IsRange(buffer, offset, length);
        }

        private static byte[] Bytes(byte[] buffer)
        {
            return buffer == null ? NoBytes : buffer;
        }
    }
}
