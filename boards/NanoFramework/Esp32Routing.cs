using System;
using EmbeddedSmartCard.Boards.Profiles;
using EmbeddedSmartCard.Hal.NanoFramework;

namespace EmbeddedSmartCard.Boards.NanoFramework
{
    /// <summary>
    /// Routes a wiring's signals to its GPIOs on an ESP32 through <see cref="Esp32Pins"/> before the port, bus
    /// or PWM channel is opened (the ESP32 GPIO matrix: reference nanoframework.md §4, "ESP32 needs pin muxing").
    /// A wiring the ESP32 cannot route is an ArgumentException naming it and the valid range.
    /// </summary>
    public sealed class Esp32Routing
    {
        private const string ComPrefix = "COM";

        /// <summary>LEDC channels PWM1–PWM16 (Esp32Pins.Pwm).</summary>
        private const int PwmChannelCount = 16;

        private int nextPwmChannel = 1;

        /// <summary>COMn's TX and RX (n = 1–4; COM1 is UART0, which the firmware's debugger may own).</summary>
        public void Uart(UartWiring wiring)
        {
            int com = ComNumber(wiring.Port);
            RequirePin("UART " + wiring.Port + " TX", wiring.TxPin);
            RequirePin("UART " + wiring.Port + " RX", wiring.RxPin);
            Check(Esp32Pins.Uart(com, wiring.TxPin, wiring.RxPin), "UART " + wiring.Port + ": COM1 to COM4 can be routed");
        }

        public void Spi(SpiWiring wiring)
        {
            RequirePin("SPI" + wiring.Bus + " MOSI", wiring.MosiPin);
            RequirePin("SPI" + wiring.Bus + " MISO", wiring.MisoPin);
            RequirePin("SPI" + wiring.Bus + " SCK", wiring.SckPin);
            Check(Esp32Pins.Spi(wiring.Bus, wiring.MosiPin, wiring.MisoPin, wiring.SckPin), "SPI bus " + wiring.Bus + ": buses 1 and 2 can be routed");
        }

        public void I2c(I2cWiring wiring)
        {
            RequirePin("I2C" + wiring.Bus + " SDA", wiring.SdaPin);
            RequirePin("I2C" + wiring.Bus + " SCL", wiring.SclPin);
            Check(Esp32Pins.I2c(wiring.Bus, wiring.SdaPin, wiring.SclPin), "I2C bus " + wiring.Bus + ": buses 1 and 2 can be routed");
        }

        /// <summary>The next free LEDC channel to <paramref name="pin"/>: one channel per clock output.</summary>
        public void Pwm(int pin)
        {
            if (nextPwmChannel > PwmChannelCount)
            {
                throw new ArgumentException("PWM on GPIO" + pin.ToString() + ": all " + PwmChannelCount.ToString() + " LEDC channels are in use");
            }

            Esp32Pins.Pwm(nextPwmChannel, pin);
            nextPwmChannel++;
        }

        private static int ComNumber(string port)
        {
            if (port == null || port.Length != ComPrefix.Length + 1 || !port.StartsWith(ComPrefix))
            {
                throw new ArgumentException("UART port '" + port + "': expected COM1 to COM4");
            }

            return port[ComPrefix.Length] - '0';
        }

        private static void RequirePin(string signal, int pin)
        {
            if (pin < 0)
            {
                throw new ArgumentException(signal + " has no GPIO: an ESP32 wiring names every routed pin");
            }
        }

        private static void Check(bool routed, string problem)
        {
            if (!routed)
            {
                throw new ArgumentException(problem);
            }
        }
    }
}
