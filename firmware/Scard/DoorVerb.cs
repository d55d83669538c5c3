using System;
using System.IO;
using EmbeddedSmartCard.Boards;
using EmbeddedSmartCard.Boards.Profiles;
using EmbeddedSmartCard.Firmware.DoorAccess;
using EmbeddedSmartCard.Firmware.DoorAccess.Scenario;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Linux;
using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// scard door: without --board, the door-access scenario on the simulator board (firmware/DoorAccess
    /// DoorScenario), one line per decision; with --board, the door controller on that board's readers and
    /// outputs, with --config (the door configuration file) and --log (the audit log file, fsynced), printing
    /// each decision until interrupted or --count decisions.
    /// </summary>
    public static class DoorVerb
    {
        private const string ConfigOption = "--config";
        private const string LogOption = "--log";
        private const string CountOption = "--count";
        private const int SeedOfGarbage = 1;

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            CommandLineOptions options = new CommandLineOptions(args, new string[] { BoardOption.Name, ConfigOption, LogOption, CountOption }, new string[0]);
            options.ExpectNoPositional();
            try
            {
                return options.Get(BoardOption.Name, null) == null ? RunScenario(options, output, error) : RunController(options, output, error);
            }
            catch (IOException e)
            {
                error.WriteLine("scard door: " + e.Message);
                return 1;
            }
        }

        private static int RunScenario(CommandLineOptions options, TextWriter output, TextWriter error)
        {
            if (options.Get(ConfigOption, null) != null || options.Get(CountOption, null) != null)
            {
                throw new CommandLineException(ConfigOption + " and " + CountOption + " go with " + BoardOption.Name + " (the scenario has its own configuration)");
            }

            IAppendStorage storage = OpenLog(options, new SimAppendStorage(SeedOfGarbage));
            MonotonicClock clock = new MonotonicClock();
            using (DoorChallengeSource challenges = new DoorChallengeSource())
            using (DoorScenario scenario = new DoorScenario(clock, new DoorOutputs(clock, null, null, null, null), challenges, storage))
            {
                bool asExpected = scenario.Run(new WriterOutput(output));
                Close(storage);
                if (!asExpected)
                {
                    error.WriteLine("scard door: a case was not decided as it must be (see above)");
                    return 1;
                }

                return 0;
            }
        }

        private static int RunController(CommandLineOptions options, TextWriter output, TextWriter error)
        {
            DoorConfig config = ReadConfig(options.Get(ConfigOption, null));
            int count = ParseCount(options.Get(CountOption, null));
            string logPath = options.Get(LogOption, null);
            if (logPath == null)
            {
                throw new CommandLineException(LogOption + " <file> is required with " + BoardOption.Name + " (the audit log)");
            }

            IBoard board = BoardOption.Create(options, "door", error);
            if (board == null)
            {
                return 1;
            }

            using (board)
            using (SCardManager manager = new SCardManager(board))
            using (LinuxAppendFile storage = new LinuxAppendFile(logPath))
            using (DoorChallengeSource challenges = new DoorChallengeSource())
            {
                AuditLog log = new AuditLog(storage);
                if (log.Open() != AuditLogStatus.Ok)
                {
                    error.WriteLine("scard door: cannot read the audit log " + logPath);
                    return 1;
                }

                MonotonicClock clock = new MonotonicClock();
                DoorController controller = new DoorController(manager, config, challenges, log, Outputs(board, clock), clock);
                return Serve(controller, count, output, error);
            }
        }

        /// <summary>Runs the controller until Ctrl-C, or until <paramref name="count"/> decisions when positive.</summary>
        private static int Serve(DoorController controller, int count, TextWriter output, TextWriter error)
        {
            int result = controller.Start();
            if (result != ScardError.Success)
            {
                error.WriteLine("scard door: " + ScardError.GetName(result));
                return 1;
            }

            int decided = 0;
            controller.DecisionMade += decision =>
            {
                output.WriteLine(DoorDecisionText.Format("door", decision));
                output.Flush();
                decided++;
                if (count > 0 && decided >= count)
                {
                    controller.Stop();
                }
            };
            ConsoleCancelEventHandler interrupt = (sender, e) =>
            {
                e.Cancel = true;
                controller.Stop();
            };
            Console.CancelKeyPress += interrupt;
            try
            {
                controller.Run();
            }
            finally
            {
                Console.CancelKeyPress -= interrupt;
                controller.Close();
            }

            return 0;
        }

        /// <summary>The profile's door outputs when the board comes from a profile; none otherwise.</summary>
        private static DoorOutputs Outputs(IBoard board, IClock clock)
        {
            ProfileBoard profiled = board as ProfileBoard;
            if (profiled == null)
            {
                return new DoorOutputs(clock, null, null, null, null);
            }

            return new DoorOutputs(clock, profiled.GetOutput(OutputRole.Relay), profiled.GetOutput(OutputRole.LedGreen),
                profiled.GetOutput(OutputRole.LedRed), profiled.GetOutput(OutputRole.Buzzer));
        }

        private static DoorConfig ReadConfig(string path)
        {
            if (path == null)
            {
                throw new CommandLineException(ConfigOption + " <file> is required with " + BoardOption.Name + " (" + DoorConfig.Keys + ")");
            }

            try
            {
                return DoorConfig.Parse(File.ReadAllText(path));
            }
            catch (ArgumentException e)
            {
                throw new CommandLineException(path + ": " + e.Message);
            }
        }

        private static int ParseCount(string text)
        {
            int count;
            if (text == null)
            {
                return 0;
            }

            if (!int.TryParse(text, out count) || count <= 0)
            {
                throw new CommandLineException(CountOption + " wants a positive number of decisions, not '" + text + "'");
            }

            return count;
        }

        private static IAppendStorage OpenLog(CommandLineOptions options, IAppendStorage inMemory)
        {
            string path = options.Get(LogOption, null);
            return path == null ? inMemory : new LinuxAppendFile(path);
        }

        private static void Close(IAppendStorage storage)
        {
            IDisposable disposable = storage as IDisposable;
            if (disposable != null)
            {
                disposable.Dispose();
            }
        }

        private sealed class WriterOutput : ISessionOutput
        {
            private readonly TextWriter _writer;

            public WriterOutput(TextWriter writer)
            {
                _writer = writer;
            }

            public void WriteLine(string line)
            {
                _writer.WriteLine(line);
                _writer.Flush();
            }
        }
    }
}
