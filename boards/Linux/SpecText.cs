using System;
using System.Globalization;
using EmbeddedSmartCard.Drivers.PcscHost;
using EmbeddedSmartCard.Drivers.Vpcd;

namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>
    /// The pieces every board spec parser shares: "key=value" options, whole numbers, and the
    /// ArgumentException that names the bad part and lists every valid form.
    /// </summary>
    internal static class SpecText
    {
        /// <summary>Every board spec form, quoted in each parse error.</summary>
        internal static string AllForms
        {
            get
            {
                return BoardFactory.SimulatorForms + " | " + UartCardSpec.ValidForms + " | " + Pn532Spec.ValidForms
                    + " | " + VpcdSpec.ValidForms + " | " + PcscSpec.ValidForms + " | " + LinuxProfileBoards.ValidForms;
            }
        }

        /// <summary>Splits "key=value"; an option without '=' or without a key is rejected.</summary>
        internal static void SplitOption(string spec, string option, out string key, out string value)
        {
            int equals = option.IndexOf('=');
            if (equals <= 0)
            {
                throw Invalid(spec, "option '" + option + "' is not key=value");
            }
            key = option.Substring(0, equals);
            value = option.Substring(equals + 1);
        }

        internal static int PositiveNumber(string spec, string option, string value)
        {
            int number = NonNegativeNumber(spec, option, value);
            return number > 0 ? number : throw Invalid(spec, "option '" + option + "' must be above 0");
        }

        internal static int NonNegativeNumber(string spec, string option, string value)
        {
            int number;
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number))
            {
                throw Invalid(spec, "'" + value + "' in option '" + option + "' is not a whole number");
            }
            return number;
        }

        /// <summary>A non-empty name= value.</summary>
        internal static string Name(string spec, string option, string value)
        {
            return value.Length > 0 ? value : throw Invalid(spec, "option '" + option + "' needs a name");
        }

        internal static ArgumentException Invalid(string spec, string problem)
        {
            return new ArgumentException("bad board spec '" + spec + "': " + problem + ". Valid forms: " + AllForms);
        }
    }
}
