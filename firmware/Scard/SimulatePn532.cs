using System;
using System.IO;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Hal.Linux;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// scard simulate pn532 --serial &lt;device&gt; [--card iso14443-4|typeb|mifare1k|ultralight|none | --taps &lt;script&gt;]:
    /// serves the virtual PN532 of boards/Simulator, strapped to HSU, on a serial device (<see cref="SimulatorPn532Server"/>),
    /// with one card in its field, or cards coming and going by a <see cref="TapScript"/> in real time, until
    /// SIGINT, SIGTERM or the end of standard input. The driver at the other
    /// end uses the board spec pn532-hsu:&lt;other device&gt;. Prints "serving …" once ready, then a line per
    /// command frame the chip accepted and per HSU rate change.
    /// </summary>
    internal static class SimulatePn532
    {
        public const string CardOption = "--card";
        public const string TapsOption = "--taps";

        public static int Run(CommandLineOptions options, TextWriter output, TextWriter error)
        {
            string device = SimulateVerb.Device(options);
            TapScript taps = Taps(options);

            LinuxUartLine line = SimulationLoop.OpenLine(device, error);
            if (line == null)
            {
                return 1;
            }

            using (line)
            {
                VirtualPn532 chip = new VirtualPn532(new VirtualClock());
                taps.PlayOn(chip);
                Serve(new SimulatorPn532Server(chip, line, MonotonicClock.Instance), Describe(options, taps) + " on " + device, output);
            }

            return 0;
        }

        /// <summary>--taps &lt;script&gt;, or one --card (default iso14443-4) from the start; not both.</summary>
        private static TapScript Taps(CommandLineOptions options)
        {
            string script = options.Get(TapsOption, null);
            string kind = options.Get(CardOption, null);
            if (script != null && kind != null)
            {
                throw new CommandLineException(CardOption + " and " + TapsOption + " exclude each other");
            }
            try
            {
                return script != null ? TapScript.Parse(script) : TapScript.CardStaysOn(kind ?? SimulatorPn532Cards.Iso14443_4);
            }
            catch (ArgumentException e)
            {
                throw new CommandLineException(e.Message);
            }
        }

        private static string Describe(CommandLineOptions options, TapScript taps)
        {
            string script = options.Get(TapsOption, null);
            return "PN532 on HSU (115200 bd 8N1) with " + (script != null ? "taps " + script : "card " + taps[0].CardKind);
        }

        /// <summary>Runs the server until a stop signal or stdin EOF, reporting accepted commands and rate changes.</summary>
        private static void Serve(SimulatorPn532Server server, string what, TextWriter output)
        {
            VirtualPn532 chip = server.Chip;
            int commands = chip.CommandCount;
            int baudRate = chip.SerialBaudRate;
            SimulationLoop.Run(what, output, () =>
            {
                server.RunOnce();
                if (chip.CommandCount != commands)
                {
                    commands = chip.CommandCount;
                    SimulationLoop.Report(output, "command " + commands + " accepted");
                }
                if (chip.SerialBaudRate != baudRate)
                {
                    baudRate = chip.SerialBaudRate;
                    SimulationLoop.Report(output, "HSU rate " + baudRate + " bd");
                }
            });
            SimulationLoop.Report(output, "stopped after " + server.BytesFromHost + " bytes in, " + server.BytesToHost + " bytes out");
        }
    }
}
