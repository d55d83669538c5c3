using System;
using System.Globalization;
using System.IO;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// scard export --to &lt;host&gt;:&lt;port&gt; [--board &lt;spec&gt;] [--reader &lt;name&gt;]: acts as the vpcd client
    /// (the role vicc plays) towards pcscd's vpcd driver listening on host:port (35963 for its first slot), so
    /// that the host's PC/SC applications (pcsc_scan, opensc-tool, pyscard) use the card in one of our readers
    /// — the first one without --reader. Insertion and removal in our reader are reflected; APDUs pass through
    /// our manager. Runs until SIGINT, SIGTERM or the end of standard input; reconnects when pcscd restarts.
    /// </summary>
    public static class ExportVerb
    {
        private const string ToOption = "--to";
        private const string ReaderOption = "--reader";
        private const int MaxPort = 65535;

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            CommandLineOptions options = new CommandLineOptions(args, new[] { BoardOption.Name, ReaderOption, ToOption }, new string[0]);
            options.ExpectNoPositional();
            string host;
            int port;
            ParseEndpoint(options.Get(ToOption, null), out host, out port);

            return BoardOption.RunWithManager(options, "export", error, delegate(SCardManager manager, int context)
            {
                string reader;
                int result = ReaderConnection.FindReader(manager, context, options.Get(ReaderOption, null), out reader);
                if (result != ScardError.Success)
                {
                    error.WriteLine("scard export: " + (reader ?? "no reader") + ": " + ScardError.GetName(result));
                    return 1;
                }

                ExportSession session = new ExportSession(new ExportedCard(manager, context, reader), host, port, output);
                SimulationLoop.Run(reader + " to vpcd at " + session.Endpoint, output, session.Step);
                session.Stop();
                return 0;
            });
        }

        /// <summary>"&lt;host&gt;:&lt;port&gt;", the port from 1 to 65535; anything else is a usage error.</summary>
        private static void ParseEndpoint(string text, out string host, out int port)
        {
            if (text == null)
            {
                throw new CommandLineException(ToOption + " <host>:<port> is required (pcscd's vpcd listens on 127.0.0.1:35963)");
            }

            int colon = text.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(text.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > MaxPort)
            {
                throw new CommandLineException(ToOption + " wants <host>:<port> with a port from 1 to " + MaxPort + ", not '" + text + "'");
            }

            host = text.Substring(0, colon);
        }
    }
}
