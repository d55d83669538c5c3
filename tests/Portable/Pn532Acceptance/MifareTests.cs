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
    /// Storage cards through the PC/SC Part 3 pseudo-APDUs the driver answers (reference iso7816-pn532.md
    /// §4.5.2): LOAD KEYS, GENERAL AUTHENTICATE, READ BINARY and UPDATE BINARY on a MIFARE Classic 1K, with
    /// the failure status 63 00 for a refused key and for a read without authentication; READ and UPDATE
    /// BINARY on an Ultralight, 63 00 for its read-only pages.
    /// </summary>
    [TestClass]
    public class MifareTests
    {
        const string Block = "00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF";
        const int BlockSize = 16;
        const int DataBlock = 5;

        /// <summary>A new card's sector keys: FF FF FF FF FF FF (the MIFARE transport configuration).</summary>
        const string LoadTransportKeyIn0 = "FF 82 00 00 06 FF FF FF FF FF FF";
        const string LoadWrongKeyIn1 = "FF 82 00 01 06 01 02 03 04 05 06";
        const string AuthenticateBlock4KeyAWith0 = "FF 86 00 00 05 01 00 04 60 00";
        const string AuthenticateBlock4KeyAWith1 = "FF 86 00 00 05 01 00 04 60 01";

        static void Classic(int bus)
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(bus, false);
            try
            {
                string on = " over " + Pn532ManagerRig.BusName(bus);
                MifareClassicCard card = new MifareClassicCard(TestSupport.Hex(Pn532ManagerRig.ClassicUid));
                rig.Chip.PlaceCard(card);
                int handle = rig.Connect();
                Assert.IsTrue(handle != 0, "connect" + on);
                Assert.AreEqual(Pn532ManagerRig.ClassicUid + " 90 00", rig.Send(handle, "FF CA 00 00 00"), "GET DATA UID" + on);
                Assert.AreEqual("90 00", rig.Send(handle, LoadTransportKeyIn0), "LOAD KEYS 0" + on);
                Assert.AreEqual("90 00", rig.Send(handle, LoadWrongKeyIn1), "LOAD KEYS 1" + on);
                Assert.AreEqual("63 00", rig.Send(handle, AuthenticateBlock4KeyAWith1), "wrong key refused" + on);
                Reset(rig, handle, on);
                Assert.AreEqual("63 00", rig.Send(handle, "FF B0 00 05 10"), "READ BINARY without authentication" + on);
                Reset(rig, handle, on);
                Assert.AreEqual("90 00", rig.Send(handle, AuthenticateBlock4KeyAWith0), "GENERAL AUTHENTICATE" + on);
                Assert.AreEqual("90 00", rig.Send(handle, "FF D6 00 05 10 " + Block), "UPDATE BINARY" + on);
                Assert.AreEqual(Block + " 90 00", rig.Send(handle, "FF B0 00 05 10"), "READ BINARY" + on);
                Assert.AreEqual(Block, TestSupport.ToHex(card.Memory, DataBlock * BlockSize, BlockSize), "written to the card" + on);
            }
            finally
            {
                rig.Dispose();
            }
        }

        /// <summary>SCardReconnect with a reset: the driver selects the card again, which ends its halted state.</summary>
        static void Reset(Pn532ManagerRig rig, int handle, string on)
        {
            int protocol;
            Assert.AreEqual(ScardError.Success, rig.Manager.Reconnect(handle, ScardConstants.ShareShared, ScardConstants.ProtocolT1, ScardConstants.ResetCard, out protocol), "reconnect" + on);
        }

        static void Ultralight(int bus)
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(bus, false);
            try
            {
                string on = " over " + Pn532ManagerRig.BusName(bus);
                UltralightCard card = new UltralightCard(TestSupport.Hex(Pn532ManagerRig.UltralightUid));
                rig.Chip.PlaceCard(card);
                int handle = rig.Connect();
                Assert.IsTrue(handle != 0, "connect" + on);
                Assert.AreEqual(Pn532ManagerRig.UltralightUid + " 90 00", rig.Send(handle, "FF CA 00 00 00"), "GET DATA UID" + on);
                Assert.AreEqual("90 00", rig.Send(handle, "FF D6 00 04 04 DE AD BE EF"), "UPDATE BINARY page 4" + on);
                Assert.AreEqual("90 00", rig.Send(handle, "FF D6 00 05 04 01 02 03 04"), "UPDATE BINARY page 5" + on);
                Assert.AreEqual("DE AD BE EF 90 00", rig.Send(handle, "FF B0 00 04 04"), "READ BINARY page 4" + on);
                Assert.AreEqual("DE AD BE EF 01 02 03 04 00 00 00 00 00 00 00 00 90 00", rig.Send(handle, "FF B0 00 04 10"), "READ BINARY pages 4 to 7" + on);
                Assert.AreEqual("63 00", rig.Send(handle, "FF D6 00 00 04 11 22 33 44"), "page 0 (serial number) is read-only" + on);
                Assert.AreEqual("DE AD BE EF", TestSupport.ToHex(card.Memory, 4 * 4, 4), "written to the card" + on);
            }
            finally
            {
                rig.Dispose();
            }
        }

        [TestMethod]
        public void MifareClassicOverI2c()
        {
            Classic(Pn532ManagerRig.I2c);
        }

        [TestMethod]
        public void MifareClassicOverSpi()
        {
            Classic(Pn532ManagerRig.Spi);
        }

        [TestMethod]
        public void MifareClassicOverHsu()
        {
            Classic(Pn532ManagerRig.Hsu);
        }

        [TestMethod]
        public void UltralightOverI2c()
        {
            Ultralight(Pn532ManagerRig.I2c);
        }

        [TestMethod]
        public void UltralightOverSpi()
        {
            Ultralight(Pn532ManagerRig.Spi);
        }

        [TestMethod]
        public void UltralightOverHsu()
        {
            Ultralight(Pn532ManagerRig.Hsu);
        }
    }
}
