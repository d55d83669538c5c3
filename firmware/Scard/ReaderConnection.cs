using System;
using System.Collections.Generic;
using System.Threading;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// Picks the reader for a verb (--reader: an exact name, else the one name that contains the
    /// text, case-insensitively) and connects to its card, waiting up to a bound for one to arrive.
    /// </summary>
    public sealed class ReaderConnection
    {
        // How often an empty reader is tried again while waiting; Connect is cheap on an empty reader.
        private const int PollMilliseconds = 50;

        private readonly SCardManager manager;
        private readonly int context;

        public ReaderConnection(SCardManager manager, int context)
        {
            this.manager = manager;
            this.context = context;
        }

        public int Handle { get; private set; }
        public int Protocol { get; private set; }
        public string ReaderName { get; private set; }

        /// <summary>
        /// Connects SHARED to the first reader (among <paramref name="readerFilter"/>'s matches, or all)
        /// that has a card, trying again until <paramref name="waitSeconds"/> have passed. Returns the
        /// PC/SC code of the last attempt; a card that is there but fails is reported at once.
        /// </summary>
        public int Connect(string readerFilter, int protocols, double waitSeconds)
        {
            string[] readers;
            int result = manager.ListReaders(context, out readers);
            if (result != ScardError.Success)
            {
                return result;
            }

            string[] candidates = Match(readers, readerFilter);
            if (candidates.Length == 0)
            {
                ReaderName = readerFilter;
                return ScardError.UnknownReader;
            }

            DateTime deadline = DateTime.UtcNow.AddSeconds(waitSeconds);
            while (true)
            {
                result = TryEach(candidates, protocols);
                if (result != ScardError.NoSmartcard || DateTime.UtcNow >= deadline)
                {
                    return result;
                }

                Thread.Sleep(PollMilliseconds);
            }
        }

        private int TryEach(string[] candidates, int protocols)
        {
            int result = ScardError.NoSmartcard;
            foreach (string reader in candidates)
            {
                int handle;
                int protocol;
                ReaderName = reader;
                result = manager.Connect(context, reader, ScardConstants.ShareShared, protocols, out handle, out protocol);
                if (result != ScardError.NoSmartcard)
                {
                    Handle = handle;
                    Protocol = protocol;
                    return result;
                }
            }

            return result;
        }

        private static string[] Match(string[] readers, string filter)
        {
            if (filter == null)
            {
                return readers;
            }

            List<string> matches = new List<string>();
            foreach (string reader in readers)
            {
                if (reader == filter)
                {
                    return new[] { reader };
                }

                if (reader.IndexOf(filter, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    matches.Add(reader);
                }
            }

            return matches.Count == 1 ? matches.ToArray() : new string[0];
        }
    }
}
