#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.PpsExchange
{
    /// <summary>Protocol choice, the Fi/Di proposed in PPS, specific mode and the resulting timing.</summary>
    [TestClass]
    public class ProtocolSelectionTests
    {
        private const int Clock = 3571200;

        /// <summary>TA1 = 13 (Fi 372, Di 4), T=1 only.</summary>
        private const string T1Ta13 = "3B 90 13 01 82";

        /// <summary>T=0 default, T=1 offered, no TA1.</summary>
        private const string T0ThenT1 = "3B 80 80 01 01";

        private static Atr Parse(string hex)
        {
            byte[] bytes = TestSupport.Hex(hex);
            return Atr.Parse(bytes, 0, bytes.Length);
        }

        private static ReaderCapabilities Reader(int maxDataRate)
        {
            ReaderCapabilities reader = new ReaderCapabilities();
            reader.MaxDataRate = maxDataRate;
            return reader;
        }

        private static SmartcardStatus Select(ScriptedCardChannel channel, string atrHex, int requested, int maxDataRate, CardTiming timing, out int selected)
        {
            Atr atr = Parse(atrHex);
            ProtocolSelection.ApplyAtrDefaults(atr, Clock, timing);
            return ProtocolSelection.Select(channel, atr, requested, Reader(maxDataRate), timing, out selected);
        }

        [TestMethod]
        public void AtrDefaultsAreFdDdAndWt9600Etu()
        {
            CardTiming timing = new CardTiming();
            ProtocolSelection.ApplyAtrDefaults(Parse("3F 96 18 80 01 80 51 00 61 10 30 9F"), Clock, timing);
            Assert.AreEqual(Clock, timing.ClockHz);
            Assert.AreEqual(372, timing.F);
            Assert.AreEqual(1, timing.D);
            Assert.IsTrue(timing.InverseConvention, "TS = 3F");
            Assert.AreEqual(Protocols.Undefined, timing.Protocol);
            Assert.AreEqual(1000000, timing.WaitingTimeMicros);
            Assert.AreEqual(12, timing.CharacterGuardEtu);
            Assert.AreEqual(16, timing.TurnaroundEtu);
        }

        [TestMethod]
        public void Tc1AddsGuardTime()
        {
            CardTiming timing = new CardTiming();
            ProtocolSelection.ApplyAtrDefaults(Parse("3B 50 13 02"), Clock, timing);
            Assert.AreEqual(14, timing.CharacterGuardEtu);
            ProtocolSelection.ApplyAtrDefaults(Parse("3B 40 FF"), Clock, timing);
            Assert.AreEqual(12, timing.CharacterGuardEtu);
        }

        [TestMethod]
        public void WithT15TheExtraGuardTimeUsesFiDi()
        {
            // R = Fi/Di = 93 clocks, N = 2: 186 clocks = 0.5 etu at Fd/Dd, rounded up to 1.
            CardTiming timing = new CardTiming();
            ProtocolSelection.ApplyAtrDefaults(Parse("3B D0 13 02 80 1F C3 9D"), Clock, timing);
            Assert.AreEqual(13, timing.CharacterGuardEtu);
        }

        [TestMethod]
        public void PpsUpToTheCardsTa1()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Reply("FF 11 13 FD");
            CardTiming timing = new CardTiming();
            int selected;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Select(channel, T1Ta13, Protocols.Any, 115200, timing, out selected));
            Assert.AreEqual("FF 11 13 FD", channel.SentHex);
            Assert.AreEqual(Protocols.T1, selected);
            Assert.AreEqual(372, timing.F);
            Assert.AreEqual(4, timing.D);
            Assert.AreEqual(38400, timing.BaudRate);
            Assert.AreEqual(Protocols.T1, timing.Protocol);
            Assert.AreEqual(213620, timing.CharacterWaitingTimeMicros);
            Assert.AreEqual(1600287, timing.BlockWaitingTimeMicros);
            Assert.AreEqual(22, timing.TurnaroundEtu);
            Assert.AreEqual(12, timing.CharacterGuardEtu);
            Assert.AreEqual(32, timing.Ifsc);
            Assert.AreEqual(1, channel.ApplyTimingCalls);
            Assert.AreEqual(4, channel.Applied.D);
        }

        [TestMethod]
        public void ReplyWithoutPps1KeepsFdDd()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Reply("FF 01 FE");
            CardTiming timing = new CardTiming();
            int selected;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Select(channel, T1Ta13, Protocols.Any, 115200, timing, out selected));
            Assert.AreEqual(Protocols.T1, selected);
            Assert.AreEqual(372, timing.F);
            Assert.AreEqual(1, timing.D);
            Assert.AreEqual(854480, timing.CharacterWaitingTimeMicros);
            Assert.AreEqual(1601146, timing.BlockWaitingTimeMicros);
        }

        [TestMethod]
        public void CardFasterThanReaderWalksDiDown()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Reply("FF 11 13 FD");
            CardTiming timing = new CardTiming();
            int selected;
            // TA1 = 18 asks for 115 200 bd; a 57 600 bd reader settles for Di = 4 (38 400 bd).
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Select(channel, "3B 90 18 01 89", Protocols.Any, 57600, timing, out selected));
            Assert.AreEqual("FF 11 13 FD", channel.SentHex);
            Assert.AreEqual(4, timing.D);
        }

        [TestMethod]
        public void FastestChoiceKeepsTheCardsFi()
        {
            ReaderCapabilities reader = Reader(115200);
            // F = 512, D = 32 would be 223 200 bd; D = 16 gives 111 600 bd.
            Assert.AreEqual(0x95, ProtocolSelection.FastestFiDi(Parse("3B 90 96 01 07"), reader, Clock));
            Assert.AreEqual(0x18, ProtocolSelection.FastestFiDi(Parse("3B 90 18 01 89"), reader, Clock));
            Assert.AreEqual(0x11, ProtocolSelection.FastestFiDi(Parse("3B 90 18 01 89"), Reader(9600), Clock));
            Assert.AreEqual(0x11, ProtocolSelection.FastestFiDi(Parse(T0ThenT1), reader, Clock));
        }

        [TestMethod]
        public void ClockAboveTheCardsFMaxKeepsFdDd()
        {
            // TA1 = 03: Fi 372 with f(max) 4 MHz; a 4.5 MHz reader clock may not use it.
            Atr atr = Parse("3B 10 03");
            Assert.AreEqual(0x11, ProtocolSelection.FastestFiDi(atr, Reader(115200), 4500000));
            Assert.AreEqual(0x03, ProtocolSelection.FastestFiDi(atr, Reader(115200), Clock));
        }

        [TestMethod]
        public void DefaultProtocolAtFdDdNeedsNoPps()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            CardTiming timing = new CardTiming();
            int selected;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Select(channel, T0ThenT1, Protocols.T0, 115200, timing, out selected));
            Assert.AreEqual(0, channel.SentCount);
            Assert.AreEqual(Protocols.T0, selected);
            Assert.AreEqual(1000000, timing.WaitingTimeMicros);
            Assert.AreEqual(16, timing.TurnaroundEtu);
        }

        [TestMethod]
        public void NonDefaultProtocolIsNegotiated()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Reply("FF 01 FE");
            CardTiming timing = new CardTiming();
            int selected;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Select(channel, T0ThenT1, Protocols.Any, 115200, timing, out selected));
            Assert.AreEqual("FF 01 FE", channel.SentHex);
            Assert.AreEqual(Protocols.T1, selected);
        }

        [TestMethod]
        public void T0WaitingTimeUsesWiAndFi()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            CardTiming timing = new CardTiming();
            int selected;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Select(channel, "3B 80 40 14", Protocols.T0, 115200, timing, out selected));
            Assert.AreEqual(2000000, timing.WaitingTimeMicros);
            // TA1 = 91 (Fi 512) is slower than Fd/Dd, so no PPS, yet WT counts in Fi: 10·960·512/f.
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Select(channel, "3B 10 91", Protocols.T0, 115200, timing, out selected));
            Assert.AreEqual(0, channel.SentCount);
            Assert.AreEqual(372, timing.F);
            Assert.AreEqual(1376345, timing.WaitingTimeMicros);
        }

        [TestMethod]
        public void MinimumGuardTimeUnderT1Is11Etu()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            CardTiming timing = new CardTiming();
            int selected;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Select(channel, "3B C0 FF 01 3E", Protocols.T1, 115200, timing, out selected));
            Assert.AreEqual(11, timing.CharacterGuardEtu);
        }

        [TestMethod]
        public void FailedPpsReportsAndAppliesNothing()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Reply("FF 11 13 FC");
            CardTiming timing = new CardTiming();
            int selected;
            Assert.AreEqual((int)SmartcardStatus.DeviceProtocolError, (int)Select(channel, T1Ta13, Protocols.Any, 115200, timing, out selected));
            Assert.AreEqual(Protocols.Undefined, selected);
            Assert.AreEqual(0, channel.ApplyTimingCalls);
        }

        [TestMethod]
        public void SilentCardTimesOut()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            CardTiming timing = new CardTiming();
            int selected;
            Assert.AreEqual((int)SmartcardStatus.IoTimeout, (int)Select(channel, T1Ta13, Protocols.Any, 115200, timing, out selected));
            Assert.AreEqual(Protocols.Undefined, selected);
        }

        [TestMethod]
        public void ProtocolNotOfferedIsNotSupported()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            CardTiming timing = new CardTiming();
            int selected;
            Assert.AreEqual((int)SmartcardStatus.NotSupported, (int)Select(channel, T1Ta13, Protocols.T0, 115200, timing, out selected));
            Assert.AreEqual(0, channel.SentCount);
            Assert.AreEqual((int)SmartcardStatus.NotSupported, (int)Select(channel, T1Ta13, Protocols.Raw, 115200, timing, out selected));
        }

        [TestMethod]
        public void DefaultRequestSkipsPps()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            CardTiming timing = new CardTiming();
            int selected;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Select(channel, T1Ta13, Protocols.Default, 115200, timing, out selected));
            Assert.AreEqual(0, channel.SentCount);
            Assert.AreEqual(Protocols.T1, selected);
            Assert.AreEqual(1, timing.D);
        }

        [TestMethod]
        public void SpecificModeUsesTa1WithoutPps()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            CardTiming timing = new CardTiming();
            int selected;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Select(channel, "3B 90 13 11 01 93", Protocols.Any, 115200, timing, out selected));
            Assert.AreEqual(0, channel.SentCount);
            Assert.AreEqual(Protocols.T1, selected);
            Assert.AreEqual(4, timing.D);
            Assert.AreEqual(1, channel.ApplyTimingCalls);
        }

        [TestMethod]
        public void SpecificModeRefusals()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            CardTiming timing = new CardTiming();
            int selected;
            Assert.AreEqual((int)SmartcardStatus.NotSupported, (int)Select(channel, "3B 90 13 11 01 93", Protocols.T0, 115200, timing, out selected));
            Assert.AreEqual((int)SmartcardStatus.NotSupported, (int)Select(channel, "3B 90 97 11 91 87", Protocols.Any, 115200, timing, out selected));
            Assert.AreEqual((int)SmartcardStatus.NotSupported, (int)Select(channel, "3B 90 13 11 01 93", Protocols.Any, 19200, timing, out selected));
            Assert.AreEqual(0, channel.SentCount);
            Assert.AreEqual(0, channel.ApplyTimingCalls);
        }

        [TestMethod]
        public void UnusableAtrIsUnrecognizedMedia()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            CardTiming timing = new CardTiming();
            int selected;
            Assert.AreEqual((int)SmartcardStatus.UnrecognizedMedia, (int)ProtocolSelection.Select(channel, Parse("3B 95 13"), Protocols.Any, Reader(115200), timing, out selected));
            Assert.AreEqual((int)SmartcardStatus.UnrecognizedMedia, (int)ProtocolSelection.Select(channel, null, Protocols.Any, Reader(115200), timing, out selected));
        }
    }
}
