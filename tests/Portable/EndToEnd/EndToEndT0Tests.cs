#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.EndToEnd
{
    /// <summary>T=0 APDU cases 1–4 end to end, with the 61xx and 6Cxx procedures (ISO 7816-3 §10.3, ISO 7816-4 §5.1).</summary>
    [TestClass]
    public class EndToEndT0Tests
    {
        [TestMethod]
        public void Case1()
        {
            Assert.AreEqual("90 00", T0Slot(false).TransmitHex("80 12 00 00"));
        }

        [TestMethod]
        public void Case2()
        {
            Assert.AreEqual("00 01 02 03 04 05 90 00", T0Slot(false).TransmitHex("80 10 00 06 06"));
        }

        [TestMethod]
        public void Case2WithWrongLeIsReissuedAfter6Cxx()
        {
            // The card answers 6C06 to P3 = 02; the re-issued TPDU brings 6 bytes, of which the APDU asked for 2.
            Assert.AreEqual("00 01 90 00", T0Slot(false).TransmitHex("80 10 00 06 02"));
        }

        [TestMethod]
        public void Case2WithLe256()
        {
            EndToEndSlot slot = T0Slot(false);

            Assert.AreEqual(SmartcardStatus.Success, slot.Transmit(TestSupport.Hex("80 10 01 00 00")));

            Assert.AreEqual(258, slot.ResponseLength);
            Assert.AreEqual(250, (int)slot.Response[250]);
            Assert.AreEqual(0, (int)slot.Response[251]);
        }

        [TestMethod]
        public void Case3()
        {
            Assert.AreEqual("90 00", T0Slot(false).TransmitHex("00 20 00 81 04 31 32 33 34"));
        }

        [TestMethod]
        public void Case4IsCompletedWithGetResponseAfter61xx()
        {
            Assert.AreEqual("AA BB CC 90 00", T0Slot(false).TransmitHex("80 12 00 00 03 AA BB CC 00"));
        }

        [TestMethod]
        public void CardAcknowledgingEachByteWorks()
        {
            Assert.AreEqual("AA BB CC 90 00", T0Slot(true).TransmitHex("80 12 00 00 03 AA BB CC 03"));
        }

        [TestMethod]
        public void NullProcedureBytesExtendTheWait()
        {
            EndToEndSlot slot = T0Slot(false);
            slot.Card.AnswerSlowly(0x12, 3, 1);

            Assert.AreEqual("AA 90 00", slot.TransmitHex("80 12 00 00 01 AA 01"));
        }

        [TestMethod]
        public void UnknownInstructionGivesItsStatusWord()
        {
            Assert.AreEqual("6D 00", T0Slot(false).TransmitHex("80 7E 00 00 00"));
        }

        private static EndToEndSlot T0Slot(bool acknowledgeEachByte)
        {
            CardProfile profile = CardProfile.DirectT0();
            profile.T0AcknowledgeEachByte = acknowledgeEachByte;
            EndToEndSlot slot = EndToEndSlot.With(profile, null);
            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T0));
            return slot;
        }
    }
}
