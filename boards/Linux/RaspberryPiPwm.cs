using System;

namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>
    /// Which sysfs PWM channel drives a Raspberry Pi header GPIO. The BCM2835/BCM2711 PWM block (Pi 1–4)
    /// has two channels: PWM0 comes out on GPIO12 or GPIO18 (alternate functions ALT0/ALT5), PWM1 on
    /// GPIO13 or GPIO19 (BCM2835 ARM Peripherals §9.5, "Alternative function assignments"); the pwm /
    /// pwm-2chan overlays route them and expose the block as pwmchip0.
    /// </summary>
    public static class RaspberryPiPwm
    {
        /// <summary>The GPIOs a PWM channel can reach, quoted when another pin is asked for.</summary>
        public const string Pins = "GPIO12 or GPIO18 (channel 0), GPIO13 or GPIO19 (channel 1)";

        /// <summary>The channel of <paramref name="gpio"/>; ArgumentException for a GPIO no PWM channel reaches.</summary>
        public static int ChannelOf(int gpio)
        {
            switch (gpio)
            {
                case 12:
                case 18:
                    return 0;
                case 13:
                case 19:
                    return 1;
                default:
                    throw new ArgumentException("GPIO" + gpio + " cannot carry a PWM clock on a Raspberry Pi; use " + Pins, "gpio");
            }
        }
    }
}
