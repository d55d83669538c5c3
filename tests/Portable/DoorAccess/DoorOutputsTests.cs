#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Firmware.DoorAccess;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.DoorAccess
{
    /// <summary>The door outputs' timing in virtual time: strike and LEDs for their times, the buzzer patterns.</summary>
    [TestClass]
    public class DoorOutputsTests
    {
        private const long Milli = 1000;

        [TestMethod]
        public void AGrantReleasesTheStrikeForItsTimeWithOneBeep()
        {
            OutputsRig rig = new OutputsRig();
            rig.Outputs.Grant(3000);
            Assert.IsTrue(rig.Relay.Value && rig.LedGreen.Value && rig.Buzzer.Value, "strike, green and beep at once");
            Assert.AreEqual(200 * Milli, rig.Outputs.NextChangeMicros, "the beep ends first");
            rig.At(200 * Milli);
            Assert.IsFalse(rig.Buzzer.Value, "one beep of 200 ms");
            Assert.IsTrue(rig.Relay.Value, "strike still released");
            Assert.AreEqual(3000 * Milli, rig.Outputs.NextChangeMicros);
            rig.At(2999 * Milli);
            Assert.IsTrue(rig.Relay.Value && rig.LedGreen.Value, "until the strike time");
            rig.At(3000 * Milli);
            Assert.IsFalse(rig.Relay.Value || rig.LedGreen.Value || rig.Buzzer.Value, "all idle");
            Assert.AreEqual(PinPattern.Never, rig.Outputs.NextChangeMicros);
        }

        [TestMethod]
        public void ADenialShowsRedWithThreeBeeps()
        {
            OutputsRig rig = new OutputsRig();
            rig.Outputs.Deny(1000);
            int beeps = 0;
            bool last = false;
            for (long t = 0; t <= 1000 * Milli; t += 50 * Milli)
            {
                rig.At(t);
                if (rig.Buzzer.Value && !last)
                {
                    beeps++;
                }

                last = rig.Buzzer.Value;
                Assert.AreEqual(t < 1000 * Milli, rig.LedRed.Value, "red at " + t.ToString());
                Assert.IsFalse(rig.Relay.Value, "strike shut");
            }

            Assert.AreEqual(3, beeps);
        }

        [TestMethod]
        public void ADenialLocksAStrikeStillReleased()
        {
            OutputsRig rig = new OutputsRig();
            rig.Outputs.Grant(3000);
            rig.At(500 * Milli);
            rig.Outputs.Deny(1000);
            Assert.IsFalse(rig.Relay.Value || rig.LedGreen.Value, "strike and green off");
            Assert.IsTrue(rig.LedRed.Value);
        }

        [TestMethod]
        public void MissingPinsAreSkipped()
        {
            VirtualClock clock = new VirtualClock();
            DoorOutputs outputs = new DoorOutputs(clock, null, null, null, null);
            outputs.Grant(100);
            clock.Advance(200 * Milli);
            outputs.Update();
            Assert.AreEqual(PinPattern.Never, outputs.NextChangeMicros);
        }

        private sealed class OutputsRig
        {
            public OutputsRig()
            {
                Clock = new VirtualClock();
                Relay = new SimOutputPin(Clock, false);
                LedGreen = new SimOutputPin(Clock, false);
                LedRed = new SimOutputPin(Clock, false);
                Buzzer = new SimOutputPin(Clock, false);
                Outputs = new DoorOutputs(Clock, Relay, LedGreen, LedRed, Buzzer);
            }

            public VirtualClock Clock;
            public SimOutputPin Relay;
            public SimOutputPin LedGreen;
            public SimOutputPin LedRed;
            public SimOutputPin Buzzer;
            public DoorOutputs Outputs;

            public void At(long micros)
            {
                Clock.AdvanceTo(micros);
                Outputs.Update();
            }
        }
    }
}
