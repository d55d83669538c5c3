#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Tests.Pn532Support;

namespace EmbeddedSmartCard.Tests.Pn532Acceptance
{
    /// <summary>
    /// Discovery through the PC/SC API on each host interface: the reader is listed, an empty field is
    /// EMPTY, a card placed in it becomes PRESENT and powered with its pseudo-ATR (GetStatusChange and
    /// SCardStatus agree byte for byte, TCK included), and it goes EMPTY again when taken away after the
    /// application unpowered it.
    /// </summary>
    [TestClass]
    public class DiscoveryTests
    {
        static void Discover(int bus, ContactlessCard card, string expectedAtr)
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(bus, false);
            try
            {
                string on = " over " + Pn532ManagerRig.BusName(bus);
                Assert.IsTrue(rig.IsListed(), "reader listed" + on);
                Assert.IsNotNull(rig.WaitFor(ScardConstants.StateEmpty, ScardConstants.StatePresent), "empty field" + on);
                rig.Chip.PlaceCard(card);
                Assert.AreEqual(expectedAtr, rig.AtrAtInsertion(), "pseudo-ATR at insertion" + on);
                AssertTckClosesAtr(expectedAtr);
                int handle = rig.Connect();
                Assert.IsTrue(handle != 0, "connect" + on);
                Assert.AreEqual(expectedAtr, rig.StatusAtr(handle), "SCardStatus ATR" + on);
                Assert.AreEqual(ScardError.Success, rig.Manager.Disconnect(handle, ScardConstants.UnpowerCard), "disconnect" + on);
                rig.Chip.RemoveCard();
                Assert.IsNotNull(rig.WaitFor(ScardConstants.StateEmpty, ScardConstants.StatePresent), "empty again" + on);
            }
            finally
            {
                rig.Dispose();
            }
        }

        /// <summary>TCK: the exclusive-or of T0 up to and including TCK is zero (ISO 7816-3 §8.2.5).</summary>
        static void AssertTckClosesAtr(string atr)
        {
            byte[] bytes = TestSupport.Hex(atr);
            int check = 0;
            for (int i = 1; i < bytes.Length; i++)
            {
                check ^= bytes[i];
            }

            Assert.AreEqual(0, check, "TCK of " + atr);
        }

        static void IsoCard(int bus)
        {
            Discover(bus, Pn532ManagerRig.IsoCard(Pn532ManagerRig.IsoUid), Pn532ManagerRig.IsoAtr);
        }

        static void ClassicCard(int bus)
        {
            Discover(bus, new MifareClassicCard(TestSupport.Hex(Pn532ManagerRig.ClassicUid)), Pn532ManagerRig.ClassicAtr);
        }

        static void UltralightCard(int bus)
        {
            Discover(bus, new UltralightCard(TestSupport.Hex(Pn532ManagerRig.UltralightUid)), Pn532ManagerRig.UltralightAtr);
        }

        [TestMethod]
        public void IsoCardOverI2c()
        {
            IsoCard(Pn532ManagerRig.I2c);
        }

        [TestMethod]
        public void IsoCardOverSpi()
        {
            IsoCard(Pn532ManagerRig.Spi);
        }

        [TestMethod]
        public void IsoCardOverHsu()
        {
            IsoCard(Pn532ManagerRig.Hsu);
        }

        [TestMethod]
        public void MifareClassic1KOverI2c()
        {
            ClassicCard(Pn532ManagerRig.I2c);
        }

        [TestMethod]
        public void MifareClassic1KOverSpi()
        {
            ClassicCard(Pn532ManagerRig.Spi);
        }

        [TestMethod]
        public void MifareClassic1KOverHsu()
        {
            ClassicCard(Pn532ManagerRig.Hsu);
        }

        [TestMethod]
        public void UltralightOverI2c()
        {
            UltralightCard(Pn532ManagerRig.I2c);
        }

        [TestMethod]
        public void UltralightOverSpi()
        {
            UltralightCard(Pn532ManagerRig.Spi);
        }

        [TestMethod]
        public void UltralightOverHsu()
        {
            UltralightCard(Pn532ManagerRig.Hsu);
        }
    }
}
