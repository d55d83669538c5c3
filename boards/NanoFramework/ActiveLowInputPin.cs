using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Boards.NanoFramework
{
    /// <summary>An input asserted by a low level (a switch closing to ground): Read() and edges report the active level.</summary>
    public sealed class ActiveLowInputPin : IInputPin
    {
        private readonly IInputPin pin;

        public ActiveLowInputPin(IInputPin pin)
        {
            this.pin = pin;
            pin.Edge += OnEdge;
        }

        public event PinEdgeHandler Edge;

        public int DebounceMicros
        {
            get { return pin.DebounceMicros; }
            set { pin.DebounceMicros = value; }
        }

        public bool Read()
        {
            return !pin.Read();
        }

        private void OnEdge(IInputPin source, bool high, long timeMicros)
        {
            PinEdgeHandler handler = Edge;
            if (handler != null)
            {
                handler(this, !high, timeMicros);
            }
        }
    }
}
