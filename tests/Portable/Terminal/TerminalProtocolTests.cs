#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Threading;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Firmware.Terminal;

namespace EmbeddedSmartCard.Tests.Terminal
{
    /// <summary>
    /// The line protocol's commands and errors (firmware/Terminal/README.md): readers, wait (one report per
    /// presentation, a timeout, a card put back is new), info, apdu to the identified card, quit, and the
    /// ERR line with the PC/SC code for every bad input.
    /// </summary>
    [TestClass]
    public class TerminalProtocolTests
    {
        private const int ReplugAfterMillis = 300;

        [TestMethod]
        public void ReadersListsEachReaderWithItsCardState()
        {
            using (TerminalRig rig = TerminalRig.Contactless(SimulatorPn532Cards.Ultralight, 1))
            {
                string[] reply = rig.Run("readers");
                Assert.AreEqual(3, reply.Length);
                Assert.IsTrue(reply[0].IndexOf("reader: empty " + SimulatorBoard.ReaderName) == 0, reply[0]);
                Assert.IsTrue(reply[1].IndexOf("reader: present " + SimulatorPn532.ReaderName) == 0, reply[1]);
                Assert.AreEqual("OK", reply[2]);
            }
        }

        [TestMethod]
        public void ABoardWithoutReadersListsNoneAndWaitsInVain()
        {
            using (TerminalRig rig = TerminalRig.WithoutReaders())
            {
                string[] reply = rig.Run("readers");
                Assert.AreEqual(1, reply.Length);
                Assert.AreEqual("OK", reply[0]);
                Assert.AreEqual("ERR 8010000A SCARD_E_TIMEOUT: no card within 100 ms", TerminalRig.Last(rig.Run("wait 100")));
            }
        }

        [TestMethod]
        public void WaitReportsEachPresentationOnceAndACardPutBackAgain()
        {
            using (TerminalRig rig = TerminalRig.Contact(CardProfile.DirectT0()))
            {
                Assert.AreEqual("OK", TerminalRig.Last(rig.Run("wait 2000")));
                Assert.AreEqual("ERR 8010000A SCARD_E_TIMEOUT: no card within 200 ms", TerminalRig.Last(rig.Run("wait 200")), "the same card is not reported twice");
                rig.Board.GetSlot(0).Remove();
                rig.Board.GetSlot(0).Insert(new SimulatedCard(CardProfile.InverseT0()));
                string[] reply = rig.Run("wait 2000");
                Assert.AreEqual("OK", TerminalRig.Last(reply), "a card put back is a new presentation");
                Assert.AreEqual("inverse convention, T=0, no TA1 (Fd 372, Dd 1)", TerminalRig.Values(reply, "atr-info"));
            }
        }

        [TestMethod]
        public void WaitWaitsForACardTappedLater()
        {
            using (TerminalRig rig = TerminalRig.Tapped("300:" + SimulatorPn532Cards.Mifare1K))
            {
                Assert.AreEqual("ERR 8010000A SCARD_E_TIMEOUT: no card within 0 ms", TerminalRig.Last(rig.Run("wait 0")), "nothing on the antenna yet");
                string[] reply = rig.Run("wait 10000");
                Assert.AreEqual("OK", TerminalRig.Last(reply));
                Assert.AreEqual("MIFARE Classic 1K", TerminalRig.Values(reply, "type"));
            }
        }

        [TestMethod]
        public void WaitWatchesAReaderPluggedInMeanwhile()
        {
            using (TerminalRig rig = TerminalRig.Contactless(SimulatorPn532Cards.Ultralight))
            {
                rig.Board.UnplugPn532(0);
                Assert.AreEqual(1, rig.Run("readers").Length, "no reader while the PN532 is unplugged");
                Thread replug = new Thread(delegate()
                {
                    Thread.Sleep(ReplugAfterMillis);
                    rig.Board.ReplugPn532(0);
                });
                replug.Start();
                string[] reply = rig.Run("wait 10000");
                replug.Join();
                Assert.AreEqual("OK", TerminalRig.Last(reply), "the reader that arrived during the wait (PnP) has the card");
                Assert.AreEqual("MIFARE Ultralight", TerminalRig.Values(reply, "type"));
            }
        }

        [TestMethod]
        public void ApduGoesToTheIdentifiedCard()
        {
            using (TerminalRig rig = TerminalRig.Contact(TerminalRig.CardWithDirectory()))
            {
                Assert.AreEqual("ERR 8010000C SCARD_E_NO_SMARTCARD: no card identified yet (wait or info first)", TerminalRig.Last(rig.Run("apdu 00A4000C023F00")));
                rig.Run("info");
                string[] reply = rig.Run("apdu 00 A4 04 0C 06 A0 00 00 00 01 01");
                Assert.AreEqual("response: 90 00", reply[0]);
                Assert.AreEqual("OK", reply[1]);
                Assert.AreEqual("response: 6A 82", rig.Run("apdu 00A4040C05F000000001")[0], "a status word is a response, not an error");
            }
        }

        [TestMethod]
        public void ARemovedCardIsAnErrorWithItsCode()
        {
            using (TerminalRig rig = TerminalRig.Contact(CardProfile.DirectT0()))
            {
                rig.Run("info");
                rig.Board.GetSlot(0).Remove();
                Assert.AreEqual("ERR 80100069 SCARD_W_REMOVED_CARD", TerminalRig.Last(rig.Run("apdu 00A4000C023F00")));
                Assert.AreEqual("ERR 8010000C SCARD_E_NO_SMARTCARD", TerminalRig.Last(rig.Run("info")), "info goes back to the card's reader, empty now");
            }
        }

        [TestMethod]
        public void BadInputGetsAnErrorLineNamingTheValidForms()
        {
            using (TerminalRig rig = TerminalRig.Contact(null))
            {
                Assert.AreEqual("ERR 80100004 SCARD_E_INVALID_PARAMETER: unknown command 'open' (commands: " + TerminalSession.Commands + ")", TerminalRig.Last(rig.Run("open")));
                Assert.AreEqual("ERR 80100004 SCARD_E_INVALID_PARAMETER: wait wants milliseconds from 0 to 3600000, not '5s'", TerminalRig.Last(rig.Run("wait 5s")));
                Assert.AreEqual("ERR 80100004 SCARD_E_INVALID_PARAMETER: wait wants milliseconds from 0 to 3600000, not '99999999'", TerminalRig.Last(rig.Run("wait 99999999")));
                string badApdu = TerminalRig.Last(rig.Run("apdu 00A4X"));
                Assert.IsTrue(badApdu.IndexOf("ERR 80100004 SCARD_E_INVALID_PARAMETER: apdu wants a command APDU in hex") == 0, badApdu);
                Assert.IsTrue(TerminalRig.Last(rig.Run("apdu 00A4")).IndexOf("ERR 80100004") == 0, "shorter than a header");
                Assert.AreEqual("ERR 8010000A SCARD_E_TIMEOUT: no card within 0 ms", TerminalRig.Last(rig.Run("wait 0")));
                Assert.AreEqual("ERR 8010000C SCARD_E_NO_SMARTCARD: no reader has a card", TerminalRig.Last(rig.Run("info")));
            }
        }

        [TestMethod]
        public void QuitEndsTheSession()
        {
            using (TerminalRig rig = TerminalRig.Contact(null))
            {
                Assert.AreEqual("OK", TerminalRig.Last(rig.Run("quit")));
                Assert.IsFalse(rig.Session.Execute("quit", rig), "quit answers false");
                Assert.IsTrue(rig.Session.Execute("readers", rig), "other commands answer true");
            }
        }
    }
}
