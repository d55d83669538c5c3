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

        /// <summary>IOCTL_SMARTCARD_SET_PROTOCOL is smart-card function 12 (winsmcrd.h).</summary>
        private const int SetProtocolFunction = 12;

        private readonly SCardManager manager;
        private readonly int context;
        private int shareMode = ScardConstants.ShareShared;

        public ReaderConnection(SCardManager manager, int context)
        {
            this.manager = manager;
            this.context = context;
        }

        public int Handle { get; private set; }
        public int Protocol { get; private set; }
        public string ReaderName { get; private set; }

        /// <summary>
        /// Connects in <paramref name="shareMode"/> to the first reader (among <paramref name="readerFilter"/>'s
        /// matches, or all) that has a card, trying again until <paramref name="waitSeconds"/> have passed.
        /// Returns the PC/SC code of the last attempt; a card that is there but fails is reported at once.
        /// DIRECT needs no card, so it takes the first matching reader at once and negotiates nothing (see
        /// <see cref="SelectProtocol"/>).
        /// </summary>
        public int Connect(string readerFilter, int shareMode, int protocols, double waitSeconds)
        {
            this.shareMode = shareMode;
            if (shareMode == ScardConstants.ShareDirect)
            {
                protocols = ScardConstants.ProtocolUndefined;
            }

            string[] candidates;
            int result = MatchingReaders(manager, context, readerFilter, out candidates);
            if (result != ScardError.Success)
            {
                if (result == ScardError.UnknownReader)
                {
                    ReaderName = readerFilter;
                }

                return result;
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

        /// <summary>
        /// The reader <paramref name="readerFilter"/> names (as for Connect), or the first reader without one,
        /// whether or not it holds a card. UnknownReader when no single reader matches.
        /// </summary>
        public static int FindReader(SCardManager manager, int context, string readerFilter, out string reader)
        {
            reader = readerFilter;
            string[] candidates;
            int result = MatchingReaders(manager, context, readerFilter, out candidates);
            if (result == ScardError.Success)
            {
                reader = candidates[0];
            }

            return result;
        }

        /// <summary>The readers SCardListReaders names that <paramref name="readerFilter"/> matches; UnknownReader when none does.</summary>
        private static int MatchingReaders(SCardManager manager, int context, string readerFilter, out string[] candidates)
        {
            candidates = null;
            string[] readers;
            int result = manager.ListReaders(context, out readers);
            if (result != ScardError.Success)
            {
                return result;
            }

            candidates = Match(readers, readerFilter);
            return candidates.Length == 0 ? ScardError.UnknownReader : ScardError.Success;
        }

        private int TryEach(string[] candidates, int protocols)
        {
            int result = ScardError.NoSmartcard;
            foreach (string reader in candidates)
            {
                int handle;
                int protocol;
                ReaderName = reader;
                result = manager.Connect(context, reader, shareMode, protocols, out handle, out protocol);
                if (result != ScardError.NoSmartcard)
                {
                    Handle = handle;
                    Protocol = protocol;
                    return result;
                }
            }

            return result;
        }

        /// <summary>
        /// Selects the protocol of a DIRECT connection through SCardControl(IOCTL_SMARTCARD_SET_PROTOCOL), which
        /// powers the card if needed; the input and the answer are one little-endian DWORD.
        /// </summary>
        public int SelectProtocol(int protocols)
        {
            byte[] request = BitConverter.GetBytes(protocols);
            byte[] selected = new byte[sizeof(int)];
            int returned;
            int result = manager.Control(Handle, ScardConstants.ControlCode(SetProtocolFunction), request, 0, request.Length, selected, 0, selected.Length, out returned);
            if (result == ScardError.Success)
            {
                Protocol = BitConverter.ToInt32(selected, 0);
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
