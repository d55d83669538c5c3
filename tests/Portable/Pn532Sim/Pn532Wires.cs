using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    /// <summary>Raw SPI transfers and HSU characters in hex, for the virtual PN532 tests on those buses.</summary>
    internal static class Pn532Wires
    {
        /// <summary>One full-duplex SPI transaction: MOSI in hex, returns MISO in hex.</summary>
        public static string Transfer(SimSpiDevice device, string mosiHex)
        {
            byte[] mosi = TestSupport.Hex(mosiHex);
            byte[] miso = new byte[mosi.Length];
            device.TransferFullDuplex(mosi, 0, miso, 0, mosi.Length);
            return TestSupport.ToHex(miso);
        }

        /// <summary>The host's end of an 8N1 line at <paramref name="baudRate"/> with a new virtual PN532 on its HSU at the far end.</summary>
        public static SimUartLine HsuHostLine(int baudRate, out VirtualPn532 chip)
        {
            VirtualClock clock = new VirtualClock();
            SimUartLine line = new SimUartLine(clock, false);
            line.Configure(baudRate, UartParity.None, UartStopBits.One);
            chip = new VirtualPn532(clock);
            new VirtualPn532Hsu(chip, line);
            return line;
        }

        public static void Write(SimUartLine line, string hex)
        {
            byte[] bytes = TestSupport.Hex(hex);
            line.Write(bytes, 0, bytes.Length);
        }

        /// <summary>Reads up to <paramref name="count"/> bytes, waiting at most 50 ms of virtual time for each.</summary>
        public static string ReadAll(SimUartLine line, int count)
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
