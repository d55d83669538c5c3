using System.Globalization;
using EmbeddedSmartCard.Boards.Profiles;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Linux;

namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>
    /// <see cref="IBoardHardware"/> over hal/Linux: a UART is a tty, an I2C device /dev/i2c-N, a SPI device
    /// /dev/spidevB.C, a pin a line of one GPIO chip (BCM numbering on a Raspberry Pi's gpiochip0) and a card
    /// CLK a channel of a sysfs PWM chip. Pin routing belongs to the device tree here (config.txt overlays),
    /// so the wirings' TX/RX/SDA/SCL/MOSI… pins are not used. Every part opened is released on Dispose.
    /// A device that does not exist or cannot be opened is an IOException naming it (from hal/Linux).
    /// </summary>
    public sealed class LinuxHardware : IBoardHardware
    {
        /// <summary>The PWM block of the BCM2835/BCM2711 once the pwm overlay is loaded.</summary>
        public const int DefaultPwmChip = 0;

        /// <summary>SPI mode 0: the only one the PN532 C106 has (AN10609, reference iso7816-pn532.md §3.2 "SPI").</summary>
        private const int SpiMode = 0;

        private readonly string gpioChip;
        private readonly int pwmChip;
        private readonly OwnedParts parts = new OwnedParts();

        /// <param name="gpioChip">N of /dev/gpiochipN, the chip every pin number is a line of (0 for a Raspberry Pi's header).</param>
        public LinuxHardware(int gpioChip) : this(gpioChip, DefaultPwmChip)
        {
        }

        /// <param name="gpioChip">N of /dev/gpiochipN, the chip every pin number is a line of.</param>
        /// <param name="pwmChip">N of /sys/class/pwm/pwmchipN.</param>
        public LinuxHardware(int gpioChip, int pwmChip)
        {
            this.gpioChip = Number(gpioChip);
            this.pwmChip = pwmChip;
        }

        public string Platform
        {
            get { return BoardProfile.LinuxPlatform; }
        }

        public IClock Clock
        {
            get { return MonotonicClock.Instance; }
        }

        public IUartLine OpenUart(UartWiring wiring)
        {
            return parts.Own(new LinuxUartLine(wiring.Port, wiring.SingleWire));
        }

        /// <summary>The bus clock is the kernel's (dtparam=i2c_arm_baudrate on a Pi): user space cannot set it.</summary>
        public II2cDevice OpenI2c(I2cWiring wiring)
        {
            return parts.Own(new LinuxI2cDevice(Number(wiring.Bus), wiring.Address));
        }

        /// <summary>The controller drives chip select <see cref="SpiWiring.ChipSelect"/> of bus <see cref="SpiWiring.Bus"/>.</summary>
        public ISpiDevice OpenSpi(SpiWiring wiring)
        {
            string device = "/dev/spidev" + Number(wiring.Bus) + "." + Number(wiring.ChipSelect);
            return parts.Own(new LinuxSpiDevice(device, SpiMode, wiring.ClockHz, true));
        }

        /// <summary>The kernel applies the polarity (GPIO_V2_LINE_FLAG_ACTIVE_LOW), so the pin reads back the active level too.</summary>
        public IOutputPin OpenOutput(PinWiring wiring, bool initialActive)
        {
            return parts.Own(new LinuxGpioOutputPin(gpioChip, wiring.Pin, initialActive, wiring.ActiveLow));
        }

        public IInputPin OpenInput(PinWiring wiring, int debounceMicros)
        {
            return parts.Own(new LinuxGpioInputPin(gpioChip, wiring.Pin, debounceMicros, wiring.ActiveLow));
        }

        /// <summary>The pin's PWM channel (<see cref="RaspberryPiPwm"/>) of the PWM chip; the overlay routes it to the pin.</summary>
        public IClockOutput OpenClockOutput(PinWiring wiring)
        {
            return parts.Own(new LinuxPwmClock(pwmChip, RaspberryPiPwm.ChannelOf(wiring.Pin)));
        }

        public void Dispose()
        {
            parts.DisposeAll();
        }

        private static string Number(int value)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }
    }
}
