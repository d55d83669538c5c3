using System;

namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>The connection's reader calls: SCardControl, SCardGetAttrib, SCardSetAttrib.</summary>
    public sealed partial class CardConnection
    {
        /// <summary>
        /// SCardControl with caller buffers; returns the number of bytes received. <paramref name="controlCode"/>
        /// in either encoding (ScardConstants.ControlCode(n) or ControlCodeWindows(n)); works on a DIRECT
        /// connection without a card.
        /// </summary>
        public int Control(int controlCode, byte[] send, int sendOffset, int sendLength, byte[] receive, int receiveOffset, int receiveCapacity)
        {
            int returned;
            PcscExceptions.Check(manager.Control(handle, controlCode, send, sendOffset, sendLength, receive, receiveOffset, receiveCapacity, out returned));
            return returned;
        }

        /// <summary>SCardControl of a whole input (null for none); the output in a new array of at most <paramref name="maxOutput"/> bytes.</summary>
        public byte[] Control(int controlCode, byte[] send, int maxOutput)
        {
            byte[] receive = new byte[maxOutput];
            int returned = Control(controlCode, send, 0, send == null ? 0 : send.Length, receive, 0, receive.Length);
            return Prefix(receive, returned);
        }

        /// <summary>SCardGetAttrib: the attribute's value (asks its length first, as the C API is used).</summary>
        public byte[] GetAttrib(int attributeId)
        {
            int length;
            PcscExceptions.Check(manager.GetAttrib(handle, attributeId, null, 0, 0, out length));
            byte[] value = new byte[length];
            PcscExceptions.Check(manager.GetAttrib(handle, attributeId, value, 0, value.Length, out length));
            return Prefix(value, length);
        }

        /// <summary>SCardSetAttrib.</summary>
        public void SetAttrib(int attributeId, byte[] value)
        {
            PcscExceptions.Check(manager.SetAttrib(handle, attributeId, value, 0, value == null ? 0 : value.Length));
        }

        internal static byte[] Prefix(byte[] buffer, int length)
        {
            if (length == buffer.Length)
            {
                return buffer;
            }

            byte[] copy = new byte[length];
            Array.Copy(buffer, copy, length);
            return copy;
        }
    }
}
