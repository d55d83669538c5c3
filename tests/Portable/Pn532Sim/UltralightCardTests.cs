#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    [TestClass]
    public class UltralightCardTests
    {
        private static readonly byte[] Uid = TestSupport.Hex("04 A1 B2 C3 D4 E5 F6");

        [TestMethod]
        public void ActivationDataIsThatOfAnUltralight()
        {
            UltralightCard card = new UltralightCard(Uid);

            Assert.AreEqual("00 44", TestSupport.ToHex(card.SensRes));
            Assert.AreEqual(0x00, (int)card.SelRes);
            Assert.IsNull(card.Ats);
        }

        [TestMethod]
        public void ReadOfPageZeroReturnsUidWithBothCheckBytes()
        {
            UltralightCard card = new UltralightCard(Uid);
            byte[] answer = new byte[16];

            RfAnswer result = Exchange(card, "30 00", answer, out int length);

            Assert.AreEqual((int)RfAnswer.Data, (int)result);
            Assert.AreEqual(16, length);
            // BCC0 = 88 ^ 04 ^ A1 ^ B2 = 9F, BCC1 = C3 ^ D4 ^ E5 ^ F6 = 04.
            Assert.AreEqual("04 A1 B2 9F C3 D4 E5 F6 04 00 00 00 00 00 00 00", TestSupport.ToHex(answer));
        }

        [TestMethod]
        public void WriteThenReadRollsOverAfterPage15()
        {
            UltralightCard card = new UltralightCard(Uid);
            byte[] answer = new byte[16];

            Assert.AreEqual((int)RfAnswer.Ack, (int)Exchange(card, "A2 0F 11 22 33 44", answer, out int ignored));
            Exchange(card, "30 0E", answer, out int length);

            Assert.AreEqual("00 00 00 00 11 22 33 44 04 A1 B2 9F C3 D4 E5 F6", TestSupport.ToHex(answer));
        }

        [TestMethod]
        public void UidPagesAndAddressesPastTheEndAreRefused()
        {
            UltralightCard card = new UltralightCard(Uid);
            byte[] answer = new byte[16];

            Assert.AreEqual((int)RfAnswer.Nak, (int)Exchange(card, "A2 01 00 00 00 00", answer, out int ignored));
            Assert.AreEqual((int)RfAnswer.Nak, (int)Exchange(card, "A2 10 00 00 00 00", answer, out ignored));
            Assert.AreEqual((int)RfAnswer.Nak, (int)Exchange(card, "30 10", answer, out ignored));
            Assert.AreEqual((int)RfAnswer.Nak, (int)Exchange(card, "60 00", answer, out ignored));
        }

        [TestMethod]
        public void OtpBitsAndLockBitsCanOnlyBeSet()
        {
            UltralightCard card = new UltralightCard(Uid);
            byte[] answer = new byte[16];

            Exchange(card, "A2 03 F0 00 00 01", answer, out int ignored);
            Exchange(card, "A2 03 0F 00 00 00", answer, out ignored);
            Exchange(card, "30 03", answer, out ignored);

            Assert.AreEqual("FF 00 00 01", TestSupport.ToHex(answer, 0, 4));
        }

        [TestMethod]
        public void LockedPageRefusesWrites()
        {
            UltralightCard card = new UltralightCard(Uid);
            byte[] answer = new byte[16];

            Assert.AreEqual((int)RfAnswer.Ack, (int)Exchange(card, "A2 04 01 02 03 04", answer, out int ignored));
            // LOCK0 bit 4 locks page 4, LOCK1 bit 1 locks page 9.
            Assert.AreEqual((int)RfAnswer.Ack, (int)Exchange(card, "A2 02 00 00 10 02", answer, out ignored));

            Assert.AreEqual((int)RfAnswer.Nak, (int)Exchange(card, "A2 04 FF FF FF FF", answer, out ignored));
            Assert.AreEqual((int)RfAnswer.Nak, (int)Exchange(card, "A2 09 FF FF FF FF", answer, out ignored));
            Assert.AreEqual((int)RfAnswer.Ack, (int)Exchange(card, "A2 05 FF FF FF FF", answer, out ignored));
            Exchange(card, "30 04", answer, out ignored);
            Assert.AreEqual("01 02 03 04 FF FF FF FF", TestSupport.ToHex(answer, 0, 8));
        }

        private static RfAnswer Exchange(ContactlessCard card, string command, byte[] answer, out int length)
        {
            byte[] bytes = TestSupport.Hex(command);
            return card.Transceive(bytes, 0, bytes.Length, answer, 0, answer.Length, out length);
        }
    }
}
