#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.Simulator
{
    [TestClass]
    public class SimulatorBoardTests
    {
        [TestMethod]
        public void BoardHasNamedSlotsWithReaders()
        {
            SimulatorBoard board = new SimulatorBoard(2);
            Assert.AreEqual(2, board.ReaderCount);
            Assert.AreEqual("EmbeddedSmartCard Simulated Contact Reader", board.GetReaderName(1));
            Assert.IsNotNull(board.GetReader(0));
            Assert.IsTrue(board.GetSlot(0).Clock != board.GetSlot(1).Clock, "each reader has its own clock");
            board.Dispose();
        }

        [TestMethod]
        public void InsertedCardIsPresentAndAnswersTheReadersColdReset()
        {
            SimulatorBoard board = new SimulatorBoard(1);
            SimulatorSlot slot = board.GetSlot(0);
            IReaderDriver reader = board.GetReader(0);
            Assert.AreEqual(SmartcardStatus.Success, reader.Open());
            Assert.IsFalse(reader.IsCardPresent(), "empty slot");

            slot.Insert(new SimulatedCard(CardProfile.InverseT0()));
            Assert.IsTrue(reader.IsCardPresent(), "card detect after debounce");
            byte[] atr = new byte[33];
            int atrLength;
            Assert.AreEqual(SmartcardStatus.Success, reader.Power(PowerAction.ColdReset, atr, 0, out atrLength));
            Assert.AreEqual("3F 05 80 31 80 65 B0", TestSupport.ToHex(atr, 0, atrLength));

            slot.Remove();
            Assert.IsFalse(reader.IsCardPresent(), "removed");
            board.Dispose();
        }

        [TestMethod]
        public void DemoBoardHasADualProtocolCardReady()
        {
            SimulatorBoard board = SimulatorBoard.CreateDemo();
            Assert.AreEqual(1, board.ReaderCount);
            Assert.AreEqual("sim", board.Name);
            Assert.IsNotNull(board.GetSlot(0).Card);
            Assert.IsTrue(board.GetSlot(0).Card.Profile.OffersT1, "T=1 offered");
            Assert.AreEqual(SmartcardStatus.Success, board.GetReader(0).Open());
            Assert.IsTrue(board.GetReader(0).IsCardPresent(), "present");
            board.Dispose();
        }

        [TestMethod]
        public void YankFaultEmptiesTheSlotAtItsVirtualTime()
        {
            SimulatorBoard board = new SimulatorBoard(1);
            SimulatorSlot slot = board.GetSlot(0);
            IReaderDriver reader = board.GetReader(0);
            reader.Open();
            SimulatedCard card = new SimulatedCard(CardProfile.DirectT0());
            slot.Insert(card);
            card.Faults.Arm(CardFaultScope.SentCharacter, 3, CardFaultKind.Yank);

            byte[] atr = new byte[33];
            int atrLength;
            SmartcardStatus status = reader.Power(PowerAction.ColdReset, atr, 0, out atrLength);
            Assert.IsTrue(status != SmartcardStatus.Success, "ATR cut after three characters");
            slot.Clock.Advance(100000);
            Assert.IsNull(slot.Card);
            Assert.AreEqual(SimulatedCardState.Removed, card.State);
            Assert.IsFalse(reader.IsCardPresent(), "card detect inactive");
            board.Dispose();
        }
    }
}
