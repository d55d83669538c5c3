namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>
    /// The CLK contact of a simulated card: records the frequency the host starts, from which the card
    /// derives its etu (F / (D·f)) and its activation timing in clock cycles.
    /// </summary>
    public sealed class SimClockOutput : IClockOutput
    {
        public int FrequencyHz { get; private set; }

        public void Start(int frequencyHz)
        {
            FrequencyHz = frequencyHz > 0 ? frequencyHz : 0;
        }

        public void Stop()
        {
            FrequencyHz = 0;
        }
    }
}
