using System;
using System.Device.Gpio;

namespace EmbeddedSmartCard.Hal.NanoFramework
{
    /// <summary>
    /// <see cref="IInputPin"/> over a nanoFramework <see cref="GpioPin"/>: its
    /// <see cref="GpioPin.ValueChanged"/> event becomes <see cref="Edge"/>, debounced by the native
    /// <see cref="GpioPin.DebounceTimeout"/> (which works in whole milliseconds).
    /// </summary>
    public sealed class NanoInputPin : IInputPin
    {
        private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

        private readonly GpioPin _pin;
        private readonly IClock _clock;
        private int _debounceMicros;

        /// <param name="mode">Input, InputPullUp or InputPullDown.</param>
        public NanoInputPin(GpioController controller, int pinNumber, PinMode mode, IClock clock)
        {
            _clock = clock;
            _pin = controller.OpenPin(pinNumber, mode);
            _pin.ValueChanged += OnValueChanged;
        }

        public event PinEdgeHandler Edge;

        public int DebounceMicros
        {
            get
            {
                return _debounceMicros;
            }

            set
            {
                _debounceMicros = value < 0 ? 0 : value;
                _pin.DebounceTimeout = TimeSpan.FromTicks(_debounceMicros * TicksPerMicrosecond);
            }
        }

        public bool Read()
        {
            return _pin.Read() == PinValue.High;
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            PinEdgeHandler handler = Edge;
            if (handler != null)
            {
                handler(this, e.ChangeType == PinEventTypes.Rising, _clock.NowMicros);
            }
        }
    }
}
