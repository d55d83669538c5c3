#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Tests.Pn532Support;

namespace EmbeddedSmartCard.Tests.Pn532Acceptance
{
    /// <summary>
    /// A monitoring application blocked in SCardGetStatusChange, with the driver's own poll thread running
    /// on the virtual clock: it wakes up when a card enters the field (PRESENT, then powered with its
    /// pseudo-ATR) and when the powered card is taken away (EMPTY), on each host interface.
    /// </summary>
    [TestClass]
    public class StatusChangeTests
    {
        /// <summary>The poll period (virtual time: the poll thread runs through it at once).</summary>
        const long PollPeriodMicros = 100000;

        /// <summary>Bound on one blocked call in real time: only reached when the event never comes.</summary>
        const int PatienceMillis = 10000;

        const int MaxWakeUps = 20;

        /// <summary>The application loop: blocks until the reader shows <paramref name="wanted"/> and none of <paramref name="unwanted"/>.</summary>
        static ScardReaderState BlockUntil(Pn532ManagerRig rig, ScardReaderState entry, int wanted, int unwanted)
        {
            ScardReaderState[] states = new ScardReaderState[] { entry };
            for (int i = 0; i < MaxWakeUps; i++)
            {
                if (rig.Manager.GetStatusChange(rig.Context, PatienceMillis, states) != ScardError.Success)
                {
                    return null;
                }

                if ((entry.EventState & wanted) == wanted && (entry.EventState & unwanted) == 0)
                {
                    return entry;
                }

                entry.CurrentState = entry.EventState & ~ScardConstants.StateChanged;
            }

            return null;
        }

        static void ArrivalAndRemoval(int bus)
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(bus, false, PollPeriodMicros);
            try
            {
                string on = " over " + Pn532ManagerRig.BusName(bus);
                ScardReaderState entry = new ScardReaderState();
                entry.Reader = rig.Name;
                entry.CurrentState = ScardConstants.StateEmpty;
                rig.Chip.PlaceCard(Pn532ManagerRig.IsoCard(Pn532ManagerRig.IsoUid));
                Assert.IsNotNull(BlockUntil(rig, entry, ScardConstants.StatePresent, ScardConstants.StateUnpowered), "woken powered" + on);
                Assert.AreEqual(Pn532ManagerRig.IsoAtr, TestSupport.ToHex(entry.Atr, 0, entry.AtrLength), "ATR" + on);
                entry.CurrentState = entry.EventState & ~ScardConstants.StateChanged;
                rig.Chip.RemoveCard();
                Assert.IsNotNull(BlockUntil(rig, entry, ScardConstants.StateEmpty, ScardConstants.StatePresent), "woken by the removal" + on);
            }
            finally
            {
                rig.Dispose();
            }
        }

        [TestMethod]
        public void ArrivalAndRemovalWakeTheMonitorOverI2c()
        {
            ArrivalAndRemoval(Pn532ManagerRig.I2c);
        }

        [TestMethod]
        public void ArrivalAndRemovalWakeTheMonitorOverSpi()
        {
            ArrivalAndRemoval(Pn532ManagerRig.Spi);
        }

        [TestMethod]
        public void ArrivalAndRemovalWakeTheMonitorOverHsu()
        {
            ArrivalAndRemoval(Pn532ManagerRig.Hsu);
        }
    }
}
