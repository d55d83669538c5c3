#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.SimulatorPn532Board
{
    /// <summary>The simulator board's PN532 reader: a tap script moves cards through its field in virtual time, the reader sees them.</summary>
    [TestClass]
    public class SimulatorPn532Tests
    {
        const long Period = 500000;

        sealed class Rig
        {
            public SimulatorPn532 Pn532;
            public string Events = "";
            public long[] Times = new long[16];

            public Rig(string script)
            {
                Pn532 = new SimulatorPn532(TapScript.Parse(script), Period);
                Pn532.Reader.PresenceChanged += OnPresence;
                Assert.AreEqual((int)SmartcardStatus.Success, (int)Pn532.Reader.Open(), "open");
            }

            void OnPresence(IReaderDriver driver, bool present)
            {
                if (Events.Length < Times.Length)
                {
                    Times[Events.Length] = Pn532.Clock.NowMicros;
                }

                Events += present ? "+" : "-";
            }

            public string PowerUp()
            {
                byte[] atr = new byte[33];
                int length;
                Assert.AreEqual((int)SmartcardStatus.Success, (int)Pn532.Reader.Power(PowerAction.ColdReset, atr, 0, out length), "power");
                return TestSupport.ToHex(atr, 0, length);
            }
        }

        [TestMethod]
        public void CardOnTheAntennaAtStartIsPresentWhenOpenReturns()
        {
            Rig rig = new Rig("0:iso14443-4");
            Assert.IsTrue(rig.Pn532.Reader.IsCardPresent(), "present at once");
            Assert.AreEqual("+", rig.Events);
            Assert.AreEqual("3B 85 80 01 80 31 80 65 B0 E0", rig.PowerUp(), "pseudo-ATR from the ATS historical bytes");
            rig.Pn532.Dispose();
        }

        [TestMethod]
        public void TapsComeAndGoWithinOnePollPeriodOfVirtualTime()
        {
            Rig rig = new Rig("0:iso14443-4;2000:none;3000:mifare1k;5000:ultralight;6000:none");
            rig.Pn532.RunFor(7000000);
            Assert.AreEqual("+-+-+-", rig.Events, "arrival, removal, arrival, a card swapped for another, removal");
            long[] taps = { 0, 2000000, 3000000, 5000000, 5000000, 6000000 };
            for (int i = 0; i < taps.Length; i++)
            {
                long late = rig.Times[i] - taps[i];
                Assert.IsTrue(late >= 0 && late <= Period, "event " + i + " at " + rig.Times[i] + " us for the tap at " + taps[i] + " us");
            }

            rig.Pn532.Dispose();
        }

        [TestMethod]
        public void EachKindShowsItsPseudoAtr()
        {
            AssertPseudoAtr("mifare1k", "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A");
            AssertPseudoAtr("ultralight", "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68");
        }

        [TestMethod]
        public void ACardTappedAgainIsTheSameCard()
        {
            Rig rig = new Rig("0:mifare1k;1000:none;2000:mifare1k");
            object first = rig.Pn532.Chip.CardInField;
            rig.Pn532.RunFor(1500000);
            Assert.IsNull(rig.Pn532.Chip.CardInField, "field empty");
            rig.Pn532.RunFor(1000000);
            Assert.AreSame(first, rig.Pn532.Chip.CardInField, "the same card object, memory and all");
            rig.Pn532.Dispose();
        }

        [TestMethod]
        public void AHungChipComesBackWhenTheReaderIsReopenedThroughItsResetPin()
        {
            Rig rig = new Rig("0:iso14443-4");
            rig.Pn532.Chip.Hang();
            rig.Pn532.Reader.Close();
            Assert.IsTrue(rig.Pn532.Chip.Hung, "hung until RSTPDN restarts it");
            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.Pn532.Reader.Open(), "re-open pulses RSTPDN");
            Assert.IsFalse(rig.Pn532.Chip.Hung);
            Assert.IsTrue(rig.Pn532.Reader.IsCardPresent(), "the card is listed again");
            Assert.AreEqual("3B 85 80 01 80 31 80 65 B0 E0", rig.PowerUp());
            rig.Pn532.Dispose();
        }

        static void AssertPseudoAtr(string kind, string expected)
        {
            Rig rig = new Rig("0:" + kind);
            Assert.AreEqual(expected, rig.PowerUp(), kind);
            rig.Pn532.Dispose();
        }
    }
}
