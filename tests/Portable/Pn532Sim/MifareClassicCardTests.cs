#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    [TestClass]
    public class MifareClassicCardTests
    {
        private const string Uid = "DE AD BE EF";
        private const string TransportKey = "FF FF FF FF FF FF";
        private const string Block4Data = "00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF";

        [TestMethod]
        public void ActivationDataAndManufacturerBlockAreThoseOfA1K()
        {
            MifareClassicCard card = new MifareClassicCard(TestSupport.Hex(Uid));
            byte[] answer = new byte[16];

            Assert.AreEqual("00 04", TestSupport.ToHex(card.SensRes));
            Assert.AreEqual(0x08, (int)card.SelRes);
            Assert.AreEqual((int)RfAnswer.Ack, (int)Exchange(card, "60 00 " + TransportKey + " " + Uid, answer, out int ignored));
            Assert.AreEqual((int)RfAnswer.Data, (int)Exchange(card, "30 00", answer, out int length));
            // BCC = DE ^ AD ^ BE ^ EF = 22, then SAK 08 and ATQA 04 00.
            Assert.AreEqual("DE AD BE EF 22 08 04 00", TestSupport.ToHex(answer, 0, 8));
        }

        [TestMethod]
        public void TransportTrailerReadsBackWithKeyAHiddenAndKeyBVisible()
        {
            MifareClassicCard card = new MifareClassicCard(TestSupport.Hex(Uid));
            byte[] answer = new byte[16];

            Exchange(card, "60 07 " + TransportKey + " " + Uid, answer, out int ignored);
            Exchange(card, "30 07", answer, out int length);

            Assert.AreEqual("00 00 00 00 00 00 FF 07 80 69 FF FF FF FF FF FF", TestSupport.ToHex(answer));
        }

        [TestMethod]
        public void WriteThenReadWithKeyAInTheAuthenticatedSector()
        {
            MifareClassicCard card = new MifareClassicCard(TestSupport.Hex(Uid));
            byte[] answer = new byte[16];

            Exchange(card, "60 04 " + TransportKey + " " + Uid, answer, out int ignored);
            Assert.AreEqual((int)RfAnswer.Ack, (int)Exchange(card, "A0 05 " + Block4Data, answer, out ignored));
            Exchange(card, "30 05", answer, out int length);

            Assert.AreEqual(Block4Data, TestSupport.ToHex(answer));
            Assert.AreEqual(1, card.AuthenticatedSector);
        }

        [TestMethod]
        public void ReadWithoutAuthenticationOrInAnotherSectorIsRefused()
        {
            MifareClassicCard card = new MifareClassicCard(TestSupport.Hex(Uid));
            byte[] answer = new byte[16];

            Assert.AreEqual((int)RfAnswer.Nak, (int)Exchange(card, "30 04", answer, out int ignored));
            Exchange(card, "60 04 " + TransportKey + " " + Uid, answer, out ignored);
            Assert.AreEqual((int)RfAnswer.Nak, (int)Exchange(card, "30 08", answer, out ignored));
            Assert.AreEqual(-1, card.AuthenticatedSector);
        }

        [TestMethod]
        public void WrongKeyHaltsTheCardUntilItIsSelectedAgain()
        {
            MifareClassicCard card = new MifareClassicCard(TestSupport.Hex(Uid));
            byte[] answer = new byte[16];

            Assert.AreEqual((int)RfAnswer.Silent, (int)Exchange(card, "60 04 A0 A1 A2 A3 A4 A5 " + Uid, answer, out int ignored));
            Assert.IsTrue(card.Halted, "halted after a failed authentication");
            Assert.AreEqual((int)RfAnswer.Silent, (int)Exchange(card, "60 04 " + TransportKey + " " + Uid, answer, out ignored));

            card.OnSelected();
            Assert.AreEqual((int)RfAnswer.Ack, (int)Exchange(card, "60 04 " + TransportKey + " " + Uid, answer, out ignored));
        }

        [TestMethod]
        public void ManufacturerBlockIsReadOnly()
        {
            MifareClassicCard card = new MifareClassicCard(TestSupport.Hex(Uid));
            byte[] answer = new byte[16];

            Exchange(card, "60 00 " + TransportKey + " " + Uid, answer, out int ignored);

            Assert.AreEqual((int)RfAnswer.Nak, (int)Exchange(card, "A0 00 " + Block4Data, answer, out ignored));
        }

        [TestMethod]
        public void ReadOnlyKeyAConditionLetsKeyBWriteButNotKeyA()
        {
            MifareClassicCard card = new MifareClassicCard(TestSupport.Hex(Uid));
            byte[] answer = new byte[16];
            // Blocks 0..2 at C1C2C3 = 100 (read A|B, write B), trailer at 011: FF 07 80 → 78 77 88 per MF1S50 §8.7.1.
            card.SetTrailer(1, TestSupport.Hex("A0 A1 A2 A3 A4 A5"), TestSupport.Hex("78 77 88 00"), TestSupport.Hex("B0 B1 B2 B3 B4 B5"));

            Exchange(card, "60 04 A0 A1 A2 A3 A4 A5 " + Uid, answer, out int ignored);
            Assert.AreEqual((int)RfAnswer.Data, (int)Exchange(card, "30 04", answer, out ignored));
            Assert.AreEqual((int)RfAnswer.Nak, (int)Exchange(card, "A0 04 " + Block4Data, answer, out ignored));

            Exchange(card, "61 04 B0 B1 B2 B3 B4 B5 " + Uid, answer, out ignored);
            Assert.AreEqual((int)RfAnswer.Ack, (int)Exchange(card, "A0 04 " + Block4Data, answer, out ignored));
        }

        [TestMethod]
        public void KeyBThatIsReadableCannotAuthenticate()
        {
            MifareClassicCard card = new MifareClassicCard(TestSupport.Hex(Uid));
            byte[] answer = new byte[16];

            // Transport configuration: trailer at 001, key B readable, so key B "cannot serve for authentication".
            Assert.AreEqual((int)RfAnswer.Silent, (int)Exchange(card, "61 04 " + TransportKey + " " + Uid, answer, out int ignored));
            Assert.IsTrue(card.Halted, "a refused authentication halts the card");
            Assert.AreEqual(-1, card.AuthenticatedSector);
        }

        [TestMethod]
        public void EverySuccessfulAuthenticationMayReadItsTrailerWithoutEndingTheSession()
        {
            // The access bytes that put the trailer of sector 1 at C1C2C3 = 0..7 (data blocks at 000), MF1S50 §8.7.1.
            string[] accessBytes = new string[]
            {
                "FF 0F 00 69", "FF 07 80 69", "7F 0F 08 69", "7F 07 88 69", "F7 8F 00 69", "F7 87 80 69", "77 8F 08 69", "77 87 88 69",
            };
            for (int condition = 0; condition < accessBytes.Length; condition++)
            {
                Assert.AreEqual(condition, MifareAccessConditions.Condition(TestSupport.Hex("00 00 00 00 00 00 " + accessBytes[condition]), 0, 3));
                AssertTrailerReadable(accessBytes[condition], "60 04 A0 A1 A2 A3 A4 A5 ", true);
                // Key B authenticates only where it is not readable (trailer conditions 011 and up, MF1S50 §8.7.3 table 8).
                AssertTrailerReadable(accessBytes[condition], "61 04 B0 B1 B2 B3 B4 B5 ", condition >= 3);
            }
        }

        [TestMethod]
        public void AccessBitsAndTheirInversesMustAgree()
        {
            Assert.AreEqual(1, MifareAccessConditions.Condition(TestSupport.Hex("00 00 00 00 00 00 FF 07 80 69"), 0, 3));
            Assert.AreEqual(0, MifareAccessConditions.Condition(TestSupport.Hex("00 00 00 00 00 00 FF 07 80 69"), 0, 0));
            Assert.AreEqual(-1, MifareAccessConditions.Condition(TestSupport.Hex("00 00 00 00 00 00 FF 07 81 69"), 0, 0));
        }

        /// <summary>Authenticates sector 1 and, when that succeeds, reads its trailer: key A as zeros, the session kept.</summary>
        private static void AssertTrailerReadable(string accessBytes, string authentication, bool authenticates)
        {
            MifareClassicCard card = new MifareClassicCard(TestSupport.Hex(Uid));
            byte[] answer = new byte[16];
            card.SetTrailer(1, TestSupport.Hex("A0 A1 A2 A3 A4 A5"), TestSupport.Hex(accessBytes), TestSupport.Hex("B0 B1 B2 B3 B4 B5"));
            string label = authentication + "with access bytes " + accessBytes;

            RfAnswer auth = Exchange(card, authentication + Uid, answer, out int ignored);

            Assert.AreEqual(authenticates ? (int)RfAnswer.Ack : (int)RfAnswer.Silent, (int)auth, label);
            if (authenticates)
            {
                Assert.AreEqual((int)RfAnswer.Data, (int)Exchange(card, "30 07", answer, out int length), label);
                Assert.AreEqual("00 00 00 00 00 00 " + accessBytes, TestSupport.ToHex(answer, 0, 10), label);
                Assert.AreEqual(1, card.AuthenticatedSector, "session kept: " + label);
            }
        }

        private static RfAnswer Exchange(ContactlessCard card, string command, byte[] answer, out int length)
        {
            byte[] bytes = TestSupport.Hex(command);
            return card.Transceive(bytes, 0, bytes.Length, answer, 0, answer.Length, out length);
        }
    }
}
