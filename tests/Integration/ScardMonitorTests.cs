using System.IO;
using System.Threading;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Scard;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>scard monitor: the live view of reader and card events.</summary>
    [TestClass]
    public sealed class ScardMonitorTests
    {
        private const int WatchTimeoutMillis = 20000;

        [TestMethod]
        public void MonitorOnTheSimulatorBoardListsTheReadersAndStopsAfterTheCount()
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            int exit = MonitorVerb.Run(new[] { "--count", "2", "--timeout", "20" }, output, error);

            Assert.AreEqual(0, exit, error.ToString());
            StringAssert.Contains(output.ToString(), " 00 00: reader added");
            Assert.AreEqual(2, output.ToString().Trim().Split('\n').Length, output.ToString());
        }

        [TestMethod]
        public void MonitorStopsAtTheTimeoutWhenNothingHappens()
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();

            int exit = MonitorVerb.Run(new[] { "--timeout", "0.2" }, output, error);

            Assert.AreEqual(0, exit, error.ToString());
            StringAssert.Contains(output.ToString(), "reader added");
        }

        [TestMethod]
        public void MonitorReportsCardsAndReadersComingAndGoing()
        {
            using (SimulatorBoard board = new SimulatorBoard(2))
            using (SCardManager manager = new SCardManager(board))
            {
                int context;
                manager.EstablishContext(ScardConstants.ScopeSystem, out context);
                StringWriter output = new StringWriter();
                TextWriter synced = TextWriter.Synchronized(output);
                SimulatorBoard extra = new SimulatorBoard(1);
                Thread events = new Thread(() =>
                {
                    WaitForLines(synced, output, 4);
                    board.GetSlot(1).Insert(new SimulatedCard(CardProfile.DirectT0()));
                    WaitForText(synced, output, "ATR 3B");
                    board.GetSlot(1).Remove();
                    WaitForText(synced, output, "no card (event 2)");
                    manager.Readers.Add(extra.GetReader(0), "Extra Reader");
                });
                events.Start();

                int result = MonitorVerb.Watch(manager, context, 8, WatchTimeoutMillis, synced);

                Assert.IsTrue(events.Join(WatchTimeoutMillis), "the event thread finished");
                Assert.AreEqual(ScardError.Success, result);
                string text = output.ToString();
                StringAssert.Contains(text, " (sim1) 00 00: no card (event 0)");
                StringAssert.Contains(text, " (sim1) 00 00: card present");
                StringAssert.Contains(text, " (sim1) 00 00: no card (event 2)");
                StringAssert.Contains(text, "Extra Reader (sim0) 00 00: reader added");
            }
        }

        private static void WaitForLines(TextWriter synced, StringWriter output, int lines)
        {
            for (int i = 0; i < WatchTimeoutMillis && Text(synced, output).Split('\n').Length <= lines; i++)
            {
                Thread.Sleep(1);
            }
        }

        private static void WaitForText(TextWriter synced, StringWriter output, string text)
        {
            for (int i = 0; i < WatchTimeoutMillis && !Text(synced, output).Contains(text); i++)
            {
                Thread.Sleep(1);
            }
        }

        /// <summary>The text so far, read under the synchronized writer's lock (the one its writes take).</summary>
        private static string Text(TextWriter synced, StringWriter output)
        {
            lock (synced)
            {
                return output.ToString();
            }
        }
    }
}
