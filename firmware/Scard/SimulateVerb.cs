using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
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
    /// </summary>
    public static class SimulateVerb
    {
        private const string SerialOption = "--serial";
        private const string ProtocolOption = "--protocol";
        private const string AtrOption = "--atr";
        private const string InverseFlag = "--inverse";
        private const string CardWord = "card";

        /// <summary>Bytes read from standard input at a time while watching it for EOF.</summary>
        private const int InputChunk = 256;

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            CommandLineOptions options = new CommandLineOptions(args, new[] { SerialOption, ProtocolOption, AtrOption }, new[] { InverseFlag });
            if (options.Positional.Count != 1 || options.Positional[0] != CardWord)
            {
                throw new CommandLineException("usage: scard simulate card --serial <device> [--protocol t0|t1|both] [--atr <hex>] [--inverse]");
            }
            string device = options.Get(SerialOption, null);
            if (device == null)
            {
                throw new CommandLineException(SerialOption + " <device> is required, e.g. --serial /tmp/ptyB");
            }
            string protocol = options.Get(ProtocolOption, "t0");
            CardProfile profile = Profile(protocol, options);

            LinuxUartLine line;
            try
            {
                line = new LinuxUartLine(device);
            }
            catch (IOException e)
            {
                error.WriteLine("scard simulate: " + e.Message);
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

        /// <summary>Runs the server on this thread until a stop signal or stdin EOF, reporting resets, protocol changes and APDUs.</summary>
        private static void Serve(SerialCardServer server, string what, TextWriter output)
        {
            // Not disposed: the stdin watcher may still set it after serving ended.
            ManualResetEvent stop = new ManualResetEvent(false);
            using (PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => StopOn(context, stop)))
            using (PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => StopOn(context, stop)))
            {
                WatchInputForEof(stop);
                output.WriteLine("serving " + what);
                output.Flush();
                SimulatedCard card = server.Card;
                int resets = card.ResetCount;
                int commands = card.Applet.CommandCount;
                SimulatedCardState state = card.State;
                while (!stop.WaitOne(0))
                {
                    server.RunOnce();
                    if (card.ResetCount != resets)
                    {
                        resets = card.ResetCount;
                        Report(output, "reset " + resets + ": ATR sent");
                    }
                    if (card.State != state)
                    {
                        state = card.State;
                        Report(output, "card state " + state);
                    }
                    if (card.Applet.CommandCount != commands)
                    {
                        commands = card.Applet.CommandCount;
                        Report(output, "apdu " + commands + " answered");
                    }
                }
                Report(output, "stopped after " + server.BytesFromReader + " bytes in, " + server.BytesToReader + " bytes out");
            }
        }

        private static void StopOn(PosixSignalContext context, ManualResetEvent stop)
        {
            context.Cancel = true;
            stop.Set();
        }

        /// <summary>A background thread that sets <paramref name="stop"/> when standard input ends.</summary>
        private static void WatchInputForEof(ManualResetEvent stop)
        {
            Thread watcher = new Thread(() =>
            {
                using (Stream input = Console.OpenStandardInput())
                {
                    byte[] chunk = new byte[InputChunk];
                    while (input.Read(chunk, 0, chunk.Length) > 0)
                    {
                        // Whatever is typed is ignored: only the end of input matters.
                    }
                }
                stop.Set();
            });
            watcher.IsBackground = true;
            watcher.Name = "stdin EOF watch";
            watcher.Start();
        }

        private static void Report(TextWriter output, string line)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
