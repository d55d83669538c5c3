#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Tests.Pn532Reader;

namespace EmbeddedSmartCard.Tests.Pn532Recovery
{
    /// <summary>The RSTPDN pulse of Open, in virtual time (reference §4.2: low ≥ 20 ns, the chip ready 2 ms after release).</summary>
    [TestClass]
    public class ResetPinTests
    {
        [TestMethod]
        public void EveryOpenPulsesRstpdnBeforeTalkingToTheChip()
        {
            VirtualClock clock = new VirtualClock();
            SimOutputPin reset = new SimOutputPin(clock, true);
            PinLog log = new PinLog(clock);
            reset.Written += log.OnWritten;
            TimedTransport transport = new TimedTransport(new ScriptedPn532(), log);
            Pn532ReaderOptions options = new Pn532ReaderOptions();
            options.PollPeriodMicros = 0;
            Drivers.Pn532.Pn532Reader reader = new Drivers.Pn532.Pn532Reader(options, transport, clock, reset);

            Assert.AreEqual((int)SmartcardStatus.Success, (int)reader.Open());
            Assert.AreEqual("low@0 high@1000 wake@3000", log.Text, "1 ms low, the wake-up 2 ms after the release");
            Assert.IsTrue(reset.Value, "released: the chip runs");
            reader.Close();
            log.Text = "";
            long reopened = clock.NowMicros;

            Assert.AreEqual((int)SmartcardStatus.Success, (int)reader.Open());
            Assert.AreEqual("low@" + reopened.ToString() + " high@" + (reopened + 1000).ToString() + " wake@" + (reopened + 3000).ToString(), log.Text, "again at the next Open");
            reader.Close();
        }

        [TestMethod]
        public void WithoutAPinOpenTalksToTheChipAtOnce()
        {
            VirtualClock clock = new VirtualClock();
            PinLog log = new PinLog(clock);
            TimedTransport transport = new TimedTransport(new ScriptedPn532(), log);
            Pn532ReaderOptions options = new Pn532ReaderOptions();
            options.PollPeriodMicros = 0;

            Assert.AreEqual((int)SmartcardStatus.Success, (int)new Drivers.Pn532.Pn532Reader(options, transport, clock).Open());
            Assert.AreEqual("wake@0", log.Text);
        }

        /// <summary>Pin writes and the wake-up (the first bus access) of each Open, stamped with the virtual time.</summary>
        private sealed class PinLog
        {
            private readonly VirtualClock clock;

            public PinLog(VirtualClock clock)
            {
                this.clock = clock;
            }

            public string Text = "";

            public void OnWritten(SimOutputPin pin, bool high, long timeMicros)
            {
                Add((high ? "high@" : "low@") + timeMicros.ToString());
            }

            public void OnWakeUp()
            {
                if (Text.IndexOf("wake@") < 0)
                {
                    Add("wake@" + clock.NowMicros.ToString());
                }
            }

            private void Add(string entry)
            {
                Text = Text.Length == 0 ? entry : Text + " " + entry;
            }
        }

        /// <summary>Passes everything to the scripted chip and logs the wake-up.</summary>
        private sealed class TimedTransport : IPn532Transport
        {
            private readonly IPn532Transport inner;
            private readonly PinLog log;

            public TimedTransport(IPn532Transport inner, PinLog log)
            {
                this.inner = inner;
                this.log = log;
            }

            public SmartcardStatus WakeUp()
            {
                log.OnWakeUp();
                return inner.WakeUp();
            }

            public SmartcardStatus WriteFrame(byte[] frame, int offset, int count)
            {
                return inner.WriteFrame(frame, offset, count);
            }

            public SmartcardStatus ReadFrame(byte[] buffer, int offset, int capacity, long timeoutMicros, out int length)
            {
                return inner.ReadFrame(buffer, offset, capacity, timeoutMicros, out length);
            }
        }
    }
}
