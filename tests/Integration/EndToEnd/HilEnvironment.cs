using System;
using EmbeddedSmartCard.Boards.Simulator;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>
    /// The environment variables that describe a real board to the hardware-in-loop suites
    /// (docs/hardware-in-loop.md): which board, which card lies on or in its reader, whether a person is
    /// there to take the card away, and optionally which of the board's readers to use.
    /// </summary>
    public static class HilEnvironment
    {
        /// <summary>A board spec or profile name as `--board` takes it, e.g. rpi-pn532-i2c or uart-card:/dev/ttyAMA0,rst=gpio:0:17.</summary>
        public const string BoardVariable = "ESC_HIL_BOARD";

        /// <summary>The card kind the reader holds: one of <see cref="CardKinds"/>.</summary>
        public const string CardVariable = "ESC_HIL_CARD";

        /// <summary>"1" when a person runs the suite and can take the card out and put it back when asked.</summary>
        public const string InteractiveVariable = "ESC_HIL_INTERACTIVE";

        /// <summary>Optional: part of the name of the reader to use on a board with several (default: the first reader).</summary>
        public const string ReaderVariable = "ESC_HIL_READER";

        /// <summary>A contact card (T=0 or T=1) in a contact reader.</summary>
        public const string ContactCard = "contact";

        /// <summary>The valid values of <see cref="CardVariable"/>; the contactless ones are the simulator's names for the same kinds.</summary>
        public const string CardKinds = ContactCard + "|" + SimulatorPn532Cards.Iso14443_4 + "|" + SimulatorPn532Cards.Mifare1K + "|" + SimulatorPn532Cards.Ultralight;

        public static string Board
        {
            get { return Read(BoardVariable); }
        }

        public static string Card
        {
            get { return Read(CardVariable); }
        }

        public static string Reader
        {
            get { return Read(ReaderVariable); }
        }

        public static bool Interactive
        {
            get { return Read(InteractiveVariable) == "1"; }
        }

        /// <summary>
        /// The board spec when the environment describes a board holding a card of <paramref name="cardKind"/>;
        /// otherwise the test ends Inconclusive saying which variables to set. A card kind outside
        /// <see cref="CardKinds"/> fails the test, listing the valid ones.
        /// </summary>
        public static string RequireBoardWith(string cardKind)
        {
            string board = Board;
            string card = Card;
            if (board == null || card == null)
            {
                Assert.Inconclusive("hardware-in-loop skipped: set " + BoardVariable + "=<board spec or profile> and " + CardVariable + "="
                    + cardKind + " to run this suite on a real board (docs/hardware-in-loop.md)");
            }

            if (!IsCardKind(card))
            {
                Assert.Fail(CardVariable + "='" + card + "' is not a card kind; valid kinds: " + CardKinds);
            }

            if (card != cardKind)
            {
                Assert.Inconclusive("hardware-in-loop skipped: " + CardVariable + "=" + card + " names another card; this suite needs " + CardVariable + "=" + cardKind);
            }

            return board;
        }

        /// <summary>Ends the test Inconclusive unless a person is there (<see cref="InteractiveVariable"/>=1).</summary>
        public static void RequireInteractive()
        {
            if (!Interactive)
            {
                Assert.Inconclusive("interactive step skipped: set " + InteractiveVariable + "=1 and be at the reader to take the card out and put it back when asked");
            }
        }

        private static bool IsCardKind(string card)
        {
            return card == ContactCard || card == SimulatorPn532Cards.Iso14443_4 || card == SimulatorPn532Cards.Mifare1K || card == SimulatorPn532Cards.Ultralight;
        }

        /// <summary>The variable's trimmed value, null when unset or blank.</summary>
        private static string Read(string variable)
        {
            string value = Environment.GetEnvironmentVariable(variable);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }
    }
}
