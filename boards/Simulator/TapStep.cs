namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>One step of a <see cref="TapScript"/>: at a virtual time, a card of a kind enters the field (or, for "none", the field empties).</summary>
    public sealed class TapStep
    {
        public TapStep(long atMicros, string cardKind)
        {
            AtMicros = atMicros;
            CardKind = cardKind;
        }

        /// <summary>Virtual time of the step, from the moment the script starts playing.</summary>
        public long AtMicros { get; private set; }

        /// <summary>A <see cref="SimulatorPn532Cards"/> kind; <see cref="SimulatorPn532Cards.None"/> takes the card away.</summary>
        public string CardKind { get; private set; }
    }
}
