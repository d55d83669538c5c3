using System;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>
    /// The buses and pins of one platform (the simulator, Linux, nanoFramework), opened from a profile's
    /// wiring. A <see cref="ProfileBoard"/> asks it for each part a profile names; Dispose releases
    /// everything it opened. Every Open* throws (with the port or pin named) when the part cannot be opened.
    /// </summary>
    public interface IBoardHardware : IDisposable
    {
        /// <summary>"simulator", "linux" or "nanoframework".</summary>
        string Platform { get; }

        IClock Clock { get; }

        IUartLine OpenUart(UartWiring wiring);

        II2cDevice OpenI2c(I2cWiring wiring);

        /// <summary>SPI mode 0; LSB-first is asked of the controller where it can (the PN532 shifts LSB first).</summary>
        ISpiDevice OpenSpi(SpiWiring wiring);

        /// <summary>An output whose Write(true) drives the active level of <paramref name="wiring"/>.</summary>
        IOutputPin OpenOutput(PinWiring wiring, bool initialActive);

        /// <summary>An input whose Read() is true at the active level of <paramref name="wiring"/>.</summary>
        IInputPin OpenInput(PinWiring wiring, int debounceMicros);

        /// <summary>A card CLK from a PWM-capable pin.</summary>
        IClockOutput OpenClockOutput(PinWiring wiring);
    }
}
