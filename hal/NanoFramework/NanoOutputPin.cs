using System.Device.Gpio;

namespace EmbeddedSmartCard.Hal.NanoFramework
{
    /// <summary><see cref="IOutputPin"/> over a nanoFramework <see cref="GpioPin"/> (RST, VCC enable, LED).</summary>
    public sealed class NanoOutputPin : IOutputPin
    {
        private readonly GpioPin _pin;
        private bool _value;

        /// <param name="mode">Output, or one of nano's open-drain modes for a line with a pull-up.</param>
        public NanoOutputPin(GpioController controller, int pinNumber, bool initialHigh, PinMode mode = PinMode.Output)
        {
            _pin = controller.OpenPin(pinNumber, mode);
            Write(initialHigh);
        }

        public bool Value
        {
            get { return _value; }
        }

        public void Write(bool high)
        {
            _value = high;
            _pin.Write(high ? PinValue.High : PinValue.Low);
        }
    }
}
