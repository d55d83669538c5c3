namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>
    /// Characters on the wire of a <see cref="SimUartLine"/> that have not finished yet, ordered by the end
    /// of their stop bit (the moment the receiver has them). Parallel arrays that grow by doubling, so a
    /// steady exchange allocates nothing.
    /// </summary>
    internal sealed class SimCharacterQueue
    {
        private const int InitialCapacity = 512;

        private byte[] _data = new byte[InitialCapacity];
        private bool[] _parity = new bool[InitialCapacity];
        private long[] _start = new long[InitialCapacity];
        private long[] _end = new long[InitialCapacity];
        private int[] _baud = new int[InitialCapacity];
        private bool[] _fromPeer = new bool[InitialCapacity];
        private int _count;

        public int Count
        {
            get { return _count; }
        }

        /// <summary>End of the last character in the queue, or 0 when empty.</summary>
        public long LastEndMicros
        {
            get { return _count == 0 ? 0 : _end[_count - 1]; }
        }

        public long EndAt(int index)
        {
            return _end[index];
        }

        public byte DataAt(int index)
        {
            return _data[index];
        }

        public bool ParityAt(int index)
        {
            return _parity[index];
        }

        public int BaudAt(int index)
        {
            return _baud[index];
        }

        public void Add(byte data, bool parityBit, long start, long end, int baud, bool fromPeer)
        {
            if (_count == _data.Length)
            {
                Grow();
            }

            int index = _count;
            while (index > 0 && _end[index - 1] > end)
            {
                CopyEntry(index - 1, index);
                index--;
            }

            _data[index] = data;
            _parity[index] = parityBit;
            _start[index] = start;
            _end[index] = end;
            _baud[index] = baud;
            _fromPeer[index] = fromPeer;
            _count++;
        }

        public void RemoveFirst()
        {
            for (int i = 1; i < _count; i++)
            {
                CopyEntry(i, i - 1);
            }

            _count--;
        }

        public void RemovePeerCharactersFrom(long fromMicros)
        {
            int kept = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_fromPeer[i] && _start[i] >= fromMicros)
                {
                    continue;
                }

                CopyEntry(i, kept);
                kept++;
            }

            _count = kept;
        }

        public void Clear()
        {
            _count = 0;
        }

        private void CopyEntry(int from, int to)
        {
            _data[to] = _data[from];
            _parity[to] = _parity[from];
            _start[to] = _start[from];
            _end[to] = _end[from];
            _baud[to] = _baud[from];
            _fromPeer[to] = _fromPeer[from];
        }

        private void Grow()
        {
            int capacity = _data.Length * 2;
            _data = GrowBytes(_data, capacity);
            _parity = GrowBools(_parity, capacity);
            _start = GrowLongs(_start, capacity);
            _end = GrowLongs(_end, capacity);
            _baud = GrowInts(_baud, capacity);
            _fromPeer = GrowBools(_fromPeer, capacity);
        }

        private static byte[] GrowBytes(byte[] old, int capacity)
        {
            byte[] grown = new byte[capacity];
            System.Array.Copy(old, 0, grown, 0, old.Length);
            return grown;
        }

        private static bool[] GrowBools(bool[] old, int capacity)
        {
            bool[] grown = new bool[capacity];
            System.Array.Copy(old, 0, grown, 0, old.Length);
            return grown;
        }

        private static long[] GrowLongs(long[] old, int capacity)
        {
            long[] grown = new long[capacity];
            System.Array.Copy(old, 0, grown, 0, old.Length);
            return grown;
        }

        private static int[] GrowInts(int[] old, int capacity)
        {
            int[] grown = new int[capacity];
            System.Array.Copy(old, 0, grown, 0, old.Length);
            return grown;
        }
    }
}
