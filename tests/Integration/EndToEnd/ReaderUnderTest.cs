using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>
    /// What an end-to-end reader suite runs against: the board spec to build (through BoardFactory, as
    /// `--board` does), which of its readers to use, what is known of the card on it, and how the card
    /// leaves the reader and comes back.
    /// </summary>
    public abstract class ReaderUnderTest
    {
        /// <summary>A spec BoardFactory.Create accepts: "sim…", a device spec or a profile name.</summary>
        public abstract string BoardSpec { get; }

        /// <summary>Bound on the wait for the reader to see the card gone once <see cref="TakeCardOut"/> returned.</summary>
        public abstract int RemovalPatienceMillis { get; }

        /// <summary>The UID the card must report, or null when only its length is known (a real card).</summary>
        public virtual byte[] ExpectedUid
        {
            get { return null; }
        }

        /// <summary>Part of the name of the suite's reader, or null for the first reader the board has.</summary>
        protected abstract string ReaderNamePart { get; }

        /// <summary>The first of <paramref name="names"/> (the manager's list) that contains <see cref="ReaderNamePart"/>; fails the test when none does.</summary>
        public string PickReader(string[] names)
        {
            string wanted = ReaderNamePart;
            foreach (string name in names)
            {
                if (wanted == null || name.Contains(wanted, StringComparison.Ordinal))
                {
                    return name;
                }
            }

            Assert.Fail("board '" + BoardSpec + "' has no reader" + (wanted == null ? "" : " named like '" + wanted + "'") + " among: " + string.Join(" | ", names));
            return null;
        }

        /// <summary>Takes the card out of the rig's reader (or asks a person to); ends the test Inconclusive when that cannot happen.</summary>
        public abstract void TakeCardOut(EndToEndRig rig);

        /// <summary>After a removal test: the card goes back so the next test finds it (nothing to do where each test builds its own board).</summary>
        public virtual void PutCardBack(EndToEndRig rig)
        {
        }
    }
}
