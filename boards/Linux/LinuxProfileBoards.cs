using System;
using System.IO;
using EmbeddedSmartCard.Boards.Profiles;

namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>
    /// The board-profile forms of a board spec (boards/Profiles/README.md): "&lt;profile&gt;[,key=value…]" and
    /// the path of a ".conf" file of "key = value" lines. The profile is built over <see cref="LinuxHardware"/>,
    /// so only the Linux profiles (Raspberry Pi) can be; the nanoFramework ones are refused by name.
    /// </summary>
    public static class LinuxProfileBoards
    {
        private const char OptionSeparator = ',';

        /// <summary>The profile forms, quoted in parse errors.</summary>
        public const string ValidForms = "<profile>[,<key>=<value>…] (profiles: " + ProfileCatalog.Names + ") | <file>.conf";

        /// <summary>True when <paramref name="spec"/> starts with a catalogue profile name.</summary>
        public static bool Matches(string spec)
        {
            int separator = spec.IndexOf(OptionSeparator);
            return ProfileCatalog.Find(separator < 0 ? spec : spec.Substring(0, separator)) != null;
        }

        /// <summary>Builds "&lt;profile&gt;[,key=value…]"; a bad key or value is an ArgumentException listing the valid forms.</summary>
        public static IBoard Open(string spec)
        {
            BoardProfile profile;
            try
            {
                profile = ProfileSettings.ParseSpec(spec);
            }
            catch (ArgumentException e)
            {
                throw SpecText.Invalid(spec, e.Message);
            }
            return Build(spec, profile);
        }

        /// <summary>
        /// Builds the profile a config file describes. A file that cannot be read is an IOException naming it;
        /// a bad line is an ArgumentException naming the file and the line.
        /// </summary>
        public static IBoard OpenConfigFile(string path)
        {
            string text = File.ReadAllText(path);
            BoardProfile profile;
            try
            {
                profile = ProfileSettings.ParseConfig(text);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException("bad board config file '" + path + "': " + e.Message);
            }
            return Build(path, profile);
        }

        private static IBoard Build(string source, BoardProfile profile)
        {
            if (profile.Platform != BoardProfile.LinuxPlatform)
            {
                throw SpecText.Invalid(source, "profile " + profile.Name + " is for " + profile.Platform
                    + " (it runs on the microcontroller, see boards/Profiles/" + profile.Name + "/README.md), not for Linux");
            }
            return ProfileBoard.Build(profile, new LinuxHardware(profile.GpioChip));
        }
    }
}
