#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Pn532Presence
{
    /// <summary>
    /// Presence of a powered card against the virtual PN532 (reference §3.3 Diagnose, §5.3, §6.2): each kind
    /// is probed without disturbing it, survives polling, and its removal is reported within one poll period
    /// of virtual time by the driver's own thread, on I2C, SPI and HSU.
    /// </summary>
    [TestClass]
    public class PresenceSimTests
    {
        const long Period = 500000;
        const string IsoUid = "08 12 34 56";
        const string ClassicUid = "F6 8E 2A 99";
        const string UltralightUid = "04 A1 B2 C3 D4 E5 F6";
        const string SelectMf = "00 A4 00 0C 02 3F 00";
        const string LoadKey = "FF 82 00 00 06 FF FF FF FF FF FF";
        const string AuthenticateBlock4 = "FF 86 00 00 05 01 00 04 60 00";
        const string ReadBlock5 = "FF B0 00 05 10";
        const string ZeroBlock = "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00";

        /// <summary>Powers the card, sends APDUs and schedules the card's removal, on the driver thread.</summary>
        sealed class Session
        {
            readonly string[] apdus;
            readonly long removalOffsetMicros;

            public Session(string[] apdus, long removalOffsetMicros)
            {
                this.apdus = apdus;
                this.removalOffsetMicros = removalOffsetMicros;
            }

            public void Run(PresenceRig rig)
            {
                string log = rig.TryPowerUp();
                for (int i = 0; i < apdus.Length; i++)
                {
                    log += " | " + rig.TryTransmit(apdus[i]);
                }

                rig.ArrivalLog = log;
                rig.RemoveCardAt(rig.Clock.NowMicros + removalOffsetMicros);
            }
        }

        static Iso14443_4Card IsoCard()
        {
            return new Iso14443_4Card(TestSupport.Hex(IsoUid), CardProfile.DirectT0());
        }

        /// <summary>
        /// The driver thread finds the card, the arrival handler powers it, runs <paramref name="apdus"/> and takes
        /// the card away <paramref name="removalOffset"/> later; the removal must be reported within one period.
        /// </summary>
        static void RemovalWithinOnePeriod(int bus, ContactlessCard card, string[] apdus, long removalOffset, string expectedLog)
        {
            Session session = new Session(apdus, removalOffset);
            PresenceRig rig = new PresenceRig(bus, Period, card, new ArrivalAction(session.Run));
            rig.WaitRemovalAndClose();
            Assert.AreEqual(expectedLog, rig.ArrivalLog, "session over " + rig.BusName);
            Assert.AreEqual("+-", rig.EventsSoFar, "one arrival, one removal over " + rig.BusName);
            long latency = rig.RemovedAtMicros - rig.CardTakenAtMicros;
            Assert.IsTrue(rig.CardTakenAtMicros >= 0 && latency >= 0, "removal after the card left over " + rig.BusName);
            Assert.IsTrue(latency <= Period, "removal reported " + latency.ToString() + " µs after the card left over " + rig.BusName + " (offset " + removalOffset.ToString() + ")");
        }

        static void IdleIsoCardRemoval(int bus)
        {
            RemovalWithinOnePeriod(bus, IsoCard(), new string[0], 1000, "Success: 3B 85 80 01 80 31 80 65 B0 E0");
        }

        [TestMethod]
        public void IdleIsoCardRemovalOverI2c()
        {
            IdleIsoCardRemoval(PresenceRig.I2c);
        }

        [TestMethod]
        public void IdleIsoCardRemovalOverSpi()
        {
            IdleIsoCardRemoval(PresenceRig.Spi);
        }

        [TestMethod]
        public void IdleIsoCardRemovalOverHsu()
        {
            IdleIsoCardRemoval(PresenceRig.Hsu);
        }

        [TestMethod]
        public void IsoCardRemovalBetweenApdusAtEveryPointOfTwoPeriods()
        {
            for (long offset = 0; offset <= 2 * Period; offset += Period / 16)
            {
                RemovalWithinOnePeriod(PresenceRig.I2c, IsoCard(), new string[] { SelectMf, SelectMf }, offset,
                    "Success: 3B 85 80 01 80 31 80 65 B0 E0 | Success: 90 00 | Success: 90 00");
            }
        }

        static void UltralightRemoval(int bus)
        {
            RemovalWithinOnePeriod(bus, new UltralightCard(TestSupport.Hex(UltralightUid)), new string[] { "FF B0 00 00 04" }, 77000,
                "Success: 3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68 | Success: 04 A1 B2 9F 90 00");
        }

        [TestMethod]
        public void UltralightRemovalOverI2c()
        {
            UltralightRemoval(PresenceRig.I2c);
        }

        [TestMethod]
        public void UltralightRemovalOverSpi()
        {
            UltralightRemoval(PresenceRig.Spi);
        }

        [TestMethod]
        public void UltralightRemovalOverHsu()
        {
            UltralightRemoval(PresenceRig.Hsu);
        }

        const string ClassicAtr = "Success: 3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A";

        static void ClassicRemoval(int bus)
        {
            RemovalWithinOnePeriod(bus, new MifareClassicCard(TestSupport.Hex(ClassicUid)), new string[0], 240000, ClassicAtr);
        }

        static void AuthenticatedClassicRemoval(int bus)
        {
            RemovalWithinOnePeriod(bus, new MifareClassicCard(TestSupport.Hex(ClassicUid)), new string[] { LoadKey, AuthenticateBlock4, ReadBlock5 }, 410000,
                ClassicAtr + " | Success: 90 00 | Success: 90 00 | Success: " + ZeroBlock + " 90 00");
        }

        [TestMethod]
        public void ClassicRemovalOverI2c()
        {
            ClassicRemoval(PresenceRig.I2c);
        }

        [TestMethod]
        public void ClassicRemovalOverSpi()
        {
            ClassicRemoval(PresenceRig.Spi);
        }

        [TestMethod]
        public void ClassicRemovalOverHsu()
        {
            ClassicRemoval(PresenceRig.Hsu);
        }

        [TestMethod]
        public void AuthenticatedClassicRemovalOverI2c()
        {
            AuthenticatedClassicRemoval(PresenceRig.I2c);
        }

        [TestMethod]
        public void AuthenticatedClassicRemovalOverSpi()
        {
            AuthenticatedClassicRemoval(PresenceRig.Spi);
        }

        [TestMethod]
        public void AuthenticatedClassicRemovalOverHsu()
        {
            AuthenticatedClassicRemoval(PresenceRig.Hsu);
        }

        /// <summary>Polls as the driver thread would, <paramref name="periods"/> times.</summary>
        static void PollPeriods(PresenceRig rig, int periods)
        {
            for (int i = 0; i < periods; i++)
            {
                rig.Clock.Advance(Period);
                rig.Reader.Poll();
            }
        }

        static void AuthenticatedSessionSurvivesPolling(int bus)
        {
            MifareClassicCard card = new MifareClassicCard(TestSupport.Hex(ClassicUid));
            PresenceRig rig = new PresenceRig(bus, 0, card);
            rig.Reader.Poll();
            rig.PowerUp();
            Assert.AreEqual("90 00", rig.Transmit(LoadKey));
            Assert.AreEqual("90 00", rig.Transmit(AuthenticateBlock4));
            PollPeriods(rig, 20);
            Assert.AreEqual(1, card.AuthenticatedSector, "never re-selected during the session");
            Assert.AreEqual(ZeroBlock + " 90 00", rig.Transmit(ReadBlock5), "read after 20 periods without a new AUTH");
            Assert.AreEqual("90 00", rig.Transmit("FF D6 00 06 10 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF"));
            PollPeriods(rig, 5);
            Assert.AreEqual("00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 90 00", rig.Transmit("FF B0 00 06 10"));
            Assert.AreEqual("+", rig.Events, "present all along");
        }

        [TestMethod]
        public void AuthenticatedSessionSurvivesPollingOverI2c()
        {
            AuthenticatedSessionSurvivesPolling(PresenceRig.I2c);
        }

        [TestMethod]
        public void AuthenticatedSessionSurvivesPollingOverSpi()
        {
            AuthenticatedSessionSurvivesPolling(PresenceRig.Spi);
        }

        [TestMethod]
        public void AuthenticatedSessionSurvivesPollingOverHsu()
        {
            AuthenticatedSessionSurvivesPolling(PresenceRig.Hsu);
        }

        /// <summary>
        /// Access bytes 7F 07 88 69 give the trailer condition 011 (MF1S50 access conditions): key B is not
        /// readable, so it may authenticate, and the access bits are readable by A|B, so the trailer READ
        /// of the presence check stays allowed in a key B session.
        /// </summary>
        [TestMethod]
        public void KeyBSessionSurvivesPolling()
        {
            MifareClassicCard card = new MifareClassicCard(TestSupport.Hex(ClassicUid));
            card.SetTrailer(1, TestSupport.Hex("FF FF FF FF FF FF"), TestSupport.Hex("7F 07 88 69"), TestSupport.Hex("B0 B1 B2 B3 B4 B5"));
            PresenceRig rig = new PresenceRig(PresenceRig.Hsu, 0, card);
            rig.Reader.Poll();
            rig.PowerUp();
            Assert.AreEqual("90 00", rig.Transmit("FF 82 00 01 06 B0 B1 B2 B3 B4 B5"));
            Assert.AreEqual("90 00", rig.Transmit("FF 86 00 00 05 01 00 04 61 01"), "key B");
            PollPeriods(rig, 10);
            Assert.AreEqual(1, card.AuthenticatedSector, "still in the key B session");
            Assert.AreEqual("90 00", rig.Transmit("FF D6 00 05 10 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF"), "key B writes data blocks under 000");
            Assert.AreEqual("+", rig.Events);
        }

        [TestMethod]
        public void ARefusedReadEndsTheSessionAndPollingThenReselects()
        {
            MifareClassicCard card = new MifareClassicCard(TestSupport.Hex(ClassicUid));
            PresenceRig rig = new PresenceRig(PresenceRig.Spi, 0, card);
            rig.Reader.Poll();
            rig.PowerUp();
            rig.Transmit(LoadKey);
            rig.Transmit(AuthenticateBlock4);
            Assert.AreEqual("63 00", rig.Transmit("FF B0 00 09 10"), "another sector: the card NAKs and leaves the session");
            PollPeriods(rig, 3);
            Assert.AreEqual("+", rig.Events, "the card is still there: no trailer READ outside a session");
            Assert.AreEqual("90 00", rig.Transmit(AuthenticateBlock4));
            Assert.AreEqual(ZeroBlock + " 90 00", rig.Transmit(ReadBlock5));
        }

        static void PoweredCardsStayPresent(int bus, ContactlessCard card, string apdu, string answer)
        {
            PresenceRig rig = new PresenceRig(bus, 0, card);
            rig.Reader.Poll();
            rig.PowerUp();
            PollPeriods(rig, 10);
            Assert.AreEqual(answer, rig.Transmit(apdu), "after 10 periods over " + rig.BusName);
            Assert.AreEqual("+", rig.Events, "present all along over " + rig.BusName);
        }

        [TestMethod]
        public void PoweredIsoCardUltralightAndClassicStayPresent()
        {
            for (int bus = PresenceRig.I2c; bus <= PresenceRig.Hsu; bus++)
            {
                PoweredCardsStayPresent(bus, IsoCard(), SelectMf, "90 00");
                PoweredCardsStayPresent(bus, new UltralightCard(TestSupport.Hex(UltralightUid)), "FF CA 00 00 00", UltralightUid + " 90 00");
                PoweredCardsStayPresent(bus, new MifareClassicCard(TestSupport.Hex(ClassicUid)), "FF CA 00 00 00", ClassicUid + " 90 00");
            }
        }

        /// <summary>The card is back before the repeated probe: one failed probe is not a removal.</summary>
        [TestMethod]
        public void OneFailedProbeIsNotARemoval()
        {
            Iso14443_4Card card = IsoCard();
            PresenceRig rig = new PresenceRig(PresenceRig.I2c, 0, card);
            rig.Reader.Poll();
            rig.PowerUp();
            Assert.AreEqual("90 00", rig.Transmit(SelectMf));
            rig.Chip.RemoveCard();
            PutBack putBack = new PutBack(rig.Chip, card);
            rig.Clock.Schedule(rig.Clock.NowMicros + 1000, putBack.Place, null);
            rig.Reader.Poll();
            Assert.IsTrue(putBack.PlacedAtMicros > 0, "the card came back during the first probe");
            Assert.AreEqual("+", rig.Events, "debounced");
            Assert.AreEqual("90 00", rig.Transmit(SelectMf), "the session goes on");
            rig.Chip.RemoveCard();
            rig.Reader.Poll();
            Assert.AreEqual("+-", rig.Events, "two failed probes in one poll are a removal");
        }

        sealed class PutBack
        {
            readonly VirtualPn532 chip;
            readonly ContactlessCard card;
            public long PlacedAtMicros;

            public PutBack(VirtualPn532 chip, ContactlessCard card)
            {
                this.chip = chip;
                this.card = card;
            }

            public void Place(VirtualTimer timer, long dueMicros)
            {
                PlacedAtMicros = dueMicros;
                chip.PlaceCard(card);
            }
        }
    }
}
