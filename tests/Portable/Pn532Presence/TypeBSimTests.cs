#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Presence
{
    /// <summary>
    /// ISO 14443 type B through the reader against the virtual PN532 on I2C, SPI and HSU: listed when no type A
    /// target answers, pseudo-ATR of PC/SC Part 3 (reference §4.5.1), GET DATA PUPI and ATTRIB answer
    /// (§4.5.2), APDUs, and removal of the powered card within one poll period.
    /// </summary>
    [TestClass]
    public class TypeBSimTests
    {
        const long Period = 500000;

        /// <summary>Iso14443BCard.CreateDefault: application data 00 12 34 01, protocol info 00 81 81, ATTRIB answer 10 (MBLI 1).</summary>
        const string DefaultAtr = "3B 88 80 01 00 12 34 01 00 81 81 10 3E";
        const string SelectMf = "00 A4 00 0C 02 3F 00";

        static void DiscoveryAndApdus(int bus)
        {
            PresenceRig rig = new PresenceRig(bus, 0, null);
            rig.Reader.Poll();
            Assert.IsFalse(rig.Reader.IsCardPresent(), "empty field over " + rig.BusName);
            rig.Chip.PlaceCard(Iso14443BCard.CreateDefault());
            rig.Reader.Poll();
            Assert.AreEqual("+", rig.Events, "arrival over " + rig.BusName);
            Assert.AreEqual(DefaultAtr, rig.PowerUp());
            Assert.AreEqual("90 00", rig.Transmit(SelectMf));
            Assert.AreEqual("1B 2C 3D 4E 90 00", rig.Transmit("FF CA 00 00 00"), "PUPI");
            Assert.AreEqual("10 90 00", rig.Transmit("FF CA 01 00 00"), "ATTRIB answer");
            Assert.AreEqual(DefaultAtr, rig.PowerUp(), "a warm reset lists the same card again");
            Assert.AreEqual("90 00", rig.Transmit(SelectMf));
        }

        [TestMethod]
        public void DiscoveryAndApdusOverI2c()
        {
            DiscoveryAndApdus(PresenceRig.I2c);
        }

        [TestMethod]
        public void DiscoveryAndApdusOverSpi()
        {
            DiscoveryAndApdus(PresenceRig.Spi);
        }

        [TestMethod]
        public void DiscoveryAndApdusOverHsu()
        {
            DiscoveryAndApdus(PresenceRig.Hsu);
        }

        [TestMethod]
        public void TypeAIsPreferredAndTypeBCanBeTurnedOff()
        {
            PresenceRig rig = new PresenceRig(PresenceRig.I2c, 0, Iso14443BCard.CreateDefault());
            rig.Reader.Poll();
            rig.Chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), Boards.Simulator.CardProfile.DirectT0()));
            rig.Reader.Poll();
            Assert.AreEqual("+-+", rig.Events, "another card: the type B card left, the type A card came");
            Assert.AreEqual("3B 85 80 01 80 31 80 65 B0 E0", rig.PowerUp());
        }

        [TestMethod]
        public void PollTypeBFalseListsTypeAOnly()
        {
            PresenceRig rig = new PresenceRig(PresenceRig.Spi, 0, Iso14443BCard.CreateDefault(), null, false);
            rig.Reader.Poll();
            Assert.IsFalse(rig.Reader.IsCardPresent(), "type B not polled");
            Assert.AreEqual("", rig.Events);
        }

        [TestMethod]
        public void RemovalOfAPoweredCardIsReportedByTheNextPoll()
        {
            PresenceRig rig = new PresenceRig(PresenceRig.Hsu, 0, Iso14443BCard.CreateDefault());
            rig.Reader.Poll();
            rig.PowerUp();
            for (int i = 0; i < 5; i++)
            {
                rig.Clock.Advance(Period);
                rig.Reader.Poll();
            }

            Assert.AreEqual("90 00", rig.Transmit(SelectMf), "still there after 5 Diagnose probes");
            rig.Chip.RemoveCard();
            rig.Reader.Poll();
            Assert.AreEqual("+-", rig.Events);
            Assert.IsFalse(rig.Reader.IsCardPresent());
        }

        /// <summary>Powers the card and takes it away a little later, on the driver thread (see <see cref="PresenceRig"/>).</summary>
        sealed class PowerThenRemove
        {
            public void Run(PresenceRig rig)
            {
                rig.ArrivalLog = rig.TryPowerUp() + " | " + rig.TryTransmit(SelectMf);
                rig.RemoveCardAt(rig.Clock.NowMicros + 123000);
            }
        }

        static void RemovalWithinOnePeriod(int bus)
        {
            PresenceRig rig = new PresenceRig(bus, Period, Iso14443BCard.CreateDefault(), new ArrivalAction(new PowerThenRemove().Run));
            rig.WaitRemovalAndClose();
            Assert.AreEqual("Success: " + DefaultAtr + " | Success: 90 00", rig.ArrivalLog, "session over " + rig.BusName);
            Assert.AreEqual("+-", rig.EventsSoFar);
            long latency = rig.RemovedAtMicros - rig.CardTakenAtMicros;
            Assert.IsTrue(rig.CardTakenAtMicros >= 0 && latency >= 0 && latency <= Period, "removal reported " + latency.ToString() + " µs after the card left over " + rig.BusName);
        }

        [TestMethod]
        public void RemovalWithinOnePeriodOverI2c()
        {
            RemovalWithinOnePeriod(PresenceRig.I2c);
        }

        [TestMethod]
        public void RemovalWithinOnePeriodOverSpi()
        {
            RemovalWithinOnePeriod(PresenceRig.Spi);
        }

        [TestMethod]
        public void RemovalWithinOnePeriodOverHsu()
        {
            RemovalWithinOnePeriod(PresenceRig.Hsu);
        }
    }
}
