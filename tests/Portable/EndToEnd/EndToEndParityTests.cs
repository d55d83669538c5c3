#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.EndToEnd
{
    /// <summary>
    /// A character with a parity error on a plain UART, which cannot ask the card to repeat it (reference
    /// §2.9): under T=0 the TPDU fails and the next APDU works; under T=1 the block is rejected and resent.
    /// </summary>
    [TestClass]
    public class EndToEndParityTests
    {
        [TestMethod]
        public void ParityErrorFailsTheT0ApduAndTheNextOneWorks()
        {
            EndToEndSlot slot = EndToEndSlot.With(CardProfile.DirectT0(), null);
            Assert.AreEqual(SmartcardStatus.Success, slot.Connect(Protocols.T0));
            slot.Card.Faults.Arm(CardFaultScope.SentCharacter, 2, CardFaultKind.Corrupt);

            SmartcardStatus status = slot.Transmit(TestSupport.Hex("80 10 00 04 04"));

            Assert.AreEqual(SmartcardStatus.ParityError, status);
            Assert.AreEqual(ScardError.NotTransacted, StatusMap.ForIo(status));
            Assert.AreEqual("00 01 02 03 90 00", slot.TransmitHex("80 10 00 04 04"));
        }

        [TestMethod]
        public void ParityErrorInAT1BlockIsRecovered()
        {
            EndToEndSlot slot = EndToEndT1Tests.T1Slot(32, false);
            slot.Card.Faults.Arm(CardFaultScope.SentCharacter, 4, CardFaultKind.Corrupt);

            Assert.AreEqual("00 01 02 03 90 00", slot.TransmitHex("80 10 00 04 04"));
        }
    }
}
