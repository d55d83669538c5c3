#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;
using EmbeddedSmartCard.Manager.Objects;
using EmbeddedSmartCard.Tests.Objects;

namespace EmbeddedSmartCard.Tests.Iso7816
{
    /// <summary>
    /// IsoCard's completion of 61xx (GET RESPONSE) and 6Cxx (re-issue) answers: above T=1 by default,
    /// not under T=0 whose TPDU layer already does it, always or never on request.
    /// </summary>
    [TestClass]
    public class IsoCardTests
    {
        // PATTERN (the simulator's test command): P1P2 bytes of the card's pattern; 6Cxx when Ne is smaller.
        private static readonly CommandApdu PatternOf16WithNe4 = new CommandApdu(0x80, 0x10, 0x00, 0x10, null, 4);

        [TestMethod]
        public void UnderT1A6CxxIsReissuedWithTheAnnouncedLengthAndKeptToNe()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.FastT1());
            IsoCard card = new IsoCard(bench.Connect(0, ScardConstants.ShareShared));

            Assert.IsTrue(card.CompletesResponses, "T=1 needs it");
            Assert.AreEqual("00 01 02 03 90 00", TestSupport.ToHex(card.Transmit(PatternOf16WithNe4).ToArray()));
        }

        [TestMethod]
        public void UnderT1A6CxxForACaseWithoutNeGetsTheWholeAnswer()
        {
            ScriptedApduDriver driver;
            IsoCard card = ScriptedCard(out driver);
            driver.Answer("6C 03");
            driver.Answer("01 02 03 90 00");

            ResponseApdu response = card.Transmit(new CommandApdu(0x00, 0xCA, 0x00, 0x00));
            Assert.AreEqual("01 02 03 90 00", TestSupport.ToHex(response.ToArray()));
            Assert.AreEqual("00 CA 00 00 03", (string)driver.Commands[1]);
        }

        [TestMethod]
        public void UnderT1TheModeNeverLeavesThe6CxxToTheCaller()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.FastT1());
            IsoCard card = new IsoCard(bench.Connect(0, ScardConstants.ShareShared));
            card.AutoResponse = AutoResponseMode.Never;

            ResponseApdu response = card.Transmit(PatternOf16WithNe4);
            Assert.AreEqual(0x6C10, response.StatusWord);
            Assert.IsFalse(response.HasData, "no data");
        }

        [TestMethod]
        public void UnderT0TheTpduLayerAlreadyCompletesTheAnswer()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.DirectT0());
            IsoCard card = new IsoCard(bench.Connect(0, ScardConstants.ShareShared));

            Assert.IsFalse(card.CompletesResponses, "T=0 needs no help");
            Assert.AreEqual("00 01 02 03 90 00", TestSupport.ToHex(card.Transmit(PatternOf16WithNe4).ToArray()));
        }

        [TestMethod]
        public void UnderT1A61xxChainIsJoinedThroughGetResponse()
        {
            ScriptedApduDriver driver;
            IsoCard card = ScriptedCard(out driver);
            driver.Answer("01 02 61 03");
            driver.Answer("03 04 05 61 00");
            driver.Answer("06 90 00");

            ResponseApdu response = card.Transmit(new CommandApdu(0x84, 0xCA, 0x01, 0x02, null, 256));
            Assert.AreEqual("01 02 03 04 05 06 90 00", TestSupport.ToHex(response.ToArray()));
            Assert.AreEqual(3, driver.Commands.Count);
            Assert.AreEqual("84 CA 01 02 00", (string)driver.Commands[0]);
            Assert.AreEqual("84 C0 00 00 03", (string)driver.Commands[1]);
            Assert.AreEqual("84 C0 00 00 00", (string)driver.Commands[2]);
        }

        [TestMethod]
        public void GetResponseLengthIsCappedAndA6CxxOnItIsReissued()
        {
            ScriptedApduDriver driver;
            IsoCard card = ScriptedCard(out driver);
            card.MaxReceiveSize = 0x80;
            driver.Answer("61 00");
            driver.Answer("6C 02");
            driver.Answer("AA BB 90 00");

            ResponseApdu response = card.Transmit(new CommandApdu(0x00, 0xCA, 0x00, 0x00));
            Assert.AreEqual("AA BB 90 00", TestSupport.ToHex(response.ToArray()));
            Assert.AreEqual("00 C0 00 00 80", (string)driver.Commands[1]);
            Assert.AreEqual("00 C0 00 00 02", (string)driver.Commands[2]);
        }

        [TestMethod]
        public void GetResponsesAreBounded()
        {
            ScriptedApduDriver driver;
            IsoCard card = ScriptedCard(out driver);
            card.MaxGetResponses = 2;
            driver.Answer("01 61 01");
            driver.Answer("02 61 01");
            driver.Answer("03 61 01");

            ResponseApdu response = card.Transmit(new CommandApdu(0x00, 0xCA, 0x00, 0x00));
            Assert.AreEqual("01 02 03 61 01", TestSupport.ToHex(response.ToArray()));
            Assert.AreEqual(3, driver.Commands.Count);
        }

        [TestMethod]
        public void AlwaysModeCompletesUnderT0Too()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.DirectT0());
            IsoCard card = new IsoCard(bench.Connect(0, ScardConstants.ShareShared));
            card.AutoResponse = AutoResponseMode.Always;
            Assert.IsTrue(card.CompletesResponses, "always");
            Assert.AreEqual(0x9000, card.Transmit(PatternOf16WithNe4).StatusWord);
        }

        [TestMethod]
        public void AnExtendedApduTravelsUnderT1()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.FastT1());
            IsoCard card = new IsoCard(bench.Connect(0, ScardConstants.ShareShared));
            byte[] data = new byte[300];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)(i * 7);
            }

            // ECHO (the simulator's test command) returns its command data.
            CommandApdu echo = new CommandApdu(0x80, 0x12, 0x00, 0x00, data, CommandApdu.MaxExtendedNe);
            Assert.AreEqual((int)EmbeddedSmartCard.Drivers.ApduCase.Case4Extended, (int)echo.Case);
            ResponseApdu response = card.Transmit(echo);
            Assert.AreEqual(0x9000, response.StatusWord);
            Assert.AreEqual(300, response.DataLength);
            TestSupport.AreEqualBytes(data, response.GetData(), 0, 300);
        }

        [TestMethod]
        public void TransmissionErrorsAreTypedExceptions()
        {
            ObjectsBench bench = new ObjectsBench();
            bench.Insert(0, CardProfile.FastT1());
            IsoCard card = new IsoCard(bench.Connect(0, ScardConstants.ShareShared));
            bench.Board.GetSlot(0).Remove();

            PcscException thrown = ObjectsBench.Catch(delegate { card.Transmit(PatternOf16WithNe4); });
            Assert.IsTrue(thrown is RemovedCardException, "removed");
        }

        private static IsoCard ScriptedCard(out ScriptedApduDriver driver)
        {
            driver = new ScriptedApduDriver();
            SCardManager manager = new SCardManager();
            string name = manager.Readers.Add(driver, "Scripted Reader").Name;
            CardContext context = new CardContext(manager);
            CardConnection connection = context.Connect(name, ScardConstants.ShareShared, ScardConstants.ProtocolT1);
            Assert.AreEqual(ScardConstants.ProtocolT1, connection.Protocol);
            return new IsoCard(connection);
        }
    }
}
