#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;

namespace EmbeddedSmartCard.Tests.EndToEnd
{
    /// <summary>
    /// T=1 error recovery end to end (ISO 7816-3 §11.6.3): one block corrupted or lost, in either direction,
    /// at every position of a 1 000-byte extended APDU chained both ways at IFSC 32; the APDU still completes.
    /// </summary>
    [TestClass]
    public class EndToEndT1RecoveryTests
    {
        private const int ChainedLength = 1000;
        private const int Ifsc = 32;

        [TestMethod]
        public void CorruptedBlockFromTheCardAtEveryPosition()
        {
            AssertRecoversAtEveryPosition(CardFaultScope.SentBlock, CardFaultKind.Corrupt);
        }

        [TestMethod]
        public void LostBlockFromTheCardAtEveryPosition()
        {
            AssertRecoversAtEveryPosition(CardFaultScope.SentBlock, CardFaultKind.Drop);
        }

        [TestMethod]
        public void CorruptedBlockToTheCardAtEveryPosition()
        {
            AssertRecoversAtEveryPosition(CardFaultScope.ReceivedBlock, CardFaultKind.Corrupt);
        }

        [TestMethod]
        public void LostBlockToTheCardAtEveryPosition()
        {
            AssertRecoversAtEveryPosition(CardFaultScope.ReceivedBlock, CardFaultKind.Drop);
        }

        private static void AssertRecoversAtEveryPosition(CardFaultScope scope, CardFaultKind kind)
        {
            int blocks = BlocksInACleanExchange(scope);
            Assert.IsTrue(blocks > ChainedLength / Ifsc, "the exchange is chained");
            string failures = "";
            for (int position = 0; position < blocks; position++)
            {
                EndToEndSlot slot = EndToEndT1Tests.T1Slot(Ifsc, false);
                slot.Card.Faults.Arm(scope, position, kind);
                byte[] command = EndToEndT1Tests.ExtendedEcho(ChainedLength);
                string result = slot.Transmit(command) == Drivers.SmartcardStatus.Success && IsEcho(slot, command) ? "" : " " + position.ToString();
                failures += result;
            }

            Assert.AreEqual("", failures, "positions that did not recover out of " + blocks.ToString());
        }

        private static int BlocksInACleanExchange(CardFaultScope scope)
        {
            EndToEndSlot slot = EndToEndT1Tests.T1Slot(Ifsc, false);
            int before = slot.Card.Faults.Count(scope);
            EndToEndT1Tests.AssertExtendedEcho(slot, ChainedLength);
            return slot.Card.Faults.Count(scope) - before;
        }

        private static bool IsEcho(EndToEndSlot slot, byte[] command)
        {
            if (slot.ResponseLength != ChainedLength + 2)
            {
                return false;
            }

            for (int i = 0; i < ChainedLength; i++)
            {
                if (slot.Response[i] != command[7 + i])
                {
                    return false;
                }
            }

            return slot.Response[ChainedLength] == 0x90 && slot.Response[ChainedLength + 1] == 0x00;
        }
    }
}
