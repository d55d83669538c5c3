using System;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// The door's configuration: the site key the card keys are derived from, the allow-list and the
    /// revocation list of card identifiers, whether MIFARE Classic legacy badges are accepted, and the
    /// output and wait timings. <see cref="Parse"/> reads the text form (<see cref="Keys"/>).
    /// </summary>
    public sealed class DoorConfig
    {
        public const string SiteKeyKey = "site.key";
        public const string AllowKey = "allow";
        public const string RevokeKey = "revoke";
        public const string LegacyMifareKey = "legacy.mifare";
        public const string StrikeMillisKey = "strike.ms";
        public const string DeniedMillisKey = "denied.ms";
        public const string WaitMillisKey = "wait.ms";

        public const string LegacyAllowed = "allow";
        public const string LegacyForbidden = "forbid";

        /// <summary>The text form, for errors and usage texts.</summary>
        public const string Keys =
            SiteKeyKey + " = <hex, 16 to 64 bytes>; " + AllowKey + " = <card id hex>[, ...]; " + RevokeKey + " = <card id hex>[, ...]; "
            + LegacyMifareKey + " = " + LegacyAllowed + "|" + LegacyForbidden + "; " + StrikeMillisKey + " = <ms>; "
            + DeniedMillisKey + " = <ms>; " + WaitMillisKey + " = <ms> (one per line, # comments)";

        /// <summary>Site key bounds: at least 128 bits; at most one HMAC-SHA-256 block (RFC 2104 §3 hashes longer keys).</summary>
        public const int MinSiteKeyLength = 16;
        public const int MaxSiteKeyLength = 64;

        /// <summary>Longest time setting: an hour, far beyond any strike and safe from overflow in microseconds.</summary>
        public const int MaxMillis = 3600000;

        private const char Comment = '#';
        private const char Assign = '=';
        private const char ListSeparator = ',';

        public DoorConfig()
        {
            AllowList = new CardIdList();
            RevocationList = new CardIdList();
            StrikeMillis = 3000;
            DeniedMillis = 1000;
            WaitMillis = 1000;
        }

        public byte[] SiteKey { get; set; }

        public CardIdList AllowList { get; private set; }

        public CardIdList RevocationList { get; private set; }

        /// <summary>Whether MIFARE Classic badges may open the door (off by default: their UID and Crypto1 are weak).</summary>
        public bool LegacyMifareAllowed { get; set; }

        /// <summary>How long the strike relay and the green LED stay on after a grant.</summary>
        public int StrikeMillis { get; set; }

        /// <summary>How long the red LED stays on after a denial.</summary>
        public int DeniedMillis { get; set; }

        /// <summary>The bound of one GetStatusChange wait of the controller's loop.</summary>
        public int WaitMillis { get; set; }

        /// <summary>Reads <c>key = value</c> lines; an ArgumentException names the line and lists the valid keys.
        /// The site key is required.</summary>
        public static DoorConfig Parse(string text)
        {
            DoorConfig config = new DoorConfig();
            string[] lines = (text == null ? "" : text).Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = StripComment(lines[i]).Trim();
                if (line.Length > 0)
                {
                    config.Apply(line, i + 1);
                }
            }

            if (config.SiteKey == null)
            {
                throw new ArgumentException("the door configuration has no " + SiteKeyKey + " (" + Keys + ")");
            }

            return config;
        }

        private void Apply(string line, int number)
        {
            int assign = line.IndexOf(Assign);
            if (assign <= 0)
            {
                throw Invalid(number, "'" + line + "' is not key = value");
            }

            string key = line.Substring(0, assign).Trim();
            string value = line.Substring(assign + 1).Trim();
            if (!IsKey(key))
            {
                throw Invalid(number, "unknown door setting '" + key + "'");
            }

            if (!ApplySetting(key, value))
            {
                throw Invalid(number, "bad " + key + " value '" + value + "'");
            }
        }

        private static bool IsKey(string key)
        {
            return key == SiteKeyKey || key == AllowKey || key == RevokeKey || key == LegacyMifareKey
                || key == StrikeMillisKey || key == DeniedMillisKey || key == WaitMillisKey;
        }

        /// <summary>Applies a known key's value; false when the value is bad.</summary>
        private bool ApplySetting(string key, string value)
        {
            if (key == SiteKeyKey)
            {
                SiteKey = HexText.Parse(value);
                return SiteKey != null && SiteKey.Length >= MinSiteKeyLength && SiteKey.Length <= MaxSiteKeyLength;
            }

            if (key == AllowKey || key == RevokeKey)
            {
                return AddIds(key == AllowKey ? AllowList : RevocationList, value);
            }

            if (key == LegacyMifareKey)
            {
                LegacyMifareAllowed = value == LegacyAllowed;
                return value == LegacyAllowed || value == LegacyForbidden;
            }

            int millis = ParseMillis(value);
            if (key == StrikeMillisKey)
            {
                StrikeMillis = millis;
            }
            else if (key == DeniedMillisKey)
            {
                DeniedMillis = millis;
            }
            else
            {
                WaitMillis = millis;
            }

            return millis >= 0;
        }

        private static bool AddIds(CardIdList list, string value)
        {
            string[] ids = value.Split(ListSeparator);
            for (int i = 0; i < ids.Length; i++)
            {
                byte[] id = HexText.Parse(ids[i]);
                if (id == null || id.Length == 0 || id.Length > AuditRecord.MaxCardIdLength)
                {
                    return false;
                }

                list.Add(id, 0, id.Length);
            }

            return true;
        }

        /// <summary>A whole number of milliseconds from 0 to <see cref="MaxMillis"/>, else -1.</summary>
        private static int ParseMillis(string text)
        {
            int value;
            return int.TryParse(text, out value) && value >= 0 && value <= MaxMillis ? value : -1;
        }

        private static string StripComment(string line)
        {
            int comment = line.IndexOf(Comment);
            return comment < 0 ? line : line.Substring(0, comment);
        }

        private static ArgumentException Invalid(int number, string what)
        {
            return new ArgumentException("door configuration line " + number.ToString() + ": " + what + " (" + Keys + ")");
        }
    }
}
