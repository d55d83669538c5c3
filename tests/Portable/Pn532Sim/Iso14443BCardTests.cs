#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    [TestClass]
    public class Iso14443BCardTests
    {
        private const string ListTypeB = "01 03 00";

        // NbTg 1, Tg 1, ATQB 50 PUPI AppData ProtInfo, ATTRIB_RES length 1, ATTRIB_RES MBLI 1 CID 0.
        private const string DefaultTarget = "D5 4B 01 01 50 1B 2C 3D 4E 00 12 34 01 00 81 81 01 10";

        [TestMethod]
        public void TypeBCardIsListedWithItsAtqbAndAttribAnswer()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Chip.PlaceCard(Iso14443BCard.CreateDefault());

            Assert.AreEqual(DefaultTarget, rig.Exchange(Pn532Command.InListPassiveTarget, ListTypeB));
        }

        [TestMethod]
        public void AtqbAndFwiComeFromTheConstructorArguments()
        {
            Iso14443BCard card = new Iso14443BCard(TestSupport.Hex("01 02 03 04"), TestSupport.Hex("00 00 00 01"),
                TestSupport.Hex("00 71 E1"), new CardApplet(CardProfile.DirectT0()));

            Assert.AreEqual("50 01 02 03 04 00 00 00 01 00 71 E1", TestSupport.ToHex(card.Atqb));
            Assert.AreEqual("01 02 03 04", TestSupport.ToHex(card.Pupi));
            Assert.AreEqual(14, card.FrameWaitingIndex);
        }

        [TestMethod]
        public void EachModulationFindsOnlyItsOwnCards()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Exchange(Pn532Command.RfConfiguration, "05 FF 01 00");
            rig.Chip.PlaceCard(Iso14443BCard.CreateDefault());
            Assert.AreEqual("D5 4B 00", rig.Exchange(Pn532Command.InListPassiveTarget, "01 00"));

            rig.Chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()));

            Assert.AreEqual("D5 4B 00", rig.Exchange(Pn532Command.InListPassiveTarget, ListTypeB));
        }

        [TestMethod]
        public void AfiSelectsTheFamilyAndSubFamily()
        {
            Iso14443BCard card = new Iso14443BCard(TestSupport.Hex("01 02 03 04"), TestSupport.Hex("12 00 00 01"),
                TestSupport.Hex("00 81 81"), new CardApplet(CardProfile.DirectT0()));

            Assert.IsTrue(card.AnswersAfi(0x00), "AFI 00 asks every card");
            Assert.IsTrue(card.AnswersAfi(0x10), "sub-family 0 asks the whole family");
            Assert.IsTrue(card.AnswersAfi(0x02), "family 0 asks that sub-family of every family");
            Assert.IsTrue(card.AnswersAfi(0x12), "the card's own AFI");
            Assert.IsFalse(card.AnswersAfi(0x13), "another sub-family");
            Assert.IsFalse(card.AnswersAfi(0x22), "another family");
            Assert.IsTrue(Iso14443BCard.CreateDefault().AnswersAfi(0x47), "a card without AFI answers every REQB");
        }

        [TestMethod]
        public void ListingUsesTheAfi()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Exchange(Pn532Command.RfConfiguration, "05 FF 01 00");
            rig.Chip.PlaceCard(new Iso14443BCard(TestSupport.Hex("01 02 03 04"), TestSupport.Hex("12 00 00 01"),
                TestSupport.Hex("00 81 81"), new CardApplet(CardProfile.DirectT0())));

            Assert.AreEqual("D5 4B 00", rig.Exchange(Pn532Command.InListPassiveTarget, "01 03 22"));
            Assert.AreEqual("D5 4B 01 01 50 01 02 03 04 12 00 00 01 00 81 81 01 10", rig.Exchange(Pn532Command.InListPassiveTarget, "01 03 10 00"));
        }

        [TestMethod]
        public void TypeBWithoutAfiOrWithTooMuchInitiatorDataIsASyntaxError()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Chip.PlaceCard(Iso14443BCard.CreateDefault());

            Assert.AreEqual("ApplicationError", rig.Exchange(Pn532Command.InListPassiveTarget, "01 03"));
            Assert.AreEqual("ApplicationError", rig.Exchange(Pn532Command.InListPassiveTarget, "01 03 00 00 00"));
        }

        [TestMethod]
        public void WaitingChipAnswersWhenATypeBCardComes()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Write(Pn532Frames.Command(Pn532Command.InListPassiveTarget, ListTypeB));
            Assert.AreEqual("Ack", rig.ReadWhenReady(Pn532Frame.AckLength));
            rig.Chip.PlaceCard(new UltralightCard(TestSupport.Hex("04 01 02 03 04 05 06")));
            rig.Clock.Advance(100000);
            Assert.AreEqual("00", rig.Read(1));

            rig.Chip.PlaceCard(Iso14443BCard.CreateDefault());

            Assert.AreEqual(DefaultTarget, rig.ReadWhenReady(Pn532Frame.MaxFrameLength));
        }

        [TestMethod]
        public void ApdusGoThroughInDataExchange()
        {
            Pn532I2cRig rig = ListedTypeB();

            Assert.AreEqual("D5 41 00 90 00", rig.Exchange(Pn532Command.InDataExchange, "01 00 A4 00 0C 02 10 00"));
            // PATTERN of 300 bytes (P1P2 = 012C), extended Le: the answer comes in two parts with MI.
            Assert.AreEqual(262 + 3, TestSupport.Hex(rig.Exchange(Pn532Command.InDataExchange, "01 80 10 01 2C 00 00 00")).Length);
            Assert.AreEqual(40 + 3, TestSupport.Hex(rig.Exchange(Pn532Command.InDataExchange, "01")).Length);
        }

        [TestMethod]
        public void TypeBCardIsProbedByDiagnose()
        {
            Pn532I2cRig rig = ListedTypeB();
            Assert.AreEqual("D5 01 00", rig.Exchange(Pn532Command.Diagnose, "06"));

            rig.Chip.RemoveCard();

            Assert.AreEqual("D5 01 01", rig.Exchange(Pn532Command.Diagnose, "06"));
            Assert.AreEqual("D5 41 01", rig.Exchange(Pn532Command.InDataExchange, "01 00 A4 00 0C 02 10 00"));
        }

        private static Pn532I2cRig ListedTypeB()
        {
            return Pn532I2cRig.Listed(Iso14443BCard.CreateDefault(), ListTypeB);
        }
    }
}
