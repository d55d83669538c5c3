using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Boards.NanoFramework
{
    /// <summary>An output asserted by a low level (a P-channel supply switch): Write(true) drives the pin low.</summary>
    public sealed class ActiveLowOutputPin : IOutputPin
    {
        private readonly IOutputPin pin;

        public ActiveLowOutputPin(IOutputPin pin)
        {
            this.pin = pin;
        }

        public bool Value
        {
            get { return !pin.Value; }
        }

        public void Write(bool high)
        {
            pin.Write(!high);
        }
    }
}
