using nanoFramework.Hardware.Esp32;

namespace EmbeddedSmartCard.Hal.NanoFramework
{
    /// <summary>
    /// ESP32 pin muxing: UART, SPI, I2C and PWM functions must be routed to their GPIOs with
    /// <see cref="Configuration.SetPinFunction"/> before the port, bus or channel is opened
    /// (reference/nanoframework.md §4). Indexes are 1-based, like the "COM1" port names.
    /// </summary>
    public static class Esp32Pins
    {
        private static readonly DeviceFunction[] ComTx = { DeviceFunction.COM1_TX, DeviceFunction.COM2_TX, DeviceFunction.COM3_TX, DeviceFunction.COM4_TX };
        private static readonly DeviceFunction[] ComRx = { DeviceFunction.COM1_RX, DeviceFunction.COM2_RX, DeviceFunction.COM3_RX, DeviceFunction.COM4_RX };
        private static readonly DeviceFunction[] SpiMosi = { DeviceFunction.SPI1_MOSI, DeviceFunction.SPI2_MOSI };
        private static readonly DeviceFunction[] SpiMiso = { DeviceFunction.SPI1_MISO, DeviceFunction.SPI2_MISO };
        private static readonly DeviceFunction[] SpiClock = { DeviceFunction.SPI1_CLOCK, DeviceFunction.SPI2_CLOCK };
        private static readonly DeviceFunction[] I2cData = { DeviceFunction.I2C1_DATA, DeviceFunction.I2C2_DATA };
        private static readonly DeviceFunction[] I2cClock = { DeviceFunction.I2C1_CLOCK, DeviceFunction.I2C2_CLOCK };

        private static readonly DeviceFunction[] PwmChannels =
        {
            DeviceFunction.PWM1, DeviceFunction.PWM2, DeviceFunction.PWM3, DeviceFunction.PWM4,
            DeviceFunction.PWM5, DeviceFunction.PWM6, DeviceFunction.PWM7, DeviceFunction.PWM8,
            DeviceFunction.PWM9, DeviceFunction.PWM10, DeviceFunction.PWM11, DeviceFunction.PWM12,
            DeviceFunction.PWM13, DeviceFunction.PWM14, DeviceFunction.PWM15, DeviceFunction.PWM16,
        };

        /// <summary>Routes COM<paramref name="com"/> to two pins; for a single-wire ISO 7816 line tie them (open drain) to I/O.</summary>
        /// <returns>False when <paramref name="com"/> is not 1–4.</returns>
        public static bool Uart(int com, int txPin, int rxPin)
        {
            return Route(ComTx, com, txPin) && Route(ComRx, com, rxPin);
        }

        public static bool Spi(int bus, int mosiPin, int misoPin, int clockPin)
        {
            return Route(SpiMosi, bus, mosiPin) && Route(SpiMiso, bus, misoPin) && Route(SpiClock, bus, clockPin);
        }

        public static bool I2c(int bus, int dataPin, int clockPin)
        {
            return Route(I2cData, bus, dataPin) && Route(I2cClock, bus, clockPin);
        }

        /// <summary>Routes LEDC channel <paramref name="channel"/> (1–16) to <paramref name="pin"/> for <see cref="NanoClockOutput"/>.</summary>
        public static bool Pwm(int channel, int pin)
        {
            return Route(PwmChannels, channel, pin);
        }

        private static bool Route(DeviceFunction[] functions, int index, int pin)
        {
            if (index < 1 || index > functions.Length)
            {
                return false;
            }

            Configuration.SetPinFunction(pin, functions[index - 1]);
            return true;
        }
    }
}
