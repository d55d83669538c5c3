using System;

namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>
    /// One grammar for two forms (boards/Profiles/README.md): a board spec "&lt;profile&gt;[,key=value…]" and a
    /// config file of "key = value" lines with '#' comments, whose "profile" key names the base profile.
    /// Every error is an ArgumentException saying what was wrong and which forms are valid.
    /// </summary>
    public static class ProfileSettings
    {
        /// <summary>The config-file key naming the base profile.</summary>
        public const string ProfileKey = "profile";

        /// <summary>Every settings key, as usage and error text list them.</summary>
        public const string Keys = ProfileKey + ", " + ProfileSettingKeys.All;

        /// <summary>File name ending that makes a --board value a config file rather than a spec.</summary>
        public const string ConfigFileExtension = ".conf";

        private const char SpecSeparator = ',';
        private const char Assignment = '=';
        private const char Comment = '#';
        private const char LineFeed = '\n';

        /// <summary>True when a --board value names a config file (ends in ".conf").</summary>
        public static bool IsConfigFile(string boardValue)
        {
            return boardValue != null && boardValue.EndsWith(ConfigFileExtension);
        }

        /// <summary>The catalogue profile <paramref name="name"/>, or an ArgumentException listing the valid names.</summary>
        public static BoardProfile Find(string name)
        {
            BoardProfile profile = ProfileCatalog.Find(name);
            if (profile == null)
            {
                throw new ArgumentException("unknown board profile '" + name + "'; profiles: " + ProfileCatalog.Names);
            }

            return profile;
        }

        /// <summary>"&lt;profile&gt;[,key=value…]": the profile with the overrides applied left to right.</summary>
        public static BoardProfile ParseSpec(string spec)
        {
            string[] parts = (spec == null ? string.Empty : spec).Split(SpecSeparator);
            BoardProfile profile = Find(parts[0]);
            for (int i = 1; i < parts.Length; i++)
            {
                ApplyAssignment(profile, parts[i], "board spec " + spec);
            }

            return profile;
        }

        /// <summary>Config-file text: "key = value" lines, blank lines and '#' comments; "profile" comes first.</summary>
        public static BoardProfile ParseConfig(string text)
        {
            string[] lines = (text == null ? string.Empty : text).Split(LineFeed);
            BoardProfile profile = null;
            for (int i = 0; i < lines.Length; i++)
            {
                string line = StripComment(lines[i]);
                if (line.Length == 0)
                {
                    continue;
                }

                string where = "config line " + (i + 1).ToString();
                if (profile == null)
                {
                    profile = Find(ProfileName(line, where));
                    continue;
                }

                ApplyAssignment(profile, line, where);
            }

            if (profile == null)
            {
                throw new ArgumentException("config has no '" + ProfileKey + " = <name>' line; profiles: " + ProfileCatalog.Names);
            }

            return profile;
        }

        /// <summary>Applies one key=value to <paramref name="profile"/> (see <see cref="Keys"/>).</summary>
        public static void Apply(BoardProfile profile, string key, string value)
        {
            if (key == null || value == null)
            {
                throw new ArgumentException("a setting needs a key and a value; valid keys: " + Keys);
            }

            ProfileSettingKeys.Apply(profile, key, value);
        }

        private static string ProfileName(string line, string where)
        {
            string key;
            string value;
            Split(line, where, out key, out value);
            if (key != ProfileKey)
            {
                throw new ArgumentException(where + ": the first setting must be '" + ProfileKey + " = <name>' (profiles: " + ProfileCatalog.Names + "), got '" + key + "'");
            }

            return value;
        }

        private static void ApplyAssignment(BoardProfile profile, string assignment, string where)
        {
            string key;
            string value;
            Split(assignment, where, out key, out value);
            try
            {
                Apply(profile, key, value);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException(where + ": " + e.Message);
            }
        }

        private static void Split(string assignment, string where, out string key, out string value)
        {
            int equals = assignment.IndexOf(Assignment);
            if (equals <= 0)
            {
                throw new ArgumentException(where + ": expected key=value, got '" + assignment + "'; valid keys: " + Keys);
            }

            key = assignment.Substring(0, equals).Trim();
            value = assignment.Substring(equals + 1).Trim();
        }

        private static string StripComment(string line)
        {
            int comment = line.IndexOf(Comment);
            return (comment < 0 ? line : line.Substring(0, comment)).Trim();
        }
    }
}
