namespace EmbeddedSmartCard.Hal
{
    /// <summary>A digital output (RST, VCC enable, door strike, LED).</summary>
    public interface IOutputPin
    {
        void Write(bool high);

        bool Value { get; }
    }

    /// <summary>Called on an edge of an input pin after debouncing; <paramref name="high"/> is the new level.</summary>
    public delegate void PinEdgeHandler(IInputPin pin, bool high, long timeMicros);

    /// <summary>A digital input with edge events (card detect, PN532 IRQ, door sensor).</summary>
    public interface IInputPin
    {
        bool Read();

        /// <summary>Edges closer together than this are treated as bounce and not reported. 0 disables debouncing.</summary>
        int DebounceMicros { get; set; }

        /// <summary>Raised on every debounced level change, from a HAL thread.</summary>
        event PinEdgeHandler Edge;
    }
}
