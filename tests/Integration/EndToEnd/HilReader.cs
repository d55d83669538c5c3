using System;
using System.IO;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>
    /// A real board as the suites' reader, described by <see cref="HilEnvironment"/>; constructing one ends
    /// the test Inconclusive when the environment does not describe a board with the suite's card. Card
    /// removal asks the person at the reader (on the terminal) and waits for them, bounded.
    /// </summary>
    public sealed class HilReader : ReaderUnderTest
    {
        /// <summary>How long a person gets to take the card out or put it back.</summary>
        public const int PersonPatienceMillis = 30000;

        /// <summary>The controlling terminal of `dotnet test`: the prompt reaches the person while the test runs, not in its captured output.</summary>
        private const string Terminal = "/dev/tty";

        private readonly string boardSpec;

        public HilReader(string cardKind)
        {
            boardSpec = HilEnvironment.RequireBoardWith(cardKind);
        }

        public override string BoardSpec
        {
            get { return boardSpec; }
        }

        public override int RemovalPatienceMillis
        {
            get { return PersonPatienceMillis; }
        }

        /// <summary><see cref="HilEnvironment.ReaderVariable"/>; unset, the first reader.</summary>
        protected override string ReaderNamePart
        {
            get { return HilEnvironment.Reader; }
        }

        public override void TakeCardOut(EndToEndRig rig)
        {
            HilEnvironment.RequireInteractive();
            Ask("take the card out of '" + rig.Reader + "' (" + PersonPatienceMillis / 1000 + " s)");
        }

        public override void PutCardBack(EndToEndRig rig)
        {
            Ask("put the card back on/in '" + rig.Reader + "' (" + PersonPatienceMillis / 1000 + " s)");
            rig.WaitFor(rig.Reader, ScardConstants.StatePresent, true, PersonPatienceMillis);
        }

        /// <summary>Shows <paramref name="request"/> on the terminal, or on standard error where there is none.</summary>
        private static void Ask(string request)
        {
            string line = "\a[hardware-in-loop] " + request + Environment.NewLine;
            if (!TryWriteTerminal(line))
            {
                Console.Error.Write(line);
            }
        }

        private static bool TryWriteTerminal(string line)
        {
            try
            {
                File.AppendAllText(Terminal, line);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
