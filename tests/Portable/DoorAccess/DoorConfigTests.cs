#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using EmbeddedSmartCard.Firmware.DoorAccess;

namespace EmbeddedSmartCard.Tests.DoorAccess
{
    /// <summary>The door configuration's text form: every key, comments, lists, and clear errors naming the valid keys.</summary>
    [TestClass]
    public class DoorConfigTests
    {
        private const string SiteKeyLine = "site.key = 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F\n";

        [TestMethod]
        public void EveryKeyIsRead()
        {
            DoorConfig config = DoorConfig.Parse(
                "# front door\n" + SiteKeyLine
                + "allow = E5C00001, E5 C0 00 02   # two cards\n"
                + "allow = B00000000007\n"
                + "revoke = E5C00002\r\n"
                + "legacy.mifare = allow\n"
                + "strike.ms = 5000\n"
                + "denied.ms = 700\n"
                + "wait.ms = 250\n");
            Assert.AreEqual("00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F", TestSupport.ToHex(config.SiteKey));
            Assert.AreEqual(3, config.AllowList.Count);
            Assert.IsTrue(config.AllowList.Contains(TestSupport.Hex("E5 C0 00 02"), 0, 4), "spaced id");
            Assert.IsTrue(config.RevocationList.Contains(TestSupport.Hex("E5 C0 00 02"), 0, 4), "revoked");
            Assert.IsFalse(config.RevocationList.Contains(TestSupport.Hex("E5 C0 00 01"), 0, 4), "not revoked");
            Assert.IsFalse(config.AllowList.Contains(TestSupport.Hex("E5 C0 00"), 0, 3), "a prefix is another id");
            Assert.IsTrue(config.LegacyMifareAllowed);
            Assert.AreEqual(5000, config.StrikeMillis);
            Assert.AreEqual(700, config.DeniedMillis);
            Assert.AreEqual(250, config.WaitMillis);
        }

        [TestMethod]
        public void DefaultsForbidLegacyBadges()
        {
            DoorConfig config = DoorConfig.Parse(SiteKeyLine);
            Assert.IsFalse(config.LegacyMifareAllowed);
            Assert.AreEqual(3000, config.StrikeMillis);
            Assert.AreEqual(0, config.AllowList.Count);
        }

        [TestMethod]
        public void AnUnknownKeyListsTheValidOnes()
        {
            string message = ParseError(SiteKeyLine + "strike = 5\n");
            Assert.IsTrue(message.IndexOf("line 2: unknown door setting 'strike'") >= 0, message);
            Assert.IsTrue(message.IndexOf(DoorConfig.Keys) >= 0, message);
        }

        [TestMethod]
        public void BadValuesNameTheirLine()
        {
            Assert.IsTrue(ParseError(SiteKeyLine + "allow = E5C0000\n").IndexOf("line 2: bad allow value 'E5C0000'") >= 0, "odd digits");
            Assert.IsTrue(ParseError(SiteKeyLine + "revoke = ,\n").IndexOf("line 2: bad revoke value") >= 0, "empty id");
            Assert.IsTrue(ParseError(SiteKeyLine + "legacy.mifare = yes\n").IndexOf("line 2: bad legacy.mifare value 'yes'") >= 0, "legacy");
            Assert.IsTrue(ParseError(SiteKeyLine + "strike.ms = -1\n").IndexOf("line 2: bad strike.ms value '-1'") >= 0, "negative");
            Assert.IsTrue(ParseError(SiteKeyLine + "wait.ms = 3600001\n").IndexOf("line 2: bad wait.ms value") >= 0, "past an hour");
            Assert.IsTrue(ParseError("site.key = 0011\n").IndexOf("line 1: bad site.key value") >= 0, "short key");
            Assert.IsTrue(ParseError(SiteKeyLine + "allow\n").IndexOf("line 2: 'allow' is not key = value") >= 0, "no '='");
        }

        [TestMethod]
        public void TheSiteKeyIsRequired()
        {
            Assert.IsTrue(ParseError("allow = 01\n").IndexOf("has no site.key") >= 0);
            Assert.IsTrue(ParseError(null).IndexOf("has no site.key") >= 0);
        }

        private static string ParseError(string text)
        {
            try
            {
                DoorConfig.Parse(text);
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }

            return "no error for: " + text;
        }
    }
}
