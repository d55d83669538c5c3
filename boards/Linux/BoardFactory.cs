using System;
using EmbeddedSmartCard.Boards.Simulator;

namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>Builds a board from its spec: "sim" (the simulator board) or "uart-card:&lt;device&gt;[,option…]".</summary>
    public static class BoardFactory
    {
        public const string SimulatorSpec = SimulatorBoard.BoardName;

        /// <summary>
        /// Builds the board <paramref name="spec"/> names. An unknown or malformed spec is an ArgumentException naming
        /// the bad part and listing the valid forms; a device that cannot be opened is an IOException naming it.
        /// </summary>
        public static IBoard Create(string spec)
        {
            string trimmed = spec == null ? "" : spec.Trim();
            if (trimmed == SimulatorSpec)
            {
                // The simulator's default board: one slot with a dual T=0/T=1 card in it.
                return SimulatorBoard.CreateDemo();
            }
            if (trimmed.StartsWith(UartCardSpec.Prefix, StringComparison.Ordinal))
            {
                return UartCardBoard.Open(trimmed, UartCardSpec.Parse(trimmed));
            }
            throw new ArgumentException("unknown board spec '" + spec + "'. Valid forms: " + SimulatorSpec + " | " + UartCardSpec.ValidForms);
        }
    }
}
