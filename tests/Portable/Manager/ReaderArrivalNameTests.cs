#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Manager
{
    /// <summary>Reader names "Name [interface] (serial) RR SS" (pcsc.md §1.9), built from the driver's capabilities.</summary>
    [TestClass]
    public class ReaderArrivalNameTests
    {
        [TestMethod]
        public void TheInterfaceGoesInBracketsAndTheSerialInParentheses()
        {
            SCardManager manager = new SCardManager();
            IReaderDriver driver = Driver("/dev/ttyS1", "A1B2");

            Assert.AreEqual("Door Reader [/dev/ttyS1] (A1B2) 00 00", manager.Readers.Add(driver, "Door Reader").Name);
        }

        [TestMethod]
        public void ASerialTheInterfaceAlreadyContainsIsLeftOut()
        {
            SCardManager manager = new SCardManager();
            IReaderDriver driver = Driver("/dev/ttyUSB0", "ttyUSB0");

            Assert.AreEqual("Door Reader [/dev/ttyUSB0] 00 00", manager.Readers.Add(driver, "Door Reader").Name);
        }

        [TestMethod]
        public void WithoutInterfaceOrSerialOnlyTheBoardNameAndTheNumbersAreLeft()
        {
            SCardManager manager = new SCardManager();

            Assert.AreEqual("Door Reader 00 00", manager.Readers.Add(Driver("", ""), "Door Reader").Name);
            Assert.AreEqual("Reader (A1) 00 00", manager.Readers.Add(Driver("", "A1"), null).Name);
        }

        [TestMethod]
        public void IdenticalNamesAreToldApartByRrAndANameStaysWhileItsReaderLives()
        {
            SCardManager manager = new SCardManager();
            string first = manager.Readers.Add(Driver("COM1", "7"), "Twin").Name;
            string second = manager.Readers.Add(Driver("COM1", "7"), "Twin").Name;

            Assert.AreEqual("Twin [COM1] (7) 00 00", first);
            Assert.AreEqual("Twin [COM1] (7) 01 00", second);
            Assert.AreEqual("Twin [COM2] (7) 00 00", manager.Readers.Add(Driver("COM2", "7"), "Twin").Name, "another interface is another name");
            Assert.IsTrue(manager.Readers.Remove(first), "removed");
            Assert.AreEqual(second, manager.Readers.Get(0).Name, "the other twin keeps its name");
        }

        [TestMethod]
        public void ALongNameIsCutSoTheWholeNameFitsMaxReaderName()
        {
            SCardManager manager = new SCardManager();
            string board = "";
            for (int i = 0; i < 20; i++)
            {
                board += "Long Name ";
            }

            string first = manager.Readers.Add(Driver("port", "serial"), board).Name;
            string second = manager.Readers.Add(Driver("port", "serial"), board).Name;

            Assert.AreEqual(ScardConstants.MaxReaderName - 1, first.Length, "room left for the terminating NUL");
            Assert.IsTrue(first.EndsWith(" 00 00"), first);
            Assert.IsTrue(first.StartsWith("Long Name Long Name"), first);
            Assert.AreEqual(first.Substring(0, first.Length - 6) + " 01 00", second);
        }

        [TestMethod]
        public void TheSimulatorBoardsReadersShowTheirSerials()
        {
            SimulatorBoard board = new SimulatorBoard(2);
            SCardManager manager = new SCardManager(board);

            Assert.AreEqual(SimulatorBoard.ReaderName + " (sim0) 00 00", manager.Readers.Get(0).Name);
            Assert.AreEqual(SimulatorBoard.ReaderName + " (sim1) 00 00", manager.Readers.Get(1).Name);
        }

        /// <summary>A simulator reader whose capabilities say <paramref name="readerInterface"/> and <paramref name="serial"/>.</summary>
        private static IReaderDriver Driver(string readerInterface, string serial)
        {
            IReaderDriver driver = new SimulatorBoard(1).GetReader(0);
            driver.Capabilities.Interface = readerInterface;
            driver.Capabilities.SerialNumber = serial;
            return driver;
        }
    }
}
