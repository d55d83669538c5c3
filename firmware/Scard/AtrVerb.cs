using System.Collections.Generic;
using System.IO;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// scard atr &lt;hex&gt;... [--json], or scard atr - to read one ATR per line from standard input:
    /// parses each ATR and prints a field-by-field reading (with --json one object per ATR per line).
    /// Exit code 0 when every ATR is structurally valid, 1 when any is not (wrong length, TS or TCK;
    /// reserved values are reported but do not count), 2 on a usage error.
    /// </summary>
    public static class AtrVerb
    {
        private const string JsonFlag = "--json";
        private const string StandardInput = "-";

        public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
        {
            CommandLineOptions options = new CommandLineOptions(args, new string[0], new[] { JsonFlag });
            List<byte[]> atrs = CollectAtrs(options.Positional, input);
            bool json = options.Has(JsonFlag);
            int exitCode = 0;
            foreach (byte[] bytes in atrs)
            {
                Atr atr = Atr.Parse(bytes, 0, bytes.Length);
                if (json)
                {
                    output.WriteLine(AtrVerbJson.Format(atr));
                }
                else
                {
                    AtrVerbText.Write(atr, output);
                }

                if (!atr.IsStructurallyValid)
                {
                    exitCode = 1;
                }
            }

            return exitCode;
        }

        /// <summary>The ATRs in argument order; "-" reads standard input there (blank lines and # comments skipped).</summary>
        private static List<byte[]> CollectAtrs(IReadOnlyList<string> positional, TextReader input)
        {
            if (positional.Count == 0)
            {
                throw new CommandLineException("give ATRs in hex, or - to read them from standard input");
            }

            List<byte[]> atrs = new List<byte[]>();
            foreach (string argument in positional)
            {
                if (argument == StandardInput)
                {
                    ReadLines(input, atrs);
                }
                else
                {
                    atrs.Add(HexArgument.Parse(argument));
                }
            }

            return atrs;
        }

        private static void ReadLines(TextReader input, List<byte[]> atrs)
        {
            int lineNumber = 0;
            string line;
            while ((line = input.ReadLine()) != null)
            {
                lineNumber++;
                string text = line.Trim();
                if (text.Length == 0 || text.StartsWith('#'))
                {
                    continue;
                }

                try
                {
                    atrs.Add(HexArgument.Parse(text));
                }
                catch (CommandLineException e)
                {
                    throw new CommandLineException("standard input line " + lineNumber + ": " + e.Message);
                }
            }
        }
    }
}
