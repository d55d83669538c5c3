using System;
using System.Globalization;

namespace EmbeddedSmartCard.Drivers.PcscHost
{
    /// <summary>
    /// A parsed "pcsc[,option…]" board spec: the host's PC/SC readers. <see cref="Parse"/> rejects anything it
    /// does not understand with an ArgumentException naming the bad part and the valid form.
    /// </summary>
    public sealed class PcscSpec
    {
        public const string Name = "pcsc";

        /// <summary>The grammar, quoted in every parse error (and in drivers/PcscHost/README.md).</summary>
        public const string ValidForms = "pcsc[,reader=<part of a host reader name>][,poll=<ms>]";

        private PcscSpec()
        {
            PollPeriodMillis = new PcscHostReaderOptions().PollPeriodMillis;
        }

        /// <summary>Only host readers whose name contains this text (reader=); null for all of them.</summary>
        public string ReaderFilter { get; private set; }

        /// <summary>Bound of one status wait and the retry period while pcscd is away (poll=).</summary>
        public int PollPeriodMillis { get; private set; }

        /// <summary>True when <paramref name="spec"/> names this board ("pcsc" or "pcsc,…").</summary>
        public static bool Matches(string spec)
        {
            return spec == Name || (spec != null && spec.StartsWith(Name + ",", StringComparison.Ordinal));
        }

        public static PcscSpec Parse(string spec)
        {
            if (!Matches(spec))
            {
                throw Invalid(spec, "it does not start with '" + Name + "'");
            }

            PcscSpec result = new PcscSpec();
            string[] parts = spec.Split(',');
            for (int i = 1; i < parts.Length; i++)
            {
                result.ApplyOption(spec, parts[i]);
            }

            return result;
        }

        /// <summary>True when the host reader <paramref name="hostReaderName"/> belongs on this board.</summary>
        public bool Accepts(string hostReaderName)
        {
            return ReaderFilter == null || hostReaderName.IndexOf(ReaderFilter, StringComparison.Ordinal) >= 0;
        }

        private void ApplyOption(string spec, string option)
        {
            int equals = option.IndexOf('=');
            if (equals <= 0)
            {
                throw Invalid(spec, "option '" + option + "' is not <key>=<value>");
            }

            string key = option.Substring(0, equals);
            string value = option.Substring(equals + 1);
            switch (key)
            {
                case "reader":
                    ReaderFilter = value.Length > 0 ? value : throw Invalid(spec, "option 'reader=' needs part of a reader name");
                    break;
                case "poll":
                    PollPeriodMillis = Milliseconds(spec, option, value);
                    break;
                default:
                    throw Invalid(spec, "unknown option '" + key + "'");
            }
        }

        private static int Milliseconds(string spec, string option, string text)
        {
            int value;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < 1 || value > int.MaxValue / 2)
            {
                throw Invalid(spec, "'" + option + "' needs a number of milliseconds above 0, got '" + text + "'");
            }

            return value;
        }

        private static ArgumentException Invalid(string spec, string why)
        {
            return new ArgumentException("invalid board spec '" + spec + "': " + why + ". Valid form: " + ValidForms);
        }
    }
}
