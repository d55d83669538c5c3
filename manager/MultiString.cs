namespace EmbeddedSmartCard.Manager
{
    /// <summary>The PC/SC multi-string: each string followed by NUL, the list closed by one more NUL (pcsc.md §1.3).</summary>
    internal static class MultiString
    {
        public static int Length(string[] strings)
        {
            int length = 1;
            for (int i = 0; i < strings.Length; i++)
            {
                length += strings[i].Length + 1;
            }

            return length;
        }

        /// <summary>Writes the multi-string at the start of <paramref name="buffer"/> (at least <see cref="Length"/> long).</summary>
        public static void Write(string[] strings, char[] buffer)
        {
            int position = 0;
            for (int i = 0; i < strings.Length; i++)
            {
                string s = strings[i];
                for (int c = 0; c < s.Length; c++)
                {
                    buffer[position++] = s[c];
                }

                buffer[position++] = '\0';
            }

            buffer[position] = '\0';
        }
    }
}
