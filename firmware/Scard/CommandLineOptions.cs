using System;
using System.Collections.Generic;
using System.Globalization;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// The arguments of one verb: positional words, "--name value" options and "--flag" switches.
    /// Each verb declares what it accepts; anything else is a usage error (<see cref="CommandLineException"/>).
    /// </summary>
    public sealed class CommandLineOptions
    {
        private readonly List<string> positional = new List<string>();
        private readonly Dictionary<string, string> values = new Dictionary<string, string>();
        private readonly HashSet<string> flags = new HashSet<string>();

        /// <param name="args">The arguments after the verb.</param>
        /// <param name="valueOptions">Options that take a value, e.g. "--board".</param>
        /// <param name="flagOptions">Options that stand alone, e.g. "--json".</param>
        public CommandLineOptions(string[] args, string[] valueOptions, string[] flagOptions)
        {
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                if (!arg.StartsWith("--", StringComparison.Ordinal))
                {
                    positional.Add(arg);
                }
                else if (Array.IndexOf(flagOptions, arg) >= 0)
                {
                    flags.Add(arg);
                }
                else if (Array.IndexOf(valueOptions, arg) >= 0)
                {
                    if (i + 1 >= args.Length)
                    {
                        throw new CommandLineException(arg + " needs a value");
                    }

                    values[arg] = args[++i];
                }
                else
                {
                    throw new CommandLineException("unknown option '" + arg + "'");
                }
            }
        }

        public IReadOnlyList<string> Positional
        {
            get { return positional; }
        }

        public bool Has(string flag)
        {
            return flags.Contains(flag);
        }

        public string Get(string option, string defaultValue)
        {
            string value;
            return values.TryGetValue(option, out value) ? value : defaultValue;
        }

        /// <summary>A number of seconds between 0 and <paramref name="max"/> (fractions allowed).</summary>
        public double GetSeconds(string option, double defaultValue, double max)
        {
            string text = Get(option, null);
            if (text == null)
            {
                return defaultValue;
            }

            double seconds;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) || seconds < 0 || seconds > max || double.IsNaN(seconds))
            {
                throw new CommandLineException(option + " wants seconds from 0 to " + max.ToString(CultureInfo.InvariantCulture) + ", not '" + text + "'");
            }

            return seconds;
        }

        /// <summary>Refuses positional words for verbs that take none.</summary>
        public void ExpectNoPositional()
        {
            if (positional.Count > 0)
            {
                throw new CommandLineException("unexpected argument '" + positional[0] + "'");
            }
        }
    }
}
