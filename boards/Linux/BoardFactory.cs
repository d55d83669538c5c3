using System;
using EmbeddedSmartCard.Boards.Profiles;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers.PcscHost;
using EmbeddedSmartCard.Drivers.Vpcd;

namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>
    /// Builds a board from its spec: "sim" (the simulator board), "sim:pn532[,taps=&lt;script&gt;]" (the same
    /// plus a simulated PN532), "uart-card:&lt;device&gt;[,option…]", a PN532 on I2C, SPI or HSU, "vpcd[:&lt;port&gt;]", "pcsc",
    /// or a board profile: "&lt;profile&gt;[,key=value…]" or a "&lt;file&gt;.conf".
    /// </summary>
    public static class BoardFactory
    {
        public const string SimulatorSpec = SimulatorBoard.BoardName;

        /// <summary>The simulator board with a PN532 reader beside its contact slot.</summary>
        public const string SimulatorPn532Spec = SimulatorBoard.BoardName + ":pn532";

        /// <summary>The simulator's forms, quoted in parse errors.</summary>
        public const string SimulatorForms = SimulatorSpec + " | " + SimulatorPn532Spec + "[,taps=" + TapScript.Grammar + "]";

        private const string TapsOption = "taps=";

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
            if (trimmed.StartsWith(SimulatorPn532Spec, StringComparison.Ordinal))
            {
                return SimulatorWithPn532(trimmed);
            }
            if (trimmed.StartsWith(UartCardSpec.Prefix, StringComparison.Ordinal))
            {
                return UartCardBoard.Open(trimmed, UartCardSpec.Parse(trimmed));
            }
            if (Pn532Spec.Matches(trimmed))
            {
                return Pn532Board.Open(trimmed, Pn532Spec.Parse(trimmed));
            }
            if (VpcdSpec.Matches(trimmed))
            {
                return VpcdBoard.Create(trimmed, VpcdSpec.Parse(trimmed));
            }
            if (PcscSpec.Matches(trimmed))
            {
                return PcscHostBoard.Create(trimmed, PcscSpec.Parse(trimmed));
            }
            if (ProfileSettings.IsConfigFile(trimmed))
            {
                return LinuxProfileBoards.OpenConfigFile(trimmed);
            }
            if (LinuxProfileBoards.Matches(trimmed))
            {
                return LinuxProfileBoards.Open(trimmed);
            }
            throw new ArgumentException("unknown board spec '" + spec + "'. Valid forms: " + SpecText.AllForms);
        }

        /// <summary>sim:pn532[,taps=&lt;script&gt;]: the demo board plus a PN532 whose field follows the script in real time.</summary>
        private static IBoard SimulatorWithPn532(string spec)
        {
            string rest = spec.Substring(SimulatorPn532Spec.Length);
            TapScript taps;
            if (rest.Length == 0)
            {
                taps = TapScript.CardStaysOn(SimulatorPn532Cards.Iso14443_4);
            }
            else if (rest.StartsWith("," + TapsOption, StringComparison.Ordinal))
            {
                taps = ParseTaps(spec, rest.Substring(1 + TapsOption.Length));
            }
            else
            {
                throw SpecText.Invalid(spec, "'" + rest + "' is not ,taps=<script>");
            }
            SimulatorBoard board = SimulatorBoard.CreateDemo();
            board.AddPn532(new SimulatorPn532(taps)).Start();
            return board;
        }

        private static TapScript ParseTaps(string spec, string script)
        {
            try
            {
                return TapScript.Parse(script);
            }
            catch (ArgumentException e)
            {
                throw SpecText.Invalid(spec, e.Message);
            }
        }
    }
}
