#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Pn532Reader
{
    /// <summary>The reader against the virtual PN532 on its three host interfaces: discovery, pseudo-ATRs, APDUs with MI, MIFARE through FF APDUs, removal.</summary>
    [TestClass]
    public class Pn532ReaderSimTests
    {
        const int I2c = 0;
        const int Spi = 1;
        const int Hsu = 2;
        const string IsoUid = "08 12 34 56";
        const string ClassicUid = "F6 8E 2A 99";

        sealed class Bench
        {
            public VirtualClock Clock = new VirtualClock();
            public VirtualPn532 Chip;
            public Drivers.Pn532.Pn532Reader Reader;
            public string Events = "";

            public Bench(int bus)
            {
                Chip = new VirtualPn532(Clock);
                Pn532ReaderOptions options = new Pn532ReaderOptions();
                options.PollPeriodMicros = 0;
                Reader = new Drivers.Pn532.Pn532Reader(options, Transport(bus), Clock);
                Reader.PresenceChanged += OnPresence;
                Assert.AreEqual((int)SmartcardStatus.Success, (int)Reader.Open(), "Open over bus " + bus);
            }

            IPn532Transport Transport(int bus)
            {
                if (bus == I2c)
                {
                    return new Pn532I2cTransport(new VirtualPn532I2c(Chip).Attach(100000), Clock, null);
                }

                if (bus == Spi)
                {
                    return new Pn532SpiTransport(new VirtualPn532Spi(Chip).Attach(false, 1000000), Clock, null, null);
                }

                SimUartLine line = new SimUartLine(Clock, false);
                new VirtualPn532Hsu(Chip, line);
                return new Pn532HsuTransport(line, Clock);
            }

            void OnPresence(IReaderDriver driver, bool present)
            {
                Events += present ? "+" : "-";
            }

            public string PowerUp()
            {
                byte[] atr = new byte[33];
                int length;
                Assert.AreEqual((int)SmartcardStatus.Success, (int)Reader.Power(PowerAction.ColdReset, atr, 0, out length), "power");
                return TestSupport.ToHex(atr, 0, length);
            }

            public string Transmit(string apdu, SmartcardStatus expected)
            {
                byte[] command = TestSupport.Hex(apdu);
                byte[] response = new byte[600];
                int length;
                Assert.AreEqual((int)expected, (int)Reader.Transmit(command, 0, command.Length, response, 0, response.Length, out length), "Transmit " + apdu);
                return TestSupport.ToHex(response, 0, length);
            }
        }

        static void IsoCardSession(int bus)
        {
            Bench bench = new Bench(bus);
            bench.Reader.Poll();
            Assert.IsFalse(bench.Reader.IsCardPresent(), "empty field");
            bench.Chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex(IsoUid), CardProfile.DirectT0()));
            bench.Reader.Poll();
            Assert.AreEqual("+", bench.Events, "arrival");
            Assert.AreEqual("3B 85 80 01 80 31 80 65 B0 E0", bench.PowerUp(), "ATS historical bytes 80 31 80 65 B0");
            Assert.AreEqual("90 00", bench.Transmit("00 A4 00 0C 02 3F 00", SmartcardStatus.Success));
            Assert.AreEqual(IsoUid + " 90 00", bench.Transmit("FF CA 00 00 00", SmartcardStatus.Success));
            Assert.AreEqual("80 31 80 65 B0 90 00", bench.Transmit("FF CA 01 00 00", SmartcardStatus.Success));
        }

        [TestMethod]
        public void IsoCardOverI2c()
        {
            IsoCardSession(I2c);
        }

        [TestMethod]
        public void IsoCardOverSpi()
        {
            IsoCardSession(Spi);
        }

        [TestMethod]
        public void IsoCardOverHsu()
        {
            IsoCardSession(Hsu);
        }

        [TestMethod]
        public void LongAnswerIsGatheredOverMoreInformation()
        {
            Bench bench = new Bench(I2c);
            bench.Chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex(IsoUid), CardProfile.DirectT0()));
            bench.Reader.Poll();
            bench.PowerUp();
            // PATTERN of 300 bytes with an extended Le: 302 bytes back, more than one InDataExchange carries.
            string response = bench.Transmit("80 10 01 2C 00 01 2C", SmartcardStatus.Success);
            byte[] bytes = TestSupport.Hex(response);
            Assert.AreEqual(302, bytes.Length);
            for (int i = 0; i < 300; i++)
            {
                Assert.AreEqual((int)CardApplet.PatternByte(i), (int)bytes[i], "pattern byte " + i);
            }

            Assert.AreEqual("90 00", TestSupport.ToHex(bytes, 300, 2));
        }

        [TestMethod]
        public void LongCommandIsMetachained()
        {
            Bench bench = new Bench(Spi);
            bench.Chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex(IsoUid), CardProfile.DirectT0()));
            bench.Reader.Poll();
            bench.PowerUp();
            // ECHO of 300 bytes, extended case 4: a 309-byte command and a 302-byte answer.
            byte[] command = new byte[309];
            byte[] header = TestSupport.Hex("80 12 00 00 00 01 2C");
            for (int i = 0; i < header.Length; i++)
            {
                command[i] = header[i];
            }

            for (int i = 0; i < 300; i++)
            {
                command[header.Length + i] = (byte)(i * 7);
            }

            command[307] = 0x01;
            command[308] = 0x2C;
            byte[] response = new byte[400];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)bench.Reader.Transmit(command, 0, command.Length, response, 0, response.Length, out length));
            Assert.AreEqual(302, length);
            for (int i = 0; i < 300; i++)
            {
                Assert.AreEqual((int)(byte)(i * 7), (int)response[i], "echo byte " + i);
            }

            Assert.AreEqual("90 00", TestSupport.ToHex(response, 300, 2));
        }

        [TestMethod]
        public void MifareClassicReadWriteThroughPseudoApdus()
        {
            Bench bench = new Bench(Spi);
            MifareClassicCard card = new MifareClassicCard(TestSupport.Hex(ClassicUid));
            bench.Chip.PlaceCard(card);
            bench.Reader.Poll();
            Assert.AreEqual("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A", bench.PowerUp());
            Assert.AreEqual("63 00", bench.Transmit("FF B0 00 04 10", SmartcardStatus.Success), "read before authentication");
            bench.PowerUp();
            Assert.AreEqual("90 00", bench.Transmit("FF 82 00 00 06 FF FF FF FF FF FF", SmartcardStatus.Success));
            Assert.AreEqual("90 00", bench.Transmit("FF 86 00 00 05 01 00 04 60 00", SmartcardStatus.Success));
            string block = "00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF";
            Assert.AreEqual("90 00", bench.Transmit("FF D6 00 05 10 " + block, SmartcardStatus.Success));
            Assert.AreEqual(block + " 90 00", bench.Transmit("FF B0 00 05 10", SmartcardStatus.Success));
            Assert.AreEqual(block, TestSupport.ToHex(card.Memory, 5 * 16, 16));
        }

        [TestMethod]
        public void MifareWrongKeyIsRefused()
        {
            Bench bench = new Bench(I2c);
            bench.Chip.PlaceCard(new MifareClassicCard(TestSupport.Hex(ClassicUid)));
            bench.Reader.Poll();
            bench.PowerUp();
            Assert.AreEqual("90 00", bench.Transmit("FF 82 00 01 06 01 02 03 04 05 06", SmartcardStatus.Success));
            Assert.AreEqual("63 00", bench.Transmit("FF 86 00 00 05 01 00 04 60 01", SmartcardStatus.Success));
        }

        [TestMethod]
        public void UltralightReadAndWrite()
        {
            Bench bench = new Bench(Hsu);
            UltralightCard card = new UltralightCard(TestSupport.Hex("04 A1 B2 C3 D4 E5 F6"));
            bench.Chip.PlaceCard(card);
            bench.Reader.Poll();
            Assert.AreEqual("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68", bench.PowerUp());
            Assert.AreEqual("90 00", bench.Transmit("FF D6 00 04 04 DE AD BE EF", SmartcardStatus.Success));
            Assert.AreEqual("DE AD BE EF 90 00", bench.Transmit("FF B0 00 04 04", SmartcardStatus.Success));
        }

        [TestMethod]
        public void DriverLibraryRunsTheReaderAsT1()
        {
            Bench bench = new Bench(I2c);
            bench.Chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex(IsoUid), CardProfile.DirectT0()));
            bench.Reader.Poll();
            SmartcardDevice device = new SmartcardDevice(bench.Reader);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)device.Open(), "device open");
            Assert.AreEqual((int)SmartcardStatus.Success, (int)device.Power(PowerAction.ColdReset), "power");
            byte[] atr = new byte[33];
            Assert.AreEqual("3B 85 80 01 80 31 80 65 B0 E0", TestSupport.ToHex(atr, 0, device.CopyAtr(atr, 0)));
            int selected;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)device.SetProtocol(Protocols.T0 | Protocols.T1, out selected));
            Assert.AreEqual(Protocols.T1, selected, "contactless cards are T=1 (reference §5.3)");
            byte[] command = TestSupport.Hex("FF CA 00 00 00");
            byte[] response = new byte[32];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)device.Transmit(Protocols.T1, command, 0, command.Length, response, 0, response.Length, out length));
            Assert.AreEqual(IsoUid + " 90 00", TestSupport.ToHex(response, 0, length));
        }

        [TestMethod]
        public void RemovalIsReportedByThePollAndByTheNextApdu()
        {
            Bench bench = new Bench(I2c);
            bench.Chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex(IsoUid), CardProfile.DirectT0()));
            bench.Reader.Poll();
            bench.Chip.RemoveCard();
            bench.Reader.Poll();
            Assert.AreEqual("+-", bench.Events, "removal within one poll");
            bench.Chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex(IsoUid), CardProfile.DirectT0()));
            bench.Reader.Poll();
            bench.PowerUp();
            bench.Chip.RemoveCard();
            bench.Transmit("00 A4 00 0C 02 3F 00", SmartcardStatus.NoMedia);
            Assert.AreEqual("+-+-", bench.Events, "removal of a powered card at its next APDU");
            Assert.IsFalse(bench.Reader.IsCardPresent(), "gone");
        }
    }
}
