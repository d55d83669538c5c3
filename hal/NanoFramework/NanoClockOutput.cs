using System.Device.Pwm;

namespace EmbeddedSmartCard.Hal.NanoFramework
{
    /// <summary>
    /// <see cref="IClockOutput"/> over <see cref="PwmChannel.CreateFromPin"/> at 50 % duty: the card's
    /// CLK. On ESP32 the LEDC duty resolution drops to 1 bit at a few MHz, so 3.5712–4 MHz at 50 %
    /// is plausible but must be measured on the hardware (reference/nanoframework.md §4, PWM); map
    /// the pin to a PWM function first (<see cref="Esp32Pins.Pwm"/>).
    /// </summary>
    public sealed class NanoClockOutput : IClockOutput
    {
        private const double HalfDuty = 0.5;

        private readonly int _pin;
        private PwmChannel _channel;
        private int _frequencyHz;

        public NanoClockOutput(int pin)
        {
            _pin = pin;
        }

        public int FrequencyHz
        {
            get { return _frequencyHz; }
        }

        /// <summary>A frequency of 0 or less stops the clock (PwmChannel rejects it).</summary>
        public void Start(int frequencyHz)
        {
            if (frequencyHz <= 0)
            {
                Stop();
                return;
            }

            if (_channel == null)
            {
                _channel = PwmChannel.CreateFromPin(_pin, frequencyHz, HalfDuty);
            }
            else
            {
                _channel.Frequency = frequencyHz;
                _channel.DutyCycle = HalfDuty;
            }

            _channel.Start();
            _frequencyHz = _channel.Frequency;
        }

        /// <summary>Stops the PWM; the LEDC idle level is low, which is what the contract asks.</summary>
        public void Stop()
        {
            if (_channel != null)
            {
                _channel.Stop();
            }

            _frequencyHz = 0;
        }
    }
}
