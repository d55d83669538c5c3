using System.Collections;

namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>Reader-name list comparisons for the monitors (names are compared exactly, as ListReaders gives them).</summary>
    internal static class ReaderNameSet
    {
        /// <summary>The names of <paramref name="from"/> that <paramref name="other"/> lacks, in order.</summary>
        public static string[] Missing(string[] from, string[] other)
        {
            ArrayList missing = new ArrayList();
            for (int i = 0; i < from.Length; i++)
            {
                if (!Contains(other, from[i]))
                {
                    missing.Add(from[i]);
                }
            }

            return (string[])missing.ToArray(typeof(string));
        }

        public static bool Contains(string[] names, string name)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
