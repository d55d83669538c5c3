using System;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// Makes the 32-bit context and card handle values. pcsc-lite hands out random ids so that a stale or
    /// forged value is very unlikely to name a live object (pcsc.md §1.3, SCardEstablishContext); this
    /// does the same with a small PRNG seeded from the wall clock and the instance's identity hash.
    /// Zero is never returned (it is the "no handle" value callers test for).
    /// </summary>
    internal sealed class IdGenerator
    {
        private readonly Random random;

        public IdGenerator()
        {
            long ticks = DateTime.UtcNow.Ticks;
            random = new Random((int)ticks ^ (int)(ticks >> 32) ^ GetHashCode());
        }

        /// <summary>A random non-zero 32-bit value (the caller retries on a collision).</summary>
        public int Next()
        {
            int value = 0;
            while (value == 0)
            {
                // Random.Next() yields 31 bits; two halves give all 32.
                value = (random.Next() << 16) ^ (random.Next() & 0xFFFF);
            }

            return value;
        }
    }
}
