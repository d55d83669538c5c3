#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.SimulatorPn532Board
{
    /// <summary>The simulator board with a PN532 beside its contact slot, through the resource manager (what scard list/send/monitor use).</summary>
    [TestClass]
    public class SimulatorBoardPn532Tests
    {
        const long Period = 500000;

        [TestMethod]
        public void ThePn532IsASecondReaderAndItsTappedCardAnswersApdus()
        {
            SimulatorBoard board = SimulatorBoard.CreateDemo();
            SimulatorPn532 pn532 = board.AddPn532(new SimulatorPn532(TapScript.Parse("0:iso14443-4;1000:none"), Period));
            Assert.AreEqual(2, board.ReaderCount);
            Assert.AreEqual(1, board.SlotCount);
            Assert.AreSame(pn532, board.GetPn532(0));
            Assert.AreSame(pn532.Reader, board.GetReader(1));
            Assert.AreEqual(SimulatorPn532.ReaderName, board.GetReaderName(1));

            SCardManager manager = new SCardManager(board);
            int context;
            Assert.AreEqual(ScardError.Success, manager.EstablishContext(ScardConstants.ScopeSystem, out context));
            string[] readers;
            Assert.AreEqual(ScardError.Success, manager.ListReaders(context, out readers));
            Assert.AreEqual(2, readers.Length);
            Assert.IsTrue(readers[1].IndexOf(SimulatorPn532.ReaderName) == 0, readers[1]);

            int handle;
            int protocol;
            Assert.AreEqual(ScardError.Success, manager.Connect(context, readers[1], ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol));
            Assert.AreEqual(ScardConstants.ProtocolT1, protocol, "contactless cards are T=1 to PC/SC (Part 3)");
            Assert.AreEqual("08 12 34 56 90 00", Transmit(manager, handle, "FF CA 00 00 00"));
            Assert.AreEqual("90 00", Transmit(manager, handle, "00 A4 00 0C 02 3F 00"));
            Assert.AreEqual(ScardError.Success, manager.Disconnect(handle, ScardConstants.UnpowerCard));

            pn532.RunFor(1000000 + Period);
            Assert.AreEqual(ScardError.NoSmartcard, manager.Connect(context, readers[1], ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol), "the tap script took the card away");

            manager.ReleaseContext(context);
            manager.Dispose();
            board.Dispose();
        }

        static string Transmit(SCardManager manager, int handle, string apdu)
        {
            byte[] command = TestSupport.Hex(apdu);
            byte[] response = new byte[258];
            int length;
            Assert.AreEqual(ScardError.Success, manager.Transmit(handle, ScardConstants.ProtocolT1, command, 0, command.Length, response, 0, response.Length, out length), apdu);
            return TestSupport.ToHex(response, 0, length);
        }
    }
}
