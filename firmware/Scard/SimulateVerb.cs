using System;
using System.IO;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Hal.Linux;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// scard simulate card --serial &lt;device&gt; [--protocol t0|t1|both] [--atr &lt;hex&gt;] [--inverse]:
    /// serves the simulated contact card (boards/Simulator's <see cref="SerialCardServer"/>) on a serial
    /// device, e.g. one end of a socat pty pair, until SIGINT, SIGTERM or the end of standard input.
    /// Prints "serving … on &lt;device&gt;" once ready, then a line per reset, protocol change and APDU.
    /// The line has no RST wire, so the reader at the other end resets the card in-band with FF FF
    /// (docs/architecture.md): use a board spec with rst=none there.
    /// scard simulate pn532 … serves the virtual PN532 instead (<see cref="SimulatePn532"/>).
    /// </summary>
    public static class SimulateVerb
    {
        public const string SerialOption = "--serial";
        private const string ProtocolOption = "--protocol";
        private const string AtrOption = "--atr";
        private const string InverseFlag = "--inverse";
        private const string CardWord = "card";
        private const string Pn532Word = "pn532";

        private const string Usage =
            "usage: scard simulate card --serial <device> [--protocol t0|t1|both] [--atr <hex>] [--inverse]\n" +
            "   or: scard simulate pn532 --serial <device> [--card " + SimulatorPn532Cards.Kinds + " | --taps " + TapScript.Grammar + "]";

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            CommandLineOptions options = new CommandLineOptions(args,
                new[] { SerialOption, ProtocolOption, AtrOption, SimulatePn532.CardOption, SimulatePn532.TapsOption }, new[] { InverseFlag });
            string what = options.Positional.Count == 1 ? options.Positional[0] : null;
            if (what == CardWord)
            {
                RejectOptions(options, what, SimulatePn532.CardOption, SimulatePn532.TapsOption);
                return ServeCard(options, output, error);
            }
            if (what == Pn532Word)
            {
                RejectOptions(options, what, ProtocolOption, AtrOption, InverseFlag);
                return SimulatePn532.Run(options, output, error);
            }
            throw new CommandLineException(Usage);
        }

        /// <summary>The serial device the options name; a usage error when --serial is missing.</summary>
        internal static string Device(CommandLineOptions options)
        {
            string device = options.Get(SerialOption, null);
            if (device == null)
            {
                throw new CommandLineException(SerialOption + " <device> is required, e.g. --serial /tmp/ptyB");
            }
            return device;
        }

        private static void RejectOptions(CommandLineOptions options, string what, params string[] others)
        {
            foreach (string other in others)
            {
                if (options.Has(other) || options.Get(other, null) != null)
                {
                    throw new CommandLineException(other + " is not an option of simulate " + what + "\n" + Usage);
                }
            }
        }

        private static int ServeCard(CommandLineOptions options, TextWriter output, TextWriter error)
        {
            string device = Device(options);
            string protocol = options.Get(ProtocolOption, "t0");
            CardProfile profile = Profile(protocol, options);
            LinuxUartLine line = SimulationLoop.OpenLine(device, error);
            if (line == null)
            {
                return 1;
            }
            using (line)
            {
                Serve(new SerialCardServer(new SimulatedCard(profile), line, MonotonicClock.Instance), Describe(protocol, profile) + " on " + device, output);
            }
            return 0;
        }

        /// <summary>The card profile the options ask for.</summary>
        private static CardProfile Profile(string protocol, CommandLineOptions options)
        {
            CardProfile profile;
            switch (protocol)
            {
                case "t0":
                    profile = CardProfile.DirectT0();
                    break;
                case "t1":
                    // T=1 only, at Fd/Dd: the rate does not matter on a pty, the block protocol does.
                    profile = CardProfile.DirectT0();
                    profile.OffersT0 = false;
                    profile.OffersT1 = true;
                    break;
                case "both":
                    profile = CardProfile.DualT0T1();
                    break;
                default:
                    throw new CommandLineException(ProtocolOption + " wants t0, t1 or both, not '" + protocol + "'");
            }
            profile.InverseConvention = options.Has(InverseFlag);
            string atr = options.Get(AtrOption, null);
            if (atr != null)
            {
                profile.CustomAtr = HexArgument.Parse(atr);
            }
            return profile;
        }

        private static string Describe(string protocol, CardProfile profile)
        {
            string convention = profile.InverseConvention ? "inverse" : "direct";
            return protocol.ToUpperInvariant() + " card (" + convention + " convention, ATR " + Convert.ToHexString(profile.BuildAtr()) + ")";
        }

        /// <summary>Runs the server until a stop signal or stdin EOF, reporting resets, protocol changes and APDUs.</summary>
        private static void Serve(SerialCardServer server, string what, TextWriter output)
        {
            SimulatedCard card = server.Card;
            int resets = card.ResetCount;
            int commands = card.Applet.CommandCount;
            SimulatedCardState state = card.State;
            SimulationLoop.Run(what, output, () =>
            {
                server.RunOnce();
                if (card.ResetCount != resets)
                {
                    resets = card.ResetCount;
                    SimulationLoop.Report(output, "reset " + resets + ": ATR sent");
                }
                if (card.State != state)
                {
                    state = card.State;
                    SimulationLoop.Report(output, "card state " + state);
                }
                if (card.Applet.CommandCount != commands)
                {
                    commands = card.Applet.CommandCount;
                    SimulationLoop.Report(output, "apdu " + commands + " answered");
                }
            });
            SimulationLoop.Report(output, "stopped after " + server.BytesFromReader + " bytes in, " + server.BytesToReader + " bytes out");
        }
    }
}
