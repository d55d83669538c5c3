namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// Live objects by their 32-bit id, without boxing: a lookup on the transmit path allocates
    /// nothing (a Hashtable with int keys would box the key on every call). Tables hold at most a
    /// few hundred entries (pcscd's default caps, pcsc.md §1.3), so a linear scan is cheap.
    /// Not thread-safe: the manager calls it under its lock.
    /// </summary>
    internal sealed class HandleTable
    {
        private const int InitialCapacity = 8;

        // Ids a fresh value gets when it collides, before the table gives up (a full 32-bit space
        // with a few hundred ids in use collides almost never).
        private const int MaxAttempts = 16;

        private readonly IdGenerator generator;
        private int[] ids = new int[InitialCapacity];
        private object[] items = new object[InitialCapacity];
        private int count;

        public HandleTable(IdGenerator generator)
        {
            this.generator = generator;
        }

        public int Count
        {
            get { return count; }
        }

        /// <summary>Stores <paramref name="item"/> under a new random id; 0 when no free id was found.</summary>
        public int Add(object item)
        {
            for (int attempt = 0; attempt < MaxAttempts; attempt++)
            {
                int id = generator.Next();
                if (IndexOf(id) < 0)
                {
                    Grow();
                    ids[count] = id;
                    items[count] = item;
                    count++;
                    return id;
                }
            }

            return 0;
        }

        /// <summary>The object stored under <paramref name="id"/>, or null.</summary>
        public object Find(int id)
        {
            int index = IndexOf(id);
            return index < 0 ? null : items[index];
        }

        /// <summary>The object at position <paramref name="index"/> (0 ≤ index &lt; Count), for walking the table.</summary>
        public object ItemAt(int index)
        {
            return items[index];
        }

        public void Remove(int id)
        {
            int index = IndexOf(id);
            if (index < 0)
            {
                return;
            }

            count--;
            ids[index] = ids[count];
            items[index] = items[count];
            ids[count] = 0;
            items[count] = null;
        }

        private int IndexOf(int id)
        {
            if (id == 0)
            {
                return -1;
            }

            for (int i = 0; i < count; i++)
            {
                if (ids[i] == id)
                {
                    return i;
                }
            }

            return -1;
        }

        private void Grow()
        {
            if (count < ids.Length)
            {
                return;
            }

            int[] newIds = new int[ids.Length * 2];
            object[] newItems = new object[ids.Length * 2];
            System.Array.Copy(ids, newIds, count);
            System.Array.Copy(items, newItems, count);
            ids = newIds;
            items = newItems;
        }
    }
}
