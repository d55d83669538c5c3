namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>The data part of a response being built in a caller's buffer, bounded by Ne and the buffer.</summary>
    public sealed class CardResponse
    {
        private byte[] _buffer;
        private int _offset;

        /// <summary>Bytes written so far.</summary>
        public int Length { get; private set; }

        /// <summary>The most bytes this response may hold.</summary>
        public int Capacity { get; private set; }

        internal void Start(byte[] buffer, int offset, int capacity)
        {
            _buffer = buffer;
            _offset = offset;
            Capacity = capacity > 0 ? capacity : 0;
            Length = 0;
        }

        /// <summary>Appends one byte; returns false (and drops it) when the response is full.</summary>
        public bool Append(byte value)
        {
            if (Length >= Capacity)
            {
                return false;
            }

            _buffer[_offset + Length] = value;
            Length++;
            return true;
        }
    }
}
