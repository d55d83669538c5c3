#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using EmbeddedSmartCard.Boards.Simulator;

namespace EmbeddedSmartCard.Tests.SimulatorPn532Board
{
    /// <summary>The tap script's text form: steps of milliseconds and card kinds, and clear refusals.</summary>
    [TestClass]
    public class TapScriptTests
    {
        [TestMethod]
        public void StepsAreMillisecondsAndCardKinds()
        {
            TapScript script = TapScript.Parse("0:iso14443-4;3000:none;3000:mifare1k;4500:ultralight;9000:typeb");
            Assert.AreEqual(5, script.Count);
            Assert.AreEqual(0L, script[0].AtMicros);
            Assert.AreEqual("iso14443-4", script[0].CardKind);
            Assert.AreEqual(3000000L, script[1].AtMicros);
            Assert.AreEqual("none", script[1].CardKind);
            Assert.AreEqual(3000000L, script[2].AtMicros, "two steps may share a time");
            Assert.AreEqual("mifare1k", script[2].CardKind);
            Assert.AreEqual(4500000L, script[3].AtMicros);
            Assert.AreEqual("typeb", script[4].CardKind);
        }

        [TestMethod]
        public void CardStaysOnIsOneStepAtZero()
        {
            TapScript script = TapScript.CardStaysOn(SimulatorPn532Cards.Ultralight);
            Assert.AreEqual(1, script.Count);
            Assert.AreEqual(0L, script[0].AtMicros);
            Assert.AreEqual("ultralight", script[0].CardKind);
        }

        [TestMethod]
        public void MalformedScriptsAreRefusedNamingTheBadPart()
        {
            AssertRefused("", "empty");
            AssertRefused("0:felica", "unknown card 'felica'");
            AssertRefused("1000:iso14443-4;999:none", "never decrease");
            AssertRefused("soon:iso14443-4", "'soon:iso14443-4' is not <ms>:<card>");
            AssertRefused(":iso14443-4", "':iso14443-4' is not <ms>:<card>");
            AssertRefused("0:iso14443-4;", "'' is not <ms>:<card>");
            AssertRefused("-5:none", "'-5:none' is not <ms>:<card>");
            AssertRefused("99999999999:none", "is not <ms>:<card>");
        }

        [TestMethod]
        public void AddRefusesAnUnknownKindAndATimeGoingBack()
        {
            TapScript script = new TapScript();
            script.Add(5000, SimulatorPn532Cards.Mifare1K);
            Assert.IsNotNull(Refusal(script, 4999, SimulatorPn532Cards.None), "back in time");
            Assert.IsNotNull(Refusal(script, 6000, "iso14443-3"), "unknown kind");
            Assert.IsNull(Refusal(script, 5000, SimulatorPn532Cards.None), "same time");
            Assert.AreEqual(2, script.Count);
        }

        private static void AssertRefused(string text, string expectedPart)
        {
            string message = null;
            try
            {
                TapScript.Parse(text);
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.IsNotNull(message, "'" + text + "' was accepted");
            Assert.IsTrue(message.IndexOf(expectedPart) >= 0, "'" + text + "': " + message);
        }

        private static string Refusal(TapScript script, long atMicros, string kind)
        {
            try
            {
                script.Add(atMicros, kind);
                return null;
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }
    }
}
