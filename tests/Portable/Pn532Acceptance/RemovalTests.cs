#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Tests.Pn532Support;

namespace EmbeddedSmartCard.Tests.Pn532Acceptance
{
    /// <summary>
    /// A card taken out of the field while an APDU runs: the transmit fails with SCARD_W_REMOVED_CARD, the
    /// reader goes EMPTY, the old handle keeps answering REMOVED_CARD, and the next card works.
    /// </summary>
    [TestClass]
    public class RemovalTests
    {
        /// <summary>ECHO of 300 bytes, extended case 4: 309 bytes, metachained in two InDataExchange (reference §3.3).</summary>
        const int EchoLength = 300;

        static byte[] LongEcho()
        {
            byte[] command = new byte[4 + 3 + EchoLength + 2];
            command[0] = 0x80;
            command[1] = 0x12;
            command[5] = EchoLength >> 8;
            command[6] = EchoLength & 0xFF;
            return command;
        }

        static void RemovedDuringApdu(int bus)
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(bus, false);
            try
            {
                string on = " over " + Pn532ManagerRig.BusName(bus);
                rig.Chip.PlaceCard(Pn532ManagerRig.IsoCard(Pn532ManagerRig.IsoUid));
                int handle = rig.Connect();
                Assert.IsTrue(handle != 0, "connect" + on);

                // Due a microsecond ahead: the transmitting thread fires it in the first bus transfer of the APDU.
                rig.Clock.Schedule(rig.Clock.NowMicros + 1, TakeCardOut, rig);
                Assert.AreEqual("SCARD_W_REMOVED_CARD", rig.Send(handle, LongEcho(), ScardConstants.MaxBufferSizeExtended), "APDU with the card leaving" + on);
                Assert.IsTrue(rig.Chip.CardInField == null, "the card left during the APDU" + on);
                Assert.IsNotNull(rig.WaitFor(ScardConstants.StateEmpty, ScardConstants.StatePresent), "reader EMPTY" + on);
                Assert.AreEqual("SCARD_W_REMOVED_CARD", rig.Send(handle, "00 A4 00 0C 02 3F 00"), "old handle" + on);
                Assert.AreEqual(ScardError.Success, rig.Manager.Disconnect(handle, ScardConstants.LeaveCard), "disconnect" + on);

                rig.Chip.PlaceCard(Pn532ManagerRig.IsoCard(Pn532ManagerRig.OtherIsoUid));
                int next = rig.Connect();
                Assert.IsTrue(next != 0, "connect to the next card" + on);
                Assert.AreEqual(Pn532ManagerRig.OtherIsoUid + " 90 00", rig.Send(next, "FF CA 00 00 00"), "next card's UID" + on);
                Assert.AreEqual("90 00", rig.Send(next, "00 A4 00 0C 02 3F 00"), "next card's APDU" + on);
            }
            finally
            {
                rig.Dispose();
            }
        }

        static void TakeCardOut(VirtualTimer timer, long dueMicros)
        {
            ((Pn532ManagerRig)timer.State).Chip.RemoveCard();
        }

        [TestMethod]
        public void RemovedDuringApduOverI2c()
        {
            RemovedDuringApdu(Pn532ManagerRig.I2c);
        }

        [TestMethod]
        public void RemovedDuringApduOverSpi()
        {
            RemovedDuringApdu(Pn532ManagerRig.Spi);
        }

        [TestMethod]
        public void RemovedDuringApduOverHsu()
        {
            RemovedDuringApdu(Pn532ManagerRig.Hsu);
        }
    }
}
