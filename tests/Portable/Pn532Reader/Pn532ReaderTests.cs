#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Threading;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Pn532Reader
{
    /// <summary>The PN532 reader driver against a scripted chip: initialisation, discovery, virtual power, APDUs with MI, pseudo-APDUs, removal.</summary>
    [TestClass]
    public class Pn532ReaderTests
    {
        /// <summary>Tg 1, SENS_RES 0004, SEL_RES 20, NFCID1 08 11 22 33, ATS 06 75 77 81 02 80 (one historical byte 80).</summary>
        const string IsoCard = "01 00 04 20 04 08 11 22 33 06 75 77 81 02 80";
        const string Classic1K = "01 00 04 08 04 F6 8E 2A 99";
        const string OtherClassic1K = "01 00 04 08 04 01 02 03 04";

        sealed class PresenceLog
        {
            public string Events = "";

            public void OnPresence(IReaderDriver driver, bool present)
            {
                Events += present ? "+" : "-";
            }
        }

        static Drivers.Pn532.Pn532Reader NewReader(ScriptedPn532 chip)
        {
            Pn532ReaderOptions options = new Pn532ReaderOptions();
            options.PollPeriodMicros = 0;
            return new Drivers.Pn532.Pn532Reader(options, chip, new VirtualClock());
        }

        static Drivers.Pn532.Pn532Reader OpenWithCard(ScriptedPn532 chip, string card)
        {
            chip.Card = card;
            Drivers.Pn532.Pn532Reader reader = NewReader(chip);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)reader.Open());
            reader.Poll();
            Assert.IsTrue(reader.IsCardPresent(), "card found by the poll");
            return reader;
        }

        /// <summary>The ISO 14443-4 card listed and powered.</summary>
        static Drivers.Pn532.Pn532Reader PoweredIsoCard(out ScriptedPn532 chip)
        {
            chip = new ScriptedPn532();
            Drivers.Pn532.Pn532Reader reader = OpenWithCard(chip, IsoCard);
            PowerUp(reader);
            return reader;
        }

        /// <summary>The ISO 14443-4 card listed and powered, with <paramref name="log"/> following presence from then on.</summary>
        static Drivers.Pn532.Pn532Reader PoweredIsoCard(out ScriptedPn532 chip, out PresenceLog log)
        {
            chip = new ScriptedPn532();
            log = new PresenceLog();
            Drivers.Pn532.Pn532Reader reader = OpenWithCard(chip, IsoCard);
            reader.PresenceChanged += log.OnPresence;
            PowerUp(reader);
            return reader;
        }

        static string PowerUp(Drivers.Pn532.Pn532Reader reader)
        {
            string atr;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Power(reader, PowerAction.ColdReset, out atr));
            return atr;
        }

        /// <summary>Applies <paramref name="action"/>; <paramref name="atr"/> is what the reader answered, in hex.</summary>
        static SmartcardStatus Power(Drivers.Pn532.Pn532Reader reader, PowerAction action, out string atr)
        {
            byte[] buffer = new byte[33];
            int length;
            SmartcardStatus status = reader.Power(action, buffer, 0, out length);
            atr = TestSupport.ToHex(buffer, 0, length);
            return status;
        }

        /// <summary>Transmits a built command into a 16-byte response buffer; <paramref name="response"/> is what came back, in hex.</summary>
        static SmartcardStatus TransmitRaw(Drivers.Pn532.Pn532Reader reader, byte[] command, out string response)
        {
            byte[] buffer = new byte[16];
            int length;
            SmartcardStatus status = reader.Transmit(command, 0, command.Length, buffer, 0, buffer.Length, out length);
            response = TestSupport.ToHex(buffer, 0, length);
            return status;
        }

        /// <summary>The command the chip received <paramref name="back"/> commands ago (1 is the last).</summary>
        static string CommandFromEnd(ScriptedPn532 chip, int back)
        {
            return chip.Command(chip.Commands.Count - back);
        }

        static string Transmit(Drivers.Pn532.Pn532Reader reader, string apdu, int capacity, SmartcardStatus expected)
        {
            byte[] command = TestSupport.Hex(apdu);
            byte[] response = new byte[capacity];
            int length;
            Assert.AreEqual((int)expected, (int)reader.Transmit(command, 0, command.Length, response, 0, capacity, out length), "Transmit " + apdu);
            return TestSupport.ToHex(response, 0, length);
        }

        [TestMethod]
        public void OpenConfiguresTheChipAndIdentifiesIt()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            Drivers.Pn532.Pn532Reader reader = NewReader(chip);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)reader.Open());
            Assert.AreEqual(7, chip.Commands.Count);
            Assert.AreEqual("14 01 14 01", chip.Command(0));
            Assert.AreEqual("02", chip.Command(1));
            Assert.AreEqual("12 14", chip.Command(2), "automatic ATR_RES and RATS");
            Assert.AreEqual("32 05 FF 01 02", chip.Command(3), "MxRtyPassiveActivation bounded");
            Assert.AreEqual("52 00", chip.Command(4), "then the field is listed once: release");
            Assert.AreEqual("4A 01 00", chip.Command(5), "type A");
            Assert.AreEqual("4A 01 03 00", chip.Command(6), "type B, none of A answering");
            Assert.IsFalse(reader.IsCardPresent(), "empty field");
            Assert.AreEqual(1, reader.FirmwareVersion);
            Assert.AreEqual(6, reader.FirmwareRevision);
            Assert.AreEqual(0x01060000, reader.Capabilities.IfdVersion);
            Assert.IsNull(reader.Channel);
            reader.Close();
        }

        [TestMethod]
        public void FirstSamConfigurationLostAfterWakeUpIsRetried()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            chip.SamConfigurationsToIgnore = 1;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)NewReader(chip).Open());
            Assert.AreEqual("14 01 14 01", chip.Command(1));
        }

        [TestMethod]
        public void SilentOrForeignChipIsNoDevice()
        {
            ScriptedPn532 silent = new ScriptedPn532();
            silent.Silent = true;
            Assert.AreEqual((int)SmartcardStatus.NoSuchDevice, (int)NewReader(silent).Open());
            ScriptedPn532 pn533 = new ScriptedPn532();
            pn533.FirmwareVersion = "33 02 07 07";
            Assert.AreEqual((int)SmartcardStatus.NoSuchDevice, (int)NewReader(pn533).Open());
        }

        [TestMethod]
        public void PollReportsArrivalSwapAndRemoval()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            Drivers.Pn532.Pn532Reader reader = NewReader(chip);
            PresenceLog log = new PresenceLog();
            reader.PresenceChanged += log.OnPresence;
            reader.Open();
            reader.Poll();
            Assert.IsFalse(reader.IsCardPresent(), "empty field");
            chip.Card = Classic1K;
            reader.Poll();
            reader.Poll();
            Assert.AreEqual("+", log.Events, "one arrival, the same card seen again is no event");
            Assert.AreEqual("4A 01 00", CommandFromEnd(chip, 1), "one target, 106 kbps type A");
            Assert.AreEqual("52 00", CommandFromEnd(chip, 2), "released before listing again");
            chip.Card = OtherClassic1K;
            reader.Poll();
            Assert.AreEqual("+-+", log.Events, "another NFCID1 is a removal and an arrival");
            chip.Card = null;
            reader.Poll();
            Assert.AreEqual("+-+-", log.Events);
            Assert.IsFalse(reader.IsCardPresent(), "removed");
        }

        [TestMethod]
        public void WarmResetDeselectsAndSelectsTheSameTargetAgain()
        {
            Drivers.Pn532.Pn532Reader reader = PoweredIsoCard(out ScriptedPn532 chip);
            string atr;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Power(reader, PowerAction.WarmReset, out atr));
            Assert.AreEqual("3B 81 80 01 80 80", atr, "the same pseudo-ATR");
            Assert.AreEqual("44 01", CommandFromEnd(chip, 2), "InDeselect of Tg 1: the session ends");
            Assert.AreEqual("54 01", CommandFromEnd(chip, 1), "InSelect of Tg 1: the same target again");
        }

        [TestMethod]
        public void ColdResetReleasesAndListsTheFieldAfresh()
        {
            Drivers.Pn532.Pn532Reader reader = PoweredIsoCard(out ScriptedPn532 chip);
            Assert.AreEqual("52 00", CommandFromEnd(chip, 2), "InRelease");
            Assert.AreEqual("4A 01 00", CommandFromEnd(chip, 1), "InListPassiveTarget");
            string atr;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Power(reader, PowerAction.PowerDown, out atr));
            Assert.AreEqual("52 00", CommandFromEnd(chip, 1), "power down (SCARD_UNPOWER_CARD) releases the target");
        }

        [TestMethod]
        public void WarmResetOfACardThatLeftIsRemoval()
        {
            Drivers.Pn532.Pn532Reader reader = PoweredIsoCard(out ScriptedPn532 chip, out PresenceLog log);
            chip.Card = null;
            string atr;
            Assert.AreEqual((int)SmartcardStatus.NoMedia, (int)Power(reader, PowerAction.WarmReset, out atr));
            Assert.AreEqual("-", log.Events, "removal reported");
            Assert.IsFalse(reader.IsCardPresent());
        }

        [TestMethod]
        public void IsoCardPseudoAtrAndApdu()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            Drivers.Pn532.Pn532Reader reader = OpenWithCard(chip, IsoCard);
            Assert.AreEqual("3B 81 80 01 80 80", PowerUp(reader));
            chip.QueueExchangeAnswer("00 6F 00 90 00");
            Assert.AreEqual("6F 00 90 00", Transmit(reader, "00 A4 04 00 00", 64, SmartcardStatus.Success));
            Assert.AreEqual("40 01 00 A4 04 00 00", CommandFromEnd(chip, 1));
        }

        [TestMethod]
        public void MoreInformationRoundsAreGathered()
        {
            Drivers.Pn532.Pn532Reader reader = PoweredIsoCard(out ScriptedPn532 chip);
            chip.QueueExchangeAnswer("40 01 02 03");
            chip.QueueExchangeAnswer("40 04 05");
            chip.QueueExchangeAnswer("00 06 90 00");
            Assert.AreEqual("01 02 03 04 05 06 90 00", Transmit(reader, "00 B0 00 00 00", 64, SmartcardStatus.Success));
            Assert.AreEqual("40 01", CommandFromEnd(chip, 1), "MI: InDataExchange with Tg only");
            Assert.AreEqual("40 01", CommandFromEnd(chip, 2));
        }

        [TestMethod]
        public void LongCommandIsMetachainedWithMiInTg()
        {
            Drivers.Pn532.Pn532Reader reader = PoweredIsoCard(out ScriptedPn532 chip);
            int before = chip.Commands.Count;
            byte[] command = new byte[Drivers.Pn532.Pn532Reader.MaxDataOut + 10];
            command[0] = 0x80;
            command[Drivers.Pn532.Pn532Reader.MaxDataOut] = 0x5A;
            chip.QueueExchangeAnswer("00");
            chip.QueueExchangeAnswer("00 90 00");
            string response;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)TransmitRaw(reader, command, out response));
            Assert.AreEqual("90 00", response);
            Assert.AreEqual(before + 2, chip.Commands.Count);
            string first = chip.Command(before);
            Assert.AreEqual("40 41 80", first.Substring(0, 8), "first DataOut with MI in Tg");
            Assert.AreEqual((2 + Drivers.Pn532.Pn532Reader.MaxDataOut) * 3 - 1, first.Length);
            Assert.AreEqual("40 01 5A 00 00 00 00 00 00 00 00 00", chip.Command(before + 1), "the last 10 bytes");
        }

        [TestMethod]
        public void ChainedChunkRefusedStopsTheCommand()
        {
            Drivers.Pn532.Pn532Reader reader = PoweredIsoCard(out ScriptedPn532 chip);
            int before = chip.Commands.Count;
            chip.QueueExchangeAnswer("13");
            byte[] command = new byte[Drivers.Pn532.Pn532Reader.MaxDataOut + 10];
            string response;
            Assert.AreEqual((int)SmartcardStatus.DeviceProtocolError, (int)TransmitRaw(reader, command, out response));
            Assert.AreEqual(before + 1, chip.Commands.Count, "the rest is not sent");
        }

        [TestMethod]
        public void ResponseLongerThanTheBufferIsBufferTooSmall()
        {
            Drivers.Pn532.Pn532Reader reader = PoweredIsoCard(out ScriptedPn532 chip);
            chip.QueueExchangeAnswer("40 01 02 03");
            chip.QueueExchangeAnswer("00 04 90 00");
            Transmit(reader, "00 B0 00 00 00", 5, SmartcardStatus.BufferTooSmall);
        }

        [TestMethod]
        public void CommandBeyondTheChipLimitIsInvalidParameter()
        {
            Drivers.Pn532.Pn532Reader reader = PoweredIsoCard(out ScriptedPn532 chip);
            int before = chip.Commands.Count;
            byte[] command = new byte[Drivers.Pn532.Pn532Reader.MaxCommandLength + 1];
            string response;
            Assert.AreEqual((int)SmartcardStatus.InvalidParameter, (int)TransmitRaw(reader, command, out response));
            Assert.AreEqual(before, chip.Commands.Count, "nothing sent");
        }

        [TestMethod]
        public void ChipErrorsMapToStatuses()
        {
            Drivers.Pn532.Pn532Reader reader = PoweredIsoCard(out ScriptedPn532 chip);
            Transmit(reader, "00 B0 00 00 00", 64, SmartcardStatus.IoTimeout);
            Assert.IsTrue(reader.IsCardPresent(), "the silent card is still in the field");
            Transmit(reader, "00 B0 00 00 00", 64, SmartcardStatus.InvalidDeviceState);
            PowerUp(reader);
            chip.QueueExchangeAnswer("13");
            Transmit(reader, "00 B0 00 00 00", 64, SmartcardStatus.DeviceProtocolError);
        }

        [TestMethod]
        public void TargetReleasedDuringAnApduIsRemoval()
        {
            Drivers.Pn532.Pn532Reader reader = PoweredIsoCard(out ScriptedPn532 chip, out PresenceLog log);
            chip.QueueExchangeAnswer("29");
            Transmit(reader, "00 B0 00 00 00", 64, SmartcardStatus.NoMedia);
            Assert.AreEqual("-", log.Events);
            Assert.IsFalse(reader.IsCardPresent(), "gone");
            Transmit(reader, "00 B0 00 00 00", 64, SmartcardStatus.NoMedia);
        }

        [TestMethod]
        public void SilentCardThatLeftIsRemoval()
        {
            Drivers.Pn532.Pn532Reader reader = PoweredIsoCard(out ScriptedPn532 chip, out PresenceLog log);
            chip.Card = null;
            Transmit(reader, "00 B0 00 00 00", 64, SmartcardStatus.NoMedia);
            Assert.AreEqual("-", log.Events);
            Assert.AreEqual("4A 01 00", CommandFromEnd(chip, 2), "the field was listed after the time-out");
            Assert.AreEqual("4A 01 03 00", CommandFromEnd(chip, 1), "type B too, as no type A target answered");
        }

        [TestMethod]
        public void PowerFindsAnotherCardOrNoneIsNoMedia()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            Drivers.Pn532.Pn532Reader reader = OpenWithCard(chip, Classic1K);
            PresenceLog log = new PresenceLog();
            reader.PresenceChanged += log.OnPresence;
            chip.Card = OtherClassic1K;
            string atr;
            Assert.AreEqual((int)SmartcardStatus.NoMedia, (int)Power(reader, PowerAction.ColdReset, out atr));
            Assert.AreEqual("-", log.Events);
            Assert.AreEqual((int)SmartcardStatus.NoMedia, (int)Power(reader, PowerAction.WarmReset, out atr));
        }

        [TestMethod]
        public void TransmitNeedsAPoweredCard()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            Drivers.Pn532.Pn532Reader reader = OpenWithCard(chip, IsoCard);
            Transmit(reader, "00 B0 00 00 00", 64, SmartcardStatus.InvalidDeviceState);
            PowerUp(reader);
            string atr;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Power(reader, PowerAction.PowerDown, out atr));
            Transmit(reader, "00 B0 00 00 00", 64, SmartcardStatus.InvalidDeviceState);
        }

        [TestMethod]
        public void MifareThroughPseudoApdus()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            Drivers.Pn532.Pn532Reader reader = OpenWithCard(chip, Classic1K);
            Assert.AreEqual("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A", PowerUp(reader));
            Assert.AreEqual("F6 8E 2A 99 90 00", Transmit(reader, "FF CA 00 00 00", 64, SmartcardStatus.Success));
            Assert.AreEqual("6A 81", Transmit(reader, "FF CA 01 00 00", 64, SmartcardStatus.Success), "no ATS");
            Assert.AreEqual("90 00", Transmit(reader, "FF 82 00 00 06 FF FF FF FF FF FF", 64, SmartcardStatus.Success));
            chip.QueueExchangeAnswer("00");
            Assert.AreEqual("90 00", Transmit(reader, "FF 86 00 00 05 01 00 04 60 00", 64, SmartcardStatus.Success));
            Assert.AreEqual("40 01 60 04 FF FF FF FF FF FF F6 8E 2A 99", CommandFromEnd(chip, 1));
            chip.QueueExchangeAnswer("00 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF");
            Assert.AreEqual("00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 90 00", Transmit(reader, "FF B0 00 04 10", 64, SmartcardStatus.Success));
            Assert.AreEqual("40 01 30 04", CommandFromEnd(chip, 1));
            chip.QueueExchangeAnswer("14");
            Assert.AreEqual("63 00", Transmit(reader, "FF 86 00 00 05 01 00 08 61 00", 64, SmartcardStatus.Success), "authentication error");
        }

        [TestMethod]
        public void DriverThreadPollsUntilClose()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            chip.Card = IsoCard;
            Pn532ReaderOptions options = new Pn532ReaderOptions();
            options.PollPeriodMicros = 100000;
            Drivers.Pn532.Pn532Reader reader = new Drivers.Pn532.Pn532Reader(options, chip, new VirtualClock());
            ArrivalSignal arrival = new ArrivalSignal();
            reader.PresenceChanged += arrival.OnPresence;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)reader.Open());
            Assert.IsTrue(arrival.Arrived.WaitOne(10000, false), "the driver thread found the card");
            reader.Close();
            int commands = chip.Commands.Count;
            Assert.IsFalse(reader.IsCardPresent(), "closed");
            Assert.AreEqual(commands, chip.Commands.Count, "no poll after Close");
        }

        sealed class ArrivalSignal
        {
            public readonly ManualResetEvent Arrived = new ManualResetEvent(false);

            public void OnPresence(IReaderDriver driver, bool present)
            {
                if (present)
                {
                    Arrived.Set();
                }
            }
        }

        [TestMethod]
        public void CloseForgetsTheCardAndTheKeys()
        {
            ScriptedPn532 chip = new ScriptedPn532();
            Drivers.Pn532.Pn532Reader reader = OpenWithCard(chip, Classic1K);
            PowerUp(reader);
            Transmit(reader, "FF 82 00 00 06 FF FF FF FF FF FF", 64, SmartcardStatus.Success);
            reader.Close();
            Assert.IsFalse(reader.IsCardPresent(), "closed");
            Assert.AreEqual((int)SmartcardStatus.Success, (int)reader.Open());
            reader.Poll();
            PowerUp(reader);
            Assert.AreEqual("63 88", Transmit(reader, "FF 86 00 00 05 01 00 04 60 00", 64, SmartcardStatus.Success), "key 0 forgotten");
        }
    }
}
