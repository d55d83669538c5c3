using System;

namespace EmbeddedSmartCard.Manager.Iso7816
{
    /// <summary>A response APDU (ISO/IEC 7816-4 §5.1): response data followed by the status bytes SW1 SW2.</summary>
    public sealed class ResponseApdu
    {
        /// <summary>SW1 SW2 = 9000: normal processing (§5.6).</summary>
        public const int SwSuccess = 0x9000;

        /// <summary>SW1 = 61: SW2 more bytes available through GET RESPONSE (§5.6, §11.5.2).</summary>
        public const byte Sw1MoreData = 0x61;

        /// <summary>SW1 = 6C: wrong Le, SW2 gives the exact number of available bytes (§5.6).</summary>
        public const byte Sw1WrongLength = 0x6C;

        private const int TrailerLength = 2;

        private readonly byte[] data;

        /// <summary>Copies a response of at least SW1 SW2 out of <paramref name="buffer"/>.</summary>
        public ResponseApdu(byte[] buffer, int offset, int length)
        {
            if (buffer == null || length < TrailerLength || offset < 0 || offset > buffer.Length - length)
            {
                throw new ArgumentException("a response APDU is at least SW1 SW2");
            }

            data = new byte[length - TrailerLength];
            Array.Copy(buffer, offset, data, 0, data.Length);
            Sw1 = buffer[offset + length - 2];
            Sw2 = buffer[offset + length - 1];
        }

        /// <summary>The first <paramref name="dataLength"/> bytes of <paramref name="responseData"/> with a status word.</summary>
        public ResponseApdu(byte[] responseData, int offset, int dataLength, byte sw1, byte sw2)
        {
            if (responseData == null || dataLength < 0 || offset < 0 || offset > responseData.Length - dataLength)
            {
                throw new ArgumentException("response data out of range");
            }

            data = new byte[dataLength];
            Array.Copy(responseData, offset, data, 0, dataLength);
            Sw1 = sw1;
            Sw2 = sw2;
        }

        public byte Sw1 { get; private set; }

        public byte Sw2 { get; private set; }

        /// <summary>SW1 SW2 as one number, 0x9000.</summary>
        public int StatusWord
        {
            get { return (Sw1 << 8) | Sw2; }
        }

        /// <summary>True for 9000.</summary>
        public bool IsSuccess
        {
            get { return StatusWord == SwSuccess; }
        }

        public int DataLength
        {
            get { return data.Length; }
        }

        public bool HasData
        {
            get { return data.Length > 0; }
        }

        /// <summary>A copy of the response data (without SW1 SW2).</summary>
        public byte[] GetData()
        {
            byte[] copy = new byte[data.Length];
            Array.Copy(data, copy, data.Length);
            return copy;
        }

        /// <summary>The whole response: data, SW1, SW2.</summary>
        public byte[] ToArray()
        {
            byte[] whole = new byte[data.Length + TrailerLength];
            Array.Copy(data, whole, data.Length);
            whole[data.Length] = Sw1;
            whole[data.Length + 1] = Sw2;
            return whole;
        }
    }
}
