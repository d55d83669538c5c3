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

        /// <summary>The reader of the suite among <paramref name="names"/> (the manager's list); fails the test when none fits.</summary>
        public abstract string PickReader(string[] names);

        /// <summary>Takes the card out of the rig's reader (or asks a person to); ends the test Inconclusive when that cannot happen.</summary>
        public abstract void TakeCardOut(EndToEndRig rig);

        /// <summary>After a removal test: the card goes back so the next test finds it (nothing to do where each test builds its own board).</summary>
        public virtual void PutCardBack(EndToEndRig rig)
        {
        }
    }
}
