#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using EmbeddedSmartCard.Boards;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.SimulatorDoor
{
    /// <summary>
    /// A PN532 of the simulator board unplugged and plugged back: the board reports it as a hot-plug board, the
    /// manager drops the reader and lists it again, and clients see both through \\?PnP?\Notification.
    /// </summary>
    [TestClass]
    public class SimulatorBoardHotplugTests
    {
        private const string CardUid = "08 12 34 56";

        [TestMethod]
        public void UnpluggedPn532LeavesTheReaderListAndComesBackWithItsCard()
        {
            DoorBoardRig rig = new DoorBoardRig();
            rig.Tap(SimulatorPn532Cards.Create(SimulatorPn532Cards.Iso14443_4));
            int pnp = rig.State(ScardConstants.PnpNotification, 0);

            rig.Board.UnplugPn532(0);
            Assert.IsTrue(rig.Board.IsPn532Unplugged(0), "unplugged");
            Assert.AreEqual(1, rig.Readers().Length, "only the contact slot is left");
            int afterUnplug = rig.State(ScardConstants.PnpNotification, pnp);
            Assert.IsTrue((afterUnplug & ScardConstants.StateChanged) != 0, "PnP notification after the unplug");

            rig.Board.ReplugPn532(0);
            Assert.IsFalse(rig.Board.IsPn532Unplugged(0), "plugged back");
            Assert.AreEqual(rig.ContactlessReader, rig.Readers()[1], "listed again under its name");
            Assert.IsTrue((rig.State(ScardConstants.PnpNotification, afterUnplug) & ScardConstants.StateChanged) != 0, "PnP notification after the replug");

            int handle = rig.Connected(rig.ContactlessReader);
            Assert.AreEqual(DoorBoardRig.SwOk, rig.Send(handle, "FF CA 00 00 00"));
            Assert.AreEqual(CardUid, rig.ResponseData, "the card still on the antenna is found again");
            rig.Dispose();
        }

        [TestMethod]
        public void HandleOnAnUnpluggedReaderReportsItGone()
        {
            DoorBoardRig rig = new DoorBoardRig();
            rig.Tap(SimulatorPn532Cards.Create(SimulatorPn532Cards.Iso14443_4));
            int handle = rig.Connected(rig.ContactlessReader);

            rig.Board.UnplugPn532(0);
            int sw;
            int result = rig.Transmit(handle, TestSupport.Hex("FF CA 00 00 00"), out sw);
            Assert.AreEqual(ScardError.GetName(ScardError.ReaderUnavailable), ScardError.GetName(result), "pcsc.md §3.3: the reader left");
            Assert.AreEqual(ScardError.UnknownReader, rig.Connect(rig.ContactlessReader, out handle), "no such reader while unplugged");
            rig.Dispose();
        }

        [TestMethod]
        public void UnplugAndReplugEachReportOnceWithThePn532Reader()
        {
            SimulatorBoard board = new SimulatorBoard(0);
            SimulatorPn532 pn532 = board.AddPn532(new SimulatorPn532(new TapScript(), DoorBoardRig.PollPeriodMicros));
            EventLog log = new EventLog();
            board.ReaderLeft += log.OnLeft;
            board.ReaderArrived += log.OnArrived;

            board.ReplugPn532(0);
            board.UnplugPn532(0);
            board.UnplugPn532(0);
            board.ReplugPn532(0);
            board.ReplugPn532(0);
            Assert.AreEqual("left|arrived", log.Text, "a second unplug or replug changes nothing");
            Assert.AreSame(pn532.Reader, log.Driver);
            Assert.AreEqual(SimulatorPn532.ReaderName, log.Name);
            Assert.IsTrue(board is IHotplugBoard, "the simulator board is a hot-plug board");
            board.Dispose();
        }

        [TestMethod]
        public void UnplugOfAPn532TheBoardDoesNotHaveIsAnArgumentError()
        {
            SimulatorBoard board = new SimulatorBoard(1);
            board.AddPn532(new SimulatorPn532(new TapScript(), DoorBoardRig.PollPeriodMicros));
            string message = null;
            try
            {
                board.UnplugPn532(1);
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.AreEqual("no PN532 1 on the board (it has 1)", message);
            board.Dispose();
        }

        /// <summary>What a hot-plug board raised, in order.</summary>
        private sealed class EventLog
        {
            public string Text = "";
            public IReaderDriver Driver;
            public string Name;

            public void OnLeft(IHotplugBoard board, IReaderDriver driver, string friendlyName)
            {
                Record("left", driver, friendlyName);
            }

            public void OnArrived(IHotplugBoard board, IReaderDriver driver, string friendlyName)
            {
                Record("arrived", driver, friendlyName);
            }

            private void Record(string what, IReaderDriver driver, string friendlyName)
            {
                Text += (Text.Length == 0 ? "" : "|") + what;
                Driver = driver;
                Name = friendlyName;
            }
        }
    }
}
