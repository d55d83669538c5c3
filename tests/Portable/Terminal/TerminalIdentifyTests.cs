#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;

namespace EmbeddedSmartCard.Tests.Terminal
{
    /// <summary>
    /// The terminal identifies each of the simulator's cards through SCardManager: the contact card (type,
    /// protocol, the two applications of EF.DIR and of the PSE with their labels), the ISO 14443-4 card (UID and its PPSE's
    /// applications), MIFARE Classic 1K and Ultralight (type from the pseudo-ATR's card name, UID).
    /// </summary>
    [TestClass]
    public class TerminalIdentifyTests
    {
        private const string FilesApplication = "A00000000101 " + CardApplications.FilesLabel;
        private const string AccessApplication = "F0455343444F4F5201 " + CardApplications.AccessLabel;

        [TestMethod]
        public void ContactCardWithItsEfDirAndPseApplications()
        {
            CardProfile profile = TerminalRig.CardWithDirectory();
            using (TerminalRig rig = TerminalRig.Contact(profile))
            {
                string[] reply = Identified(rig, "wait 2000");
                Assert.IsTrue(TerminalRig.Values(reply, "reader").IndexOf(SimulatorBoard.ReaderName) == 0, "reader");
                Assert.AreEqual(TestSupport.ToHex(profile.BuildAtr()), TerminalRig.Values(reply, "atr"));
                Assert.AreEqual("contact T=1", TerminalRig.Values(reply, "type"));
                Assert.AreEqual("T=1", TerminalRig.Values(reply, "protocol"));
                Assert.IsNull(TerminalRig.Values(reply, "uid"), "a contact card has no UID");
                Assert.AreEqual("EF.DIR " + FilesApplication + " | EF.DIR " + AccessApplication + " | PSE " + FilesApplication + " | PSE " + AccessApplication,
                    TerminalRig.Values(reply, "application"), "EF.DIR's records, then the PSE's directory records");
            }
        }

        [TestMethod]
        public void ContactCardWithoutEfDirAnnouncesNothing()
        {
            using (TerminalRig rig = TerminalRig.Contact(CardProfile.DirectT0()))
            {
                string[] reply = Identified(rig, "info");
                Assert.AreEqual("contact T=0", TerminalRig.Values(reply, "type"));
                Assert.AreEqual("direct convention, T=0, no TA1 (Fd 372, Dd 1)", TerminalRig.Values(reply, "atr-info"));
                Assert.IsNull(TerminalRig.Values(reply, "application"), "EF 2F00 is a transparent file there");
            }
        }

        [TestMethod]
        public void Iso14443_4CardWithUidAndPpseApplications()
        {
            using (TerminalRig rig = TerminalRig.Contactless(SimulatorPn532Cards.Iso14443_4))
            {
                string[] reply = Identified(rig, "wait 2000");
                Assert.IsTrue(TerminalRig.Values(reply, "reader").IndexOf(SimulatorPn532.ReaderName) == 0, "reader");
                Assert.AreEqual("contactless ISO 14443-4 type A", TerminalRig.Values(reply, "type"));
                Assert.AreEqual("08 12 34 56", TerminalRig.Values(reply, "uid"));
                Assert.AreEqual("PPSE " + FilesApplication + " | PPSE " + AccessApplication, TerminalRig.Values(reply, "application"));
            }
        }

        [TestMethod]
        public void MifareClassic1KByItsCardNameWithUid()
        {
            AssertStorageCard(SimulatorPn532Cards.Mifare1K, "MIFARE Classic 1K", "F6 8E 2A 99");
        }

        [TestMethod]
        public void UltralightByItsCardNameWithUid()
        {
            AssertStorageCard(SimulatorPn532Cards.Ultralight, "MIFARE Ultralight", "04 A1 B2 C3 D4 E5 80");
        }

        [TestMethod]
        public void TypeBCardByItsAtqbPseudoAtr()
        {
            using (TerminalRig rig = TerminalRig.Contactless(SimulatorPn532Cards.TypeB))
            {
                string[] reply = Identified(rig, "wait 2000");
                Assert.AreEqual("contactless ISO 14443-4 type B", TerminalRig.Values(reply, "type"));
            }
        }

        private static void AssertStorageCard(string kind, string type, string uid)
        {
            using (TerminalRig rig = TerminalRig.Contactless(kind))
            {
                string[] reply = Identified(rig, "wait 2000");
                Assert.AreEqual(type, TerminalRig.Values(reply, "type"));
                Assert.AreEqual(uid, TerminalRig.Values(reply, "uid"));
                Assert.IsNull(TerminalRig.Values(reply, "application"), "a storage card has no directory");
            }
        }

        /// <summary>Runs <paramref name="command"/> and checks that it identified a card (the block ends with OK).</summary>
        private static string[] Identified(TerminalRig rig, string command)
        {
            string[] reply = rig.Run(command);
            Assert.AreEqual("OK", TerminalRig.Last(reply), command);
            return reply;
        }
    }
}
