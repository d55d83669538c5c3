using System;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>Entry point of the scard tool: one verb per file, dispatched here.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help")
            {
                Console.Out.Write(Usage);
                return args.Length == 0 ? 2 : 0;
            }

            string[] rest = new string[args.Length - 1];
            Array.Copy(args, 1, rest, 0, rest.Length);
            try
            {
                switch (args[0])
                {
                    case "atr": return AtrVerb.Run(rest, Console.In, Console.Out, Console.Error);
                    case "list": return ListVerb.Run(rest, Console.Out, Console.Error);
                    case "monitor": return MonitorVerb.Run(rest, Console.Out, Console.Error);
                    case "send": return SendVerb.Run(rest, Console.Out, Console.Error);
                    case "simulate": return SimulateVerb.Run(rest, Console.Out, Console.Error);
                    case "demo": return DemoVerb.Run(rest, Console.Out, Console.Error);
                    case "bench": return BenchVerb.Run(rest, Console.Out, Console.Error);
                    case "export": return ExportVerb.Run(rest, Console.Out, Console.Error);
                    case "terminal": return TerminalVerb.Run(rest, Console.In, Console.Out, Console.Error);
                    case "door": return DoorVerb.Run(rest, Console.Out, Console.Error);
                    default:
                        Console.Error.WriteLine("scard: unknown verb '" + args[0] + "'");
                        Console.Error.Write(Usage);
                        return 2;
                }
            }
            catch (CommandLineException e)
            {
                Console.Error.WriteLine("scard " + args[0] + ": " + e.Message);
                return 2;
            }
        }

        private const string Usage =
            "usage: scard <verb> [options]\n" +
            "  atr <hex>... | atr -   [--json]                 parse ATRs (arguments, or one per line on stdin)\n" +
            "  list                   [--board <spec>]         list readers and cards\n" +
            "  monitor                [--board <spec>] [--count N] [--timeout <seconds>]  live view of reader and card events\n" +
            "  send <apdu>...         [--board <spec>] [--reader <name>] [--wait <seconds>] [--protocol t0|t1|any] [--json]\n" +
            "  simulate card --serial <device> [card options]  serve the simulated contact card on a serial device\n" +
            "  simulate pn532 --serial <device> [--card <kind> | --taps <ms>:<kind>;...]  serve the virtual PN532 (HSU) on a serial device\n" +
            "  demo                                            the scripted session on the simulator board\n" +
            "  bench                  [--exchanges N]          the T=1 transmit benchmark on the simulator board\n" +
            "  export --to <host>:<port> [--board <spec>] [--reader <name>]  a reader's card to pcscd's vpcd (as vicc)\n" +
            "  terminal               [--board <spec>] [--serial <device> [--baud <bps>]]  the card terminal's line protocol (firmware/Terminal/README.md)\n" +
            "  door                   [--board <spec> --config <file> --log <file> [--count N]]  the door-access scenario on the simulator, or the door controller on a board\n" +
            "board specs: sim (default) | sim:pn532[,taps=<ms>:<card>;...] | uart-card:<device>[,option=value...]\n" +
            "             pn532-i2c:<bus>[:<address>] | pn532-spi:<bus>.<cs>[,irq=<line>] | pn532-hsu:<device>[,baud=<bps>]\n" +
            "             vpcd[:<port>]  (vicc connects as a card) | pcsc[,reader=<part of a host reader name>][,poll=<ms>]  (the host's PC/SC readers)\n" +
            "             <profile>[,key=value...] | <file>.conf  (a Raspberry Pi board profile: rpi-pn532-i2c, rpi-pn532-spi, rpi-pn532-hsu, rpi-contact;\n" +
            "             keys and wiring in boards/Profiles/README.md)\n";
    }

    /// <summary>A usage error: printed as one line, exit code 2.</summary>
    public sealed class CommandLineException : Exception
    {
        public CommandLineException(string message) : base(message)
        {
        }
    }
}
