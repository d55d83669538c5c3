using System;

namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// <see cref="IOutputPin"/> on a GPIO character device line (v2 uAPI), for RST, VCC enable and
    /// the like. Write never throws: a failed set leaves its errno in <see cref="LastErrno"/>.
    /// </summary>
    public sealed class LinuxGpioOutputPin : IOutputPin, IDisposable
    {
        private readonly GpioLine line;
        private bool value;

        /// <summary>
        /// Requests line <paramref name="offset"/> of <paramref name="chip"/> ("0", "gpiochip0" or
        /// "/dev/gpiochip0") as an output driven to <paramref name="initialHigh"/> from the moment it is granted.
        /// With <paramref name="activeLow"/> the kernel inverts it (GPIO_V2_LINE_FLAG_ACTIVE_LOW): Write(true) drives
        /// the pin low, as a PNP supply switch or an inverting buffer needs.
        /// </summary>
        public LinuxGpioOutputPin(string chip, int offset, bool initialHigh, bool activeLow)
        {
            GpioV2.LineConfig config = default(GpioV2.LineConfig);
            config.Flags = GpioV2.FlagOutput | (activeLow ? GpioV2.FlagActiveLow : 0);
            config.AddAttribute(GpioV2.AttributeOutputValues, initialHigh ? 1UL : 0UL);
            line = GpioLine.Request(chip, offset, config);
            value = initialHigh;
        }

        public bool Value
        {
            get { return value; }
        }

        public int LastErrno
        {
            get { return line.LastErrno; }
        }

        public void Write(bool high)
        {
            line.SetValue(high);
            value = high;
        }

        public void Dispose()
        {
            line.Dispose();
        }
    }
}
