using System;
using System.Globalization;
using System.IO;
using EmbeddedSmartCard.Firmware.Terminal;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Linux;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// scard terminal [--board &lt;spec&gt;] [--serial &lt;device&gt; [--baud &lt;bps&gt;]]: the card terminal
    /// (firmware/Terminal) answering its line protocol on standard input/output, or on a serial device
    /// for a kiosk wired to it. It ends on <c>quit</c> or at the end of standard input.
    /// </summary>
    public static class TerminalVerb
    {
        public const string SerialOption = "--serial";
        public const string BaudOption = "--baud";
        public const int DefaultBaudRate = 115200;

        // How long one serial poll listens before it looks again (the kiosk's lines are served as they come).
        private const int SerialPollMicros = 200000;

        /// <summary>The line printed once the serial device is open and served.</summary>
        public const string ServingPrefix = "serving the terminal on ";

        private const string Usage = "usage: scard terminal [--board <spec>] [--serial <device> [--baud <bps>]]";

        public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
        {
            CommandLineOptions options = new CommandLineOptions(args, new[] { BoardOption.Name, SerialOption, BaudOption }, new string[0]);
            options.ExpectNoPositional();
            string device = options.Get(SerialOption, null);
            int baudRate = BaudRate(options, device);
            return BoardOption.RunWithManager(options, "terminal", error, delegate(SCardManager manager, int context)
            {
                using (TerminalSession session = new TerminalSession(manager))
                {
                    return device == null ? ServeConsole(session, input, output) : ServeSerial(session, device, baudRate, output, error);
                }
            });
        }

        private static int ServeConsole(TerminalSession session, TextReader input, TextWriter output)
        {
            ConsoleLines lines = new ConsoleLines(output);
            string line;
            while ((line = input.ReadLine()) != null)
            {
                if (line.Trim().Length > 0 && !session.Execute(line, lines))
                {
                    break;
                }
            }

            return 0;
        }

        /// <summary>Serves the device until quit; a "serving …" line on standard output says when the device is open.</summary>
        private static int ServeSerial(TerminalSession session, string device, int baudRate, TextWriter output, TextWriter error)
        {
            LinuxUartLine line;
            try
            {
                line = new LinuxUartLine(device);
            }
            catch (IOException e)
            {
                error.WriteLine("scard terminal: " + e.Message);
                return 1;
            }

            using (line)
            {
                line.Configure(baudRate, UartParity.None, UartStopBits.One);
                SerialTerminal terminal = new SerialTerminal(line, session);
                output.WriteLine(ServingPrefix + device);
                output.Flush();
                while (terminal.Poll(SerialPollMicros))
                {
                }
            }

            return 0;
        }

        private static int BaudRate(CommandLineOptions options, string device)
        {
            string text = options.Get(BaudOption, null);
            if (text == null)
            {
                return DefaultBaudRate;
            }

            int baudRate;
            if (device == null || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out baudRate) || baudRate <= 0)
            {
                throw new CommandLineException(BaudOption + " wants a positive bit rate with " + SerialOption + " <device>, not '" + text + "'\n" + Usage);
            }

            return baudRate;
        }

        /// <summary>Reply lines to standard output, flushed per line so a kiosk reading a pipe sees each at once.</summary>
        private sealed class ConsoleLines : ISessionOutput
        {
            private readonly TextWriter output;

            public ConsoleLines(TextWriter output)
            {
                this.output = output;
            }

            public void WriteLine(string line)
            {
                output.WriteLine(line);
                output.Flush();
            }
        }
    }
}
