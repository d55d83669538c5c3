using System.Collections;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.Pn532
{
    /// <summary>The P70_IRQ line of a <see cref="FakePn532"/>: low while a frame is queued.</summary>
    internal sealed class FakeIrqPin : IInputPin
    {
        private readonly FakePn532 chip;

        public FakeIrqPin(FakePn532 chip)
        {
            this.chip = chip;
        }

        public int ReadCount { get; private set; }

        public bool Read()
        {
            ReadCount++;
            return !chip.Ready;
        }

        public int DebounceMicros { get; set; }

        public event PinEdgeHandler Edge
        {
            add { }
            remove { }
        }
    }

    /// <summary>An output pin that records each level written and when.</summary>
    internal sealed class FakeOutputPin : IOutputPin
    {
        private readonly FakeClock clock;
        private readonly ArrayList times = new ArrayList();
        private readonly ArrayList levels = new ArrayList();

        public FakeOutputPin(FakeClock clock)
        {
            this.clock = clock;
        }

        public bool Value { get; private set; }

        public int WriteCount
        {
            get { return levels.Count; }
        }

        public bool Level(int index)
        {
            return (bool)levels[index];
        }

        public long Time(int index)
        {
            return (long)times[index];
        }

        public void Write(bool high)
        {
            Value = high;
            levels.Add(high);
            times.Add(clock.NowMicros);
        }
    }
}
