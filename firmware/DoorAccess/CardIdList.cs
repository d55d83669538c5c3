using System.Collections;

namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>A set of card identifiers (the allow-list or the revocation list), compared byte for byte;
    /// a lookup allocates nothing.</summary>
    public sealed class CardIdList
    {
        private readonly ArrayList _ids = new ArrayList();

        public int Count
        {
            get { return _ids.Count; }
        }

        public void Add(byte[] id, int offset, int count)
        {
            if (Contains(id, offset, count))
            {
                return;
            }

            byte[] copy = new byte[count];
            for (int i = 0; i < count; i++)
            {
                copy[i] = id[offset + i];
            }

            _ids.Add(copy);
        }

        public bool Contains(byte[] id, int offset, int count)
        {
            for (int i = 0; i < _ids.Count; i++)
            {
                if (SameBytes((byte[])_ids[i], id, offset, count))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool SameBytes(byte[] listed, byte[] id, int offset, int count)
        {
            if (listed.Length != count)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                if (listed[i] != id[offset + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
