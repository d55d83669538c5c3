using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>
    /// How the environment selects the real-board classes: skipped (Inconclusive) saying what to set, a
    /// wrong card kind failing with the valid ones, the board spec handed over when the card matches.
    /// Each test sets the variables it needs and puts the run's own values back.
    /// </summary>
    [TestClass]
    public sealed class HilEnvironmentTests
    {
        private const string Board = "pn532-hsu:/dev/ttyUSB0,name=Bench";

        [TestMethod]
        public void WithoutABoardTheSuitesAreSkippedNamingTheVariables()
        {
            WithEnvironment(null, null, null, () =>
            {
                string message = Inconclusive(() => HilEnvironment.RequireBoardWith(HilEnvironment.ContactCard));
                StringAssert.Contains(message, "ESC_HIL_BOARD=<board spec or profile>");
                StringAssert.Contains(message, "ESC_HIL_CARD=contact");
                StringAssert.Contains(message, "docs/hardware-in-loop.md");
            });
        }

        [TestMethod]
        public void ABoardWithoutACardIsSkippedToo()
        {
            WithEnvironment(Board, null, null, () =>
            {
                StringAssert.Contains(Inconclusive(() => HilEnvironment.RequireBoardWith("mifare1k")), "ESC_HIL_CARD=mifare1k");
            });
        }

        [TestMethod]
        public void AnotherCardSkipsTheSuiteNamingTheCardItNeeds()
        {
            WithEnvironment(Board, "ultralight", null, () =>
            {
                string message = Inconclusive(() => HilEnvironment.RequireBoardWith("iso14443-4"));
                StringAssert.Contains(message, "ESC_HIL_CARD=ultralight names another card");
                StringAssert.Contains(message, "needs ESC_HIL_CARD=iso14443-4");
            });
        }

        [TestMethod]
        public void AnUnknownCardFailsListingTheValidKinds()
        {
            WithEnvironment(Board, "felica", null, () =>
            {
                AssertFailedException e = Assert.ThrowsExactly<AssertFailedException>(() => HilEnvironment.RequireBoardWith(HilEnvironment.ContactCard));
                StringAssert.Contains(e.Message, "ESC_HIL_CARD='felica' is not a card kind; valid kinds: contact|iso14443-4|mifare1k|ultralight");
            });
        }

        [TestMethod]
        public void TheMatchingCardHandsOverTheTrimmedBoardSpec()
        {
            WithEnvironment("  " + Board + " ", "mifare1k", null, () =>
            {
                Assert.AreEqual(Board, HilEnvironment.RequireBoardWith("mifare1k"));
            });
        }

        [TestMethod]
        public void OnlyInteractiveOneLetsTheRemovalStepRun()
        {
            WithEnvironment(Board, "mifare1k", "yes", () =>
            {
                StringAssert.Contains(Inconclusive(HilEnvironment.RequireInteractive), "set ESC_HIL_INTERACTIVE=1");
            });
            WithEnvironment(Board, "mifare1k", "1", HilEnvironment.RequireInteractive);
        }

        private static string Inconclusive(Action step)
        {
            return Assert.ThrowsExactly<AssertInconclusiveException>(step).Message;
        }

        private static string Inconclusive(Func<string> step)
        {
            return Inconclusive(() => { step(); });
        }

        /// <summary>Runs <paramref name="body"/> with the three variables set (null: unset), then restores the run's values.</summary>
        private static void WithEnvironment(string board, string card, string interactive, Action body)
        {
            string[] variables = { HilEnvironment.BoardVariable, HilEnvironment.CardVariable, HilEnvironment.InteractiveVariable };
            string[] wanted = { board, card, interactive };
            string[] saved = new string[variables.Length];
            for (int i = 0; i < variables.Length; i++)
            {
                saved[i] = Environment.GetEnvironmentVariable(variables[i]);
                Environment.SetEnvironmentVariable(variables[i], wanted[i]);
            }

            try
            {
                body();
            }
            finally
            {
                for (int i = 0; i < variables.Length; i++)
                {
                    Environment.SetEnvironmentVariable(variables[i], saved[i]);
                }
            }
        }
    }
}
