using System;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;
using EmbeddedSmartCard.Manager.Objects;

namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>
    /// The terminal's line protocol (firmware/Terminal/README.md): one command per line, one reply block
    /// per command ending with <c>OK</c> or <c>ERR &lt;code&gt; &lt;text&gt;</c>, the code a PC/SC return
    /// code in hex. The same session serves the console and a serial line (<see cref="SerialTerminal"/>).
    /// It keeps one SHARED connection to the card last identified, for <c>apdu</c>.
    /// </summary>
    public sealed class TerminalSession : IDisposable
    {
        public const int DefaultWaitMillis = 30000;
        public const int MaxWaitMillis = 3600000;

        public const string Commands = "readers | wait [ms] | info [reader] | apdu <hex> | quit";

        private readonly CardContext context;
        private readonly CardPresentationWatch watch;
        private CardConnection connection;
        private IsoCard card;

        public TerminalSession(SCardManager manager)
        {
            context = new CardContext(manager);
            watch = new CardPresentationWatch(manager, context.Handle);
        }

        /// <summary>Runs one command line, writing its reply block; false once the command was <c>quit</c>.</summary>
        public bool Execute(string line, ISessionOutput output)
        {
            string text = line.Trim();
            int space = text.IndexOf(' ');
            string command = space < 0 ? text : text.Substring(0, space);
            string argument = space < 0 ? "" : text.Substring(space + 1).Trim();
            try
            {
                return Dispatch(command, argument, output);
            }
            catch (PcscException e)
            {
                TerminalReply.Error(output, e.Code, null);
            }
            catch (ArgumentException e)
            {
                TerminalReply.Error(output, ScardError.InvalidParameter, e.Message);
            }

            return true;
        }

        public void Dispose()
        {
            Disconnect();
            context.Dispose();
        }

        private bool Dispatch(string command, string argument, ISessionOutput output)
        {
            switch (command)
            {
                case "readers":
                    ListReaders(output);
                    break;
                case "wait":
                    Wait(argument, output);
                    break;
                case "info":
                    Info(argument, output);
                    break;
                case "apdu":
                    Apdu(argument, output);
                    break;
                case "quit":
                    Disconnect();
                    TerminalReply.Ok(output);
                    return false;
                default:
                    TerminalReply.Error(output, ScardError.InvalidParameter, "unknown command '" + command + "' (commands: " + Commands + ")");
                    break;
            }

            return true;
        }

        /// <summary><c>reader: present|empty &lt;name&gt;</c> per reader.</summary>
        private void ListReaders(ISessionOutput output)
        {
            string[] readers = context.GetReaders();
            ScardReaderState[] states = context.GetReaderStates(readers);
            for (int i = 0; i < states.Length; i++)
            {
                bool present = (states[i].EventState & ScardConstants.StatePresent) != 0;
                output.WriteLine("reader: " + (present ? "present " : "empty ") + readers[i]);
            }

            TerminalReply.Ok(output);
        }

        private void Wait(string argument, ISessionOutput output)
        {
            int millis = argument.Length == 0 ? DefaultWaitMillis : ParseMillis(argument);
            ScardReaderState presentation;
            int result = watch.WaitForPresentation(millis, out presentation);
            if (result == ScardError.Timeout)
            {
                TerminalReply.Error(output, ScardError.Timeout, "no card within " + millis.ToString() + " ms");
                return;
            }

            PcscExceptions.Check(result);
            Identify(presentation.Reader, output);
        }

        /// <summary>The named reader's card, else the connected card again, else the first reader with a card.</summary>
        private void Info(string reader, ISessionOutput output)
        {
            if (reader.Length == 0)
            {
                reader = connection != null ? connection.ReaderName : FirstReaderWithCard();
            }

            if (reader == null)
            {
                TerminalReply.Error(output, ScardError.NoSmartcard, "no reader has a card");
                return;
            }

            Identify(reader, output);
        }

        private void Apdu(string argument, ISessionOutput output)
        {
            byte[] bytes = HexText.Parse(argument);
            CommandApdu command = bytes != null ? CommandApdu.Parse(bytes, 0, bytes.Length) : null;
            if (command == null)
            {
                TerminalReply.Error(output, ScardError.InvalidParameter, "apdu wants a command APDU in hex, e.g. apdu 00A4040C07A0000000010101");
                return;
            }

            if (card == null)
            {
                TerminalReply.Error(output, ScardError.NoSmartcard, "no card identified yet (wait or info first)");
                return;
            }

            byte[] response = card.Transmit(command).ToArray();
            output.WriteLine("response: " + HexText.Format(response, 0, response.Length));
            TerminalReply.Ok(output);
        }

        private void Identify(string reader, ISessionOutput output)
        {
            Disconnect();
            connection = context.Connect(reader, ScardConstants.ShareShared, ScardConstants.ProtocolAny);
            card = new IsoCard(connection);
            CardIdentity identity = CardIdentifier.Identify(connection);
            PcscExceptions.Check(watch.MarkReported(reader));
            IdentityReport.Write(identity, output);
            TerminalReply.Ok(output);
        }

        private string FirstReaderWithCard()
        {
            string[] readers = context.GetReaders();
            ScardReaderState[] states = context.GetReaderStates(readers);
            for (int i = 0; i < states.Length; i++)
            {
                if ((states[i].EventState & ScardConstants.StatePresent) != 0)
                {
                    return readers[i];
                }
            }

            return null;
        }

        private void Disconnect()
        {
            if (connection != null)
            {
                connection.Disconnect(ScardConstants.LeaveCard);
                connection = null;
                card = null;
            }
        }

        /// <summary>A wait in milliseconds, 0 to <see cref="MaxWaitMillis"/>; ArgumentException otherwise.</summary>
        private static int ParseMillis(string text)
        {
            // Seven digits at most: enough for MaxWaitMillis, never an overflow.
            bool valid = text.Length <= 7;
            int value = 0;
            for (int i = 0; i < text.Length && valid; i++)
            {
                char c = text[i];
                valid = c >= '0' && c <= '9';
                value = value * 10 + (c - '0');
            }

            if (!valid || value > MaxWaitMillis)
            {
                throw new ArgumentException("wait wants milliseconds from 0 to " + MaxWaitMillis.ToString() + ", not '" + text + "'");
            }

            return value;
        }
    }
}
