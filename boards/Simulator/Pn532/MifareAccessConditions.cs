namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// The access conditions of a MIFARE Classic sector trailer (NXP MF1S50 §8.7): which key may read or
    /// write each block. The bits C1 C2 C3 of block n sit in trailer bytes 6..8 together with their inverses;
    /// a trailer whose bits and inverses disagree blocks the whole sector (MF1S50 §8.7.1).
    /// </summary>
    public static class MifareAccessConditions
    {
        /// <summary>Permission masks: which keys grant the access.</summary>
        public const int Never = 0;
        public const int KeyA = 1;
        public const int KeyB = 2;
        public const int KeyAOrB = KeyA | KeyB;

        /// <summary>Offset of the access bytes in the trailer (after the 6 bytes of key A).</summary>
        public const int AccessBytesOffset = 6;

        // Tables indexed by C1C2C3 read as a 3-bit number (MF1S50 §8.7.2 table 7, §8.7.3 table 8).
        private static readonly int[] DataRead = new int[] { KeyAOrB, KeyAOrB, KeyAOrB, KeyB, KeyAOrB, KeyB, KeyAOrB, Never };
        private static readonly int[] DataWrite = new int[] { KeyAOrB, Never, Never, KeyB, KeyB, Never, KeyB, Never };
        private static readonly int[] KeyAWrite = new int[] { KeyA, KeyA, Never, KeyB, KeyB, Never, Never, Never };
        private static readonly int[] AccessBitsRead = new int[] { KeyA, KeyA, KeyA, KeyAOrB, KeyAOrB, KeyAOrB, KeyAOrB, KeyAOrB };
        private static readonly int[] AccessBitsWrite = new int[] { Never, KeyA, Never, KeyB, Never, KeyB, Never, Never };
        private static readonly int[] KeyBRead = new int[] { KeyA, KeyA, KeyA, Never, Never, Never, Never, Never };
        private static readonly int[] KeyBWrite = new int[] { KeyA, KeyA, Never, KeyB, KeyB, Never, Never, Never };

        /// <summary>The C1C2C3 value of block <paramref name="blockInSector"/> (0..3), or -1 when the bits and their inverses disagree.</summary>
        public static int Condition(byte[] trailer, int offset, int blockInSector)
        {
            int byte6 = trailer[offset + AccessBytesOffset];
            int byte7 = trailer[offset + AccessBytesOffset + 1];
            int byte8 = trailer[offset + AccessBytesOffset + 2];
            // Byte 6 = ~C2 | ~C1, byte 7 = C1 | ~C3, byte 8 = C3 | C2 (high nibble | low nibble).
            if (!Complementary(byte6, byte7 >> 4) || !Complementary(byte6 >> 4, byte8) || !Complementary(byte7, byte8 >> 4))
            {
                return -1;
            }

            int c1 = (byte7 >> (4 + blockInSector)) & 1;
            int c2 = (byte8 >> blockInSector) & 1;
            int c3 = (byte8 >> (4 + blockInSector)) & 1;
            return (c1 << 2) | (c2 << 1) | c3;
        }

        public static int DataReadKeys(int condition)
        {
            return Lookup(DataRead, condition);
        }

        public static int DataWriteKeys(int condition)
        {
            return Lookup(DataWrite, condition);
        }

        public static int KeyAWriteKeys(int condition)
        {
            return Lookup(KeyAWrite, condition);
        }

        public static int AccessBitsReadKeys(int condition)
        {
            return Lookup(AccessBitsRead, condition);
        }

        public static int AccessBitsWriteKeys(int condition)
        {
            return Lookup(AccessBitsWrite, condition);
        }

        public static int KeyBReadKeys(int condition)
        {
            return Lookup(KeyBRead, condition);
        }

        public static int KeyBWriteKeys(int condition)
        {
            return Lookup(KeyBWrite, condition);
        }

        /// <summary>
        /// True when key B is readable under the trailer's condition: it then "cannot serve for authentication"
        /// (MF1S50 §8.7.3).
        /// </summary>
        public static bool KeyBIsData(int trailerCondition)
        {
            return KeyBReadKeys(trailerCondition) != Never;
        }

        /// <summary>True when the low nibbles of <paramref name="inverted"/> and <paramref name="plain"/> are each other's complement.</summary>
        private static bool Complementary(int inverted, int plain)
        {
            return ((inverted ^ plain) & 0x0F) == 0x0F;
        }

        /// <summary>A blocked sector (condition -1) grants nothing.</summary>
        private static int Lookup(int[] table, int condition)
        {
            return condition < 0 ? Never : table[condition];
        }
    }
}
