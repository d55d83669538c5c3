namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// The registers a <see cref="VirtualPn532"/> host has written (CIU and SFR addresses, 16 bits), for
    /// ReadRegister/WriteRegister; a register never written reads 00. Holds up to <see cref="Capacity"/> distinct addresses.
    /// </summary>
    public sealed class VirtualRegisters
    {
        public const int Capacity = 128;

        private readonly int[] _addresses = new int[Capacity];
        private readonly byte[] _values = new byte[Capacity];
        private int _count;

        public byte Read(int address)
        {
            int index = IndexOf(address);
            return index < 0 ? (byte)0 : _values[index];
        }

        /// <summary>Stores the value; false when the address is new and the file is full.</summary>
        public bool Write(int address, byte value)
        {
            int index = IndexOf(address);
            if (index < 0)
            {
                if (_count == Capacity)
                {
                    return false;
                }

                index = _count++;
                _addresses[index] = address;
            }

            _values[index] = value;
            return true;
        }

        public void Clear()
        {
            _count = 0;
        }

        private int IndexOf(int address)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_addresses[i] == address)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
