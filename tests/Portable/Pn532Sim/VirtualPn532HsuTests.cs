#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    [TestClass]
    public class VirtualPn532HsuTests
    {
        private const string Ack = "00 00 FF 00 FF 00";
        private const string WakeUp = "55 55 00 00 00 00 00 00 00 00 00 00 00 00 00 00";

        [TestMethod]
        public void WakeUpPreambleAndSamConfigurationAreAckedAndAnswered()
        {
            SimUartLine line = HostLine(VirtualPn532.DefaultSerialBaudRate, out VirtualPn532 chip);

            Write(line, WakeUp + " 00 00 FF 03 FD D4 14 01 17 00");

            Assert.AreEqual(Ack + " 00 00 FF 02 FE D5 15 16 00", ReadAll(line, 16));
            Assert.IsFalse(chip.InLowVbat, "configured");
        }

        [TestMethod]
        public void ResponseArrivesAfterTheAckAtTheLineRate()
        {
            SimUartLine line = HostLine(VirtualPn532.DefaultSerialBaudRate, out VirtualPn532 chip);
            Write(line, WakeUp + " 00 00 FF 03 FD D4 14 01 17 00");
            ReadAll(line, 16);

            Write(line, "00 00 FF 02 FE D4 02 2A 00");

            Assert.AreEqual(Ack + " 00 00 FF 06 FA D5 03 32 01 06 07 E8 00", ReadAll(line, 19));
            Assert.AreEqual(0, line.ReceiveErrorCount);
        }

        [TestMethod]
        public void HostAtAnotherBaudRateIsNotHeard()
        {
            SimUartLine line = HostLine(9600, out VirtualPn532 chip);

            Write(line, WakeUp + " 00 00 FF 03 FD D4 14 01 17 00");

            Assert.AreEqual("", ReadAll(line, 1));
            Assert.AreEqual(0, chip.CommandCount);
        }

        [TestMethod]
        public void HostAckAbortsAWaitingInListPassiveTarget()
        {
            SimUartLine line = HostLine(VirtualPn532.DefaultSerialBaudRate, out VirtualPn532 chip);
            Write(line, WakeUp + " 00 00 FF 03 FD D4 14 01 17 00");
            ReadAll(line, 16);
            Write(line, "00 00 FF 04 FC D4 4A 01 00 E1 00");
            Assert.AreEqual(Ack, ReadAll(line, 6));

            Write(line, Ack);
            chip.PlaceCard(new UltralightCard(TestSupport.Hex("04 01 02 03 04 05 06")));

            Assert.AreEqual("", ReadAll(line, 1));
        }

        [TestMethod]
        public void PoweredDownChipWakesOnTheWakeUpCharacter()
        {
            SimUartLine line = HostLine(VirtualPn532.DefaultSerialBaudRate, out VirtualPn532 chip);
            Write(line, WakeUp + " 00 00 FF 03 FD D4 14 01 17 00");
            ReadAll(line, 16);
            Write(line, "00 00 FF 03 FD D4 16 10 06 00");
            Assert.AreEqual(Ack + " 00 00 FF 03 FD D5 17 00 14 00", ReadAll(line, 16));
            Assert.IsTrue(chip.PoweredDown, "asleep");

            Write(line, "00 00 FF 02 FE D4 02 2A 00");
            Assert.AreEqual("", ReadAll(line, 1));

            Write(line, WakeUp + " 00 00 FF 02 FE D4 02 2A 00");
            Assert.AreEqual(Ack + " 00 00 FF 06 FA D5 03 32 01 06 07 E8 00", ReadAll(line, 19));
        }

        [TestMethod]
        public void SetSerialBaudRateTakesEffectOnTheHostsAck()
        {
            SimUartLine line = HostLine(VirtualPn532.DefaultSerialBaudRate, out VirtualPn532 chip);
            Write(line, WakeUp + " 00 00 FF 03 FD D4 14 01 17 00");
            ReadAll(line, 16);

            // BR 06 = 460 800 bd; the answer still comes at 115 200.
            Write(line, "00 00 FF 03 FD D4 10 06 16 00");
            Assert.AreEqual(Ack + " 00 00 FF 02 FE D5 11 1A 00", ReadAll(line, 15));
            Assert.AreEqual(VirtualPn532.DefaultSerialBaudRate, chip.SerialBaudRate);
            Write(line, Ack);
            line.Drain();
            Assert.AreEqual(460800, chip.SerialBaudRate);

            line.Configure(460800, UartParity.None, UartStopBits.One);
            Write(line, "00 00 FF 02 FE D4 02 2A 00");
            Assert.AreEqual(Ack + " 00 00 FF 06 FA D5 03 32 01 06 07 E8 00", ReadAll(line, 19));
            Assert.AreEqual(0, line.ReceiveErrorCount);
        }

        private static SimUartLine HostLine(int baudRate, out VirtualPn532 chip)
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = new SimUartLine(clock, false);
            line.Configure(baudRate, UartParity.None, UartStopBits.One);
            chip = new VirtualPn532(clock);
            new VirtualPn532Hsu(chip, line);
            return line;
        }

        private static void Write(SimUartLine line, string hex)
        {
            byte[] bytes = TestSupport.Hex(hex);
            line.Write(bytes, 0, bytes.Length);
        }

        /// <summary>Reads up to <paramref name="count"/> bytes, waiting at most 50 ms of virtual time for each.</summary>
        private static string ReadAll(SimUartLine line, int count)
        {
            byte[] buffer = new byte[count];
            int received = 0;
            while (received < count)
            {
                int got = line.Read(buffer, received, count - received, 50000);
                if (got == 0)
                {
                    break;
                }

                received += got;
            }

            return TestSupport.ToHex(buffer, 0, received);
        }
    }
}
