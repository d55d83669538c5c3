using System;
using System.Globalization;
using System.Net;

namespace EmbeddedSmartCard.Drivers.Vpcd
{
    /// <summary>
    /// A parsed "vpcd[:&lt;port&gt;][,option…]" board spec: where the vpcd readers listen. <see cref="Parse"/>
    /// rejects anything it does not understand with an ArgumentException naming the bad part and the valid forms.
    /// </summary>
    public sealed class VpcdSpec
    {
        public const string Name = "vpcd";

        /// <summary>The grammar, quoted in every parse error (and in drivers/Vpcd.Net/README.md).</summary>
        public const string ValidForms =
            "vpcd[:<port>][,option...] with options addr=<IP address>, readers=<count>, name=<reader name>, timeout=<ms>";

        /// <summary>pcscd's vpcd serves two slots on consecutive ports; more than a handful is a typo.</summary>
        public const int MaxReaders = 16;

        private const int MaxPort = 65535;

        private VpcdSpec()
        {
            Address = IPAddress.Loopback;
            Port = VpcdReaderOptions.DefaultPort;
            ReaderCount = 1;
            ResponseTimeoutMillis = (int)(new VpcdReaderOptions().ResponseTimeoutMicros / 1000);
        }

        /// <summary>The address listened on (addr=); 127.0.0.1 unless the peer is a phone on the network.</summary>
        public IPAddress Address { get; private set; }

        /// <summary>The first reader's port; reader i listens on Port + i (pcscd's vpcd: 35963 + slot). 0: each reader gets a free port.</summary>
        public int Port { get; private set; }

        /// <summary>How many readers (readers=), one per port.</summary>
        public int ReaderCount { get; private set; }

        /// <summary>The reader name (name=), or null for the driver's default.</summary>
        public string ReaderName { get; private set; }

        /// <summary>Bound on a reply of the card in ms (timeout=).</summary>
        public int ResponseTimeoutMillis { get; private set; }

        /// <summary>True when <paramref name="spec"/> names this board ("vpcd" or "vpcd:…", "vpcd,…").</summary>
        public static bool Matches(string spec)
        {
            return spec == Name || spec.StartsWith(Name + ":", StringComparison.Ordinal) || spec.StartsWith(Name + ",", StringComparison.Ordinal);
        }

        public static VpcdSpec Parse(string spec)
        {
            if (spec == null || !Matches(spec))
            {
                throw Invalid(spec, "it does not start with '" + Name + "'");
            }

            string[] parts = spec.Substring(Name.Length).Split(',');
            VpcdSpec result = new VpcdSpec();
            if (parts[0].Length > 0)
            {
                result.Port = Number(spec, "port", parts[0].Substring(1), 0, MaxPort);
            }

            for (int i = 1; i < parts.Length; i++)
            {
                result.ApplyOption(spec, parts[i]);
            }

            if (result.Port != 0 && result.Port + result.ReaderCount - 1 > MaxPort)
            {
                throw Invalid(spec, "ports " + result.Port + " to " + (result.Port + result.ReaderCount - 1) + " go past " + MaxPort);
            }

            return result;
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
                case "addr":
                    Address = ParseAddress(spec, value);
                    break;
                case "readers":
                    ReaderCount = Number(spec, option, value, 1, MaxReaders);
                    break;
                case "name":
                    if (value.Length == 0)
                    {
                        throw Invalid(spec, "option 'name=' needs a reader name");
                    }

                    ReaderName = value;
                    break;
                case "timeout":
                    ResponseTimeoutMillis = Number(spec, option, value, 1, int.MaxValue / 1000);
                    break;
                default:
                    throw Invalid(spec, "unknown option '" + key + "'");
            }
        }

        private static IPAddress ParseAddress(string spec, string value)
        {
            IPAddress address;
            if (!IPAddress.TryParse(value, out address))
            {
                throw Invalid(spec, "'" + value + "' in addr= is not an IP address");
            }

            return address;
        }

        private static int Number(string spec, string what, string text, int min, int max)
        {
            int value;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
            {
                throw Invalid(spec, "'" + what + "' needs a number from " + min + " to " + max + ", got '" + text + "'");
            }

            return value;
        }

        private static ArgumentException Invalid(string spec, string why)
        {
            return new ArgumentException("invalid board spec '" + spec + "': " + why + ". Valid forms: " + ValidForms);
        }
    }
}
