#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Tests.Pn532Reader;

namespace EmbeddedSmartCard.Tests.Pn532Presence
{
    /// <summary>The chip commands each presence probe sends (reference §3.3), against a scripted chip.</summary>
    [TestClass]
    public class PresenceFramesTests
    {
        const string Classic1K = "01 00 04 08 04 F6 8E 2A 99";
        const string Ultralight = "01 00 44 00 07 04 A1 B2 C3 D4 E5 F6";
        const string IsoCard = "01 00 04 20 04 08 11 22 33 06 75 77 81 02 80";

        static Drivers.Pn532.Pn532Reader PoweredReader(ScriptedPn532 chip, string card)
        {
            chip.Card = card;
            Pn532ReaderOptions options = new Pn532ReaderOptions();
            options.PollPeriodMicros = 0;
            Drivers.Pn532.Pn532Reader reader = new Drivers.Pn532.Pn532Reader(options, chip, new VirtualClock());
            Assert.AreEqual((int)SmartcardStatus.Success, (int)reader.Open());
            reader.Poll();
            byte[] atr = new byte[PseudoAtr.MaxLength];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)reader.Power(PowerAction.ColdReset, atr, 0, out length));
            return reader;
        }

        static string Transmit(Drivers.Pn532.Pn532Reader reader, string apdu)
        {
            byte[] command = TestSupport.Hex(apdu);
            byte[] response = new byte[64];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)reader.Transmit(command, 0, command.Length, response, 0, response.Length, out length));
            return TestSupport.ToHex(response, 0, length);
        }

        /// <summary>The commands (code and parameters) sent since <paramref name="from"/>, separated by " | ".</summary>
        static string CommandsSince(ScriptedPn532 chip, int from)
        {
            string text = "";
            for (int i = from; i < chip.Commands.Count; i++)
            {
                text += (text.Length == 0 ? "" : " | ") + chip.Command(i);
            }

            return text;
        }

        [TestMethod]
        public void IsoCardGetsDiagnoseSix()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            Drivers.Pn532.Pn532Reader reader = PoweredReader(chip, IsoCard);
            int before = chip.Commands.Count;
            reader.Poll();
            Assert.AreEqual("00 06", CommandsSince(chip, before), "Diagnose NumTst 06 only, no re-selection");
            Assert.IsTrue(reader.IsCardPresent(), "an answer without a result byte concludes nothing");
        }

        [TestMethod]
        public void UltralightGetsReadOfPageZero()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            Drivers.Pn532.Pn532Reader reader = PoweredReader(chip, Ultralight);
            chip.QueueExchangeAnswer("00 04 A1 B2 9F C3 D4 E5 F6 00 00 00 00 00 00 00 00");
            int before = chip.Commands.Count;
            reader.Poll();
            Assert.AreEqual("40 01 30 00", CommandsSince(chip, before));
            Assert.IsTrue(reader.IsCardPresent());
        }

        [TestMethod]
        public void ClassicWithoutSessionIsSelectedAgainByItsUid()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            Drivers.Pn532.Pn532Reader reader = PoweredReader(chip, Classic1K);
            int before = chip.Commands.Count;
            reader.Poll();
            Assert.AreEqual("52 00 | 4A 01 00 F6 8E 2A 99", CommandsSince(chip, before));
            Assert.IsTrue(reader.IsCardPresent());
        }

        [TestMethod]
        public void ClassicInSessionGetsReadOfTheTrailerAndNeverAReselection()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            Drivers.Pn532.Pn532Reader reader = PoweredReader(chip, Classic1K);
            Transmit(reader, "FF 82 00 00 06 FF FF FF FF FF FF");
            chip.QueueExchangeAnswer("00");
            Assert.AreEqual("90 00", Transmit(reader, "FF 86 00 00 05 01 00 09 61 00"));
            chip.QueueExchangeAnswer("00 00 00 00 00 00 00 FF 07 80 69 00 00 00 00 00 00");
            int before = chip.Commands.Count;
            reader.Poll();
            Assert.AreEqual("40 01 30 0B", CommandsSince(chip, before), "trailer of sector 2");
            Assert.IsTrue(reader.IsCardPresent());
        }

        [TestMethod]
        public void TwoFailedReadsAreARemovalAndEndTheSession()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            Drivers.Pn532.Pn532Reader reader = PoweredReader(chip, Ultralight);
            PresenceLog log = new PresenceLog();
            reader.PresenceChanged += log.OnPresence;
            int before = chip.Commands.Count;
            chip.Card = null;
            reader.Poll();
            Assert.AreEqual("40 01 30 00 | 40 01 30 00", CommandsSince(chip, before), "the failed probe is repeated at once");
            Assert.AreEqual("-", log.Events);
            Assert.IsFalse(reader.IsCardPresent());
        }

        [TestMethod]
        public void OneFailedReadIsNotARemoval()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            Drivers.Pn532.Pn532Reader reader = PoweredReader(chip, Ultralight);
            chip.QueueExchangeAnswer("01");
            chip.QueueExchangeAnswer("00 04 A1 B2 9F C3 D4 E5 F6 00 00 00 00 00 00 00 00");
            reader.Poll();
            Assert.IsTrue(reader.IsCardPresent(), "the repeated probe found the card");
        }

        sealed class PresenceLog
        {
            public string Events = "";

            public void OnPresence(IReaderDriver driver, bool present)
            {
                Events += present ? "+" : "-";
            }
        }
    }
}
