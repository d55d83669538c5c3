#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Simulator
{
    [TestClass]
    public class SimPinTests
    {
        private int _edges;
        private bool _lastLevel;
        private long _lastTime;

        private void OnEdge(IInputPin pin, bool high, long timeMicros)
        {
            _edges++;
            _lastLevel = high;
            _lastTime = timeMicros;
        }

        [TestMethod]
        public void VirtualClockRunsTimersInDueOrderWhileAdvancing()
        {
            VirtualClock clock = new VirtualClock();
            long[] fired = new long[3];
            int count = 0;
            VirtualTimerHandler record = delegate(VirtualTimer timer, long due) { fired[count++] = clock.NowMicros; };
            clock.Schedule(300, record, null);
            clock.Schedule(100, record, null);
            VirtualTimer cancelled = clock.Schedule(200, record, null);
            clock.Cancel(cancelled);

            clock.Delay(250);
            Assert.AreEqual(1, count);
            Assert.AreEqual(100L, fired[0]);
            Assert.AreEqual(250L, clock.NowMicros);
            clock.AdvanceTo(1000);
            Assert.AreEqual(2, count);
            Assert.AreEqual(300L, fired[1]);
            clock.AdvanceTo(10);
            Assert.AreEqual(1000L, clock.NowMicros, "time never goes backwards");
        }

        [TestMethod]
        public void OutputPinReportsEveryWriteWithItsVirtualTime()
        {
            VirtualClock clock = new VirtualClock(500);
            SimOutputPin pin = new SimOutputPin(clock, false);
            int writes = 0;
            long when = 0;
            pin.Written += delegate(SimOutputPin p, bool high, long time) { writes++; when = time; };

            pin.Write(true);
            Assert.IsTrue(pin.Value, "level kept");
            Assert.AreEqual(1, writes);
            Assert.AreEqual(500L, when);
        }

        [TestMethod]
        public void InputPinWithoutDebounceReportsEdgesAtOnce()
        {
            VirtualClock clock = new VirtualClock();
            SimInputPin pin = new SimInputPin(clock, false);
            pin.Edge += OnEdge;

            pin.Set(true);
            pin.Set(true);
            Assert.AreEqual(1, _edges, "a repeated level is no edge");
            Assert.IsTrue(_lastLevel, "rising");
            Assert.IsTrue(pin.Read(), "raw level");
        }

        [TestMethod]
        public void InputPinDebouncesInVirtualTime()
        {
            VirtualClock clock = new VirtualClock();
            SimInputPin pin = new SimInputPin(clock, false);
            pin.DebounceMicros = 1000;
            pin.Edge += OnEdge;

            pin.Set(true);
            clock.Advance(400);
            pin.Set(false);
            clock.Advance(5000);
            Assert.AreEqual(0, _edges, "a 400 µs pulse is bounce");

            pin.Set(true);
            Assert.IsTrue(pin.Read(), "raw level changes at once");
            clock.Advance(5000);
            Assert.AreEqual(1, _edges);
            Assert.AreEqual(6400L, _lastTime, "reported when the level has held for the debounce time");
        }

        [TestMethod]
        public void ClockOutputRecordsTheFrequency()
        {
            SimClockOutput output = new SimClockOutput();
            output.Start(3571200);
            Assert.AreEqual(3571200, output.FrequencyHz);
            output.Stop();
            Assert.AreEqual(0, output.FrequencyHz);
        }
    }
}
