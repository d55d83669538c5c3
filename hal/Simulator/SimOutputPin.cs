namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>Called each time a <see cref="SimOutputPin"/> is written, with the virtual time of the write.</summary>
    public delegate void SimPinWrittenHandler(SimOutputPin pin, bool high, long timeMicros);

    /// <summary>
    /// An output pin the host drives (RST, VCC) and the simulated card observes: every <see cref="Write"/>
    /// raises <see cref="Written"/> synchronously, stamped with the virtual time, whether or not the level changed.
    /// </summary>
    public sealed class SimOutputPin : IOutputPin
    {
        private readonly VirtualClock _clock;
        private bool _value;

        public SimOutputPin(VirtualClock clock, bool initialHigh)
        {
            _clock = clock;
            _value = initialHigh;
        }

        public event SimPinWrittenHandler Written;

        public bool Value
        {
            get { return _value; }
        }

        public void Write(bool high)
        {
            _value = high;
            SimPinWrittenHandler handler = Written;
            if (handler != null)
            {
                handler(this, high, _clock.NowMicros);
            }
        }
    }
}
