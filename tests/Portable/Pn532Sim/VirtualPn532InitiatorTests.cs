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
    public class VirtualPn532InitiatorTests
    {
        private const string ClassicUid = "DE AD BE EF";

        [TestMethod]
        public void Iso14443_4CardIsListedWithItsAts()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()));

            Assert.AreEqual("D5 4B 01 01 00 04 20 04 08 12 34 56 0A 78 80 80 02 80 31 80 65 B0",
                rig.Exchange(Pn532Command.InListPassiveTarget, "01 00"));
        }

        [TestMethod]
        public void WithoutAutomaticRatsTheAtsIsLeftOut()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Exchange(Pn532Command.SetParameters, "00");
            rig.Chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()));

            Assert.AreEqual("D5 4B 01 01 00 04 20 04 08 12 34 56", rig.Exchange(Pn532Command.InListPassiveTarget, "01 00"));
        }

        [TestMethod]
        public void UltralightIsListedWithItsSevenByteUid()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Chip.PlaceCard(new UltralightCard(TestSupport.Hex("04 01 02 03 04 05 06")));

            Assert.AreEqual("D5 4B 01 01 00 44 00 07 04 01 02 03 04 05 06", rig.Exchange(Pn532Command.InListPassiveTarget, "01 00"));
        }

        [TestMethod]
        public void EmptyFieldWithBoundedRetriesListsNoTarget()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Exchange(Pn532Command.RfConfiguration, "05 FF 01 02");

            Assert.AreEqual("D5 4B 00", rig.Exchange(Pn532Command.InListPassiveTarget, "01 00"));
        }

        [TestMethod]
        public void WithInfiniteRetriesTheChipAnswersWhenACardComes()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Write(Pn532Frames.Command(Pn532Command.InListPassiveTarget, "01 00"));
            Assert.AreEqual("Ack", rig.ReadWhenReady(Pn532Frame.AckLength));
            rig.Clock.Advance(1000000);
            Assert.AreEqual("00", rig.Read(1));

            rig.Chip.PlaceCard(new UltralightCard(TestSupport.Hex("04 01 02 03 04 05 06")));

            Assert.AreEqual("D5 4B 01 01 00 44 00 07 04 01 02 03 04 05 06", rig.ReadWhenReady(Pn532Frame.MaxFrameLength));
        }

        [TestMethod]
        public void WaitingForAUidIgnoresOtherCards()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Write(Pn532Frames.Command(Pn532Command.InListPassiveTarget, "01 00 " + ClassicUid));
            Assert.AreEqual("Ack", rig.ReadWhenReady(Pn532Frame.AckLength));

            rig.Chip.PlaceCard(new MifareClassicCard(TestSupport.Hex("11 22 33 44")));
            rig.Clock.Advance(100000);
            Assert.AreEqual("00", rig.Read(1));
            rig.Chip.PlaceCard(new MifareClassicCard(TestSupport.Hex(ClassicUid)));

            Assert.AreEqual("D5 4B 01 01 00 04 08 04 DE AD BE EF", rig.ReadWhenReady(Pn532Frame.MaxFrameLength));
        }

        [TestMethod]
        public void InitiatorDataSelectsOnlyTheCardWithThatUid()
        {
            Pn532I2cRig rig = Pn532I2cRig.Configured();
            rig.Exchange(Pn532Command.RfConfiguration, "05 FF 01 00");
            rig.Chip.PlaceCard(new MifareClassicCard(TestSupport.Hex(ClassicUid)));

            Assert.AreEqual("D5 4B 00", rig.Exchange(Pn532Command.InListPassiveTarget, "01 00 11 22 33 44"));
            Assert.AreEqual("D5 4B 01 01 00 04 08 04 DE AD BE EF", rig.Exchange(Pn532Command.InListPassiveTarget, "01 00 " + ClassicUid));
        }

        [TestMethod]
        public void ApduGoesToTheIso14443_4Card()
        {
            Pn532I2cRig rig = ListedIso14443_4Card();

            Assert.AreEqual("D5 41 00 90 00", rig.Exchange(Pn532Command.InDataExchange, "01 00 A4 00 0C 02 10 00"));
        }

        [TestMethod]
        public void LongAnswerComesInPartsWithTheMiBit()
        {
            Pn532I2cRig rig = ListedIso14443_4Card();

            // PATTERN of 500 bytes (P1P2 = 01F4) with extended Le: 502 bytes with the status word.
            string first = rig.Exchange(Pn532Command.InDataExchange, "01 80 10 01 F4 00 00 00");
            string second = rig.Exchange(Pn532Command.InDataExchange, "01");

            Assert.AreEqual("D5 41 40 " + Pattern(0, 262), first);
            Assert.AreEqual("D5 41 00 " + Pattern(262, 238) + " 90 00", second);
        }

        [TestMethod]
        public void ChainedCommandReachesTheCardWhole()
        {
            Pn532I2cRig rig = ListedIso14443_4Card();

            // ECHO (80 12) split in two InDataExchange commands, the first with MI in Tg.
            Assert.AreEqual("D5 41 00", rig.Exchange(Pn532Command.InDataExchange, "41 80 12 00 00"));
            Assert.AreEqual("D5 41 00 AA BB 90 00", rig.Exchange(Pn532Command.InDataExchange, "01 02 AA BB 00"));
        }

        [TestMethod]
        public void MifareAuthenticateReadAndWrite()
        {
            Pn532I2cRig rig = ListedClassic();

            Assert.AreEqual("D5 41 00", rig.Exchange(Pn532Command.InDataExchange, "01 60 04 FF FF FF FF FF FF " + ClassicUid));
            Assert.AreEqual("D5 41 00", rig.Exchange(Pn532Command.InDataExchange, "01 A0 04 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F"));

            Assert.AreEqual("D5 41 00 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F", rig.Exchange(Pn532Command.InDataExchange, "01 30 04"));
        }

        [TestMethod]
        public void MifareWrongKeyAndReadWithoutAuthenticationFail()
        {
            Pn532I2cRig rig = ListedClassic();

            Assert.AreEqual("D5 41 14", rig.Exchange(Pn532Command.InDataExchange, "01 30 04"));
            Assert.AreEqual("D5 41 14", rig.Exchange(Pn532Command.InDataExchange, "01 60 04 00 00 00 00 00 00 " + ClassicUid));
            // The halted card stays silent until it is selected again.
            Assert.AreEqual("D5 41 01", rig.Exchange(Pn532Command.InDataExchange, "01 30 04"));
            Assert.AreEqual("D5 55 00", rig.Exchange(Pn532Command.InSelect, "01"));
            Assert.AreEqual("D5 41 00", rig.Exchange(Pn532Command.InDataExchange, "01 60 04 FF FF FF FF FF FF " + ClassicUid));
        }

        [TestMethod]
        public void CardLeavingTheFieldTimesOut()
        {
            Pn532I2cRig rig = ListedIso14443_4Card();

            rig.Chip.RemoveCard();
            long start = rig.Clock.NowMicros;

            Assert.AreEqual("D5 41 01", rig.Exchange(Pn532Command.InDataExchange, "01 00 A4 00 0C 02 10 00"));
            Assert.IsTrue(rig.Clock.NowMicros - start >= VirtualPn532.FrameWaitingMicros(8), "the chip waited one FWT (FWI 8)");
        }

        [TestMethod]
        public void MifareCardLeavingTheFieldTimesOutAfterTheCommunicationTimeout()
        {
            Pn532I2cRig rig = ListedClassic();
            rig.Exchange(Pn532Command.InDataExchange, "01 60 04 FF FF FF FF FF FF " + ClassicUid);
            rig.Chip.RemoveCard();
            long start = rig.Clock.NowMicros;

            Assert.AreEqual("D5 41 01", rig.Exchange(Pn532Command.InDataExchange, "01 30 04"));
            Assert.IsTrue(rig.Clock.NowMicros - start >= 51200, "RFConfiguration item 02 default 51.2 ms");
        }

        [TestMethod]
        public void DeselectedOrReleasedTargetIsNotExchangedWith()
        {
            Pn532I2cRig rig = ListedIso14443_4Card();

            Assert.AreEqual("D5 45 00", rig.Exchange(Pn532Command.InDeselect, "00"));
            Assert.AreEqual("D5 41 27", rig.Exchange(Pn532Command.InDataExchange, "01 00 A4 00 0C 02 10 00"));
            Assert.AreEqual("D5 55 00", rig.Exchange(Pn532Command.InSelect, "01"));
            Assert.AreEqual("D5 41 00 90 00", rig.Exchange(Pn532Command.InDataExchange, "01 00 A4 00 0C 02 10 00"));
            Assert.AreEqual("D5 53 00", rig.Exchange(Pn532Command.InRelease, "01"));
            Assert.AreEqual("D5 41 27", rig.Exchange(Pn532Command.InDataExchange, "01 00 A4 00 0C 02 10 00"));
            Assert.AreEqual("D5 53 27", rig.Exchange(Pn532Command.InRelease, "01"));
        }

        private static Pn532I2cRig ListedIso14443_4Card()
        {
            return Pn532I2cRig.Listed(new Iso14443_4Card(TestSupport.Hex("08 12 34 56"), CardProfile.DirectT0()), "01 00");
        }

        private static Pn532I2cRig ListedClassic()
        {
            return Pn532I2cRig.Listed(new MifareClassicCard(TestSupport.Hex(ClassicUid)), "01 00");
        }

        private static string Pattern(int start, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = CardApplet.PatternByte(start + i);
            }

            return TestSupport.ToHex(bytes);
        }
    }
}
