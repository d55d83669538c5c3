using System;
using System.IO;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Hal.Linux;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// scard simulate pn532 --serial &lt;device&gt; [--card iso14443-4|typeb|mifare1k|ultralight|none]: serves the
    /// virtual PN532 of boards/Simulator, strapped to HSU, on a serial device (<see cref="SimulatorPn532Server"/>),
    /// with one card in its field, until SIGINT, SIGTERM or the end of standard input. The driver at the other
    /// end uses the board spec pn532-hsu:&lt;other device&gt;. Prints "serving …" once ready, then a line per
    /// command frame the chip accepted and per HSU rate change.
    /// </summary>
    internal static class SimulatePn532
    {
        public const string CardOption = "--card";

        public static int Run(CommandLineOptions options, TextWriter output, TextWriter error)
        {
            string device = SimulateVerb.Device(options);
            string kind = options.Get(CardOption, SimulatorPn532Cards.Iso14443_4);
            if (!SimulatorPn532Cards.IsKind(kind))
            {
                throw new CommandLineException(CardOption + " wants " + SimulatorPn532Cards.Kinds + ", not '" + kind + "'");
            }

            LinuxUartLine line = SimulationLoop.OpenLine(device, error);
            if (line == null)
            {
                return 1;
            }

            using (line)
            {
                VirtualPn532 chip = new VirtualPn532(new VirtualClock());
                ContactlessCard card = SimulatorPn532Cards.Create(kind);
                if (card != null)
                {
                    chip.PlaceCard(card);
                }

                Serve(new SimulatorPn532Server(chip, line, MonotonicClock.Instance), Describe(kind, card) + " on " + device, output);
            }

            return 0;
        }

        private static string Describe(string kind, ContactlessCard card)
        {
            string field = card == null ? "an empty field" : "a " + kind + " card (UID " + Convert.ToHexString(card.Uid) + ")";
            return "PN532 on HSU (115200 bd 8N1) with " + field;
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
