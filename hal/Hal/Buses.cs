namespace EmbeddedSmartCard.Hal
{
    /// <summary>Outcome of an I2C transfer (no exceptions on this path: nanoFramework returns a status too).</summary>
    public enum I2cStatus
    {
        Ok = 0,
        /// <summary>The addressed device did not acknowledge (absent, busy or clock-stretching too long).</summary>
        AddressNak = 1,
        /// <summary>The device stopped acknowledging during the data phase.</summary>
        DataNak = 2,
        /// <summary>Bus fault: arbitration lost, stuck line, time-out.</summary>
        BusError = 3,
    }

    /// <summary>One device on an I2C bus, at a fixed 7-bit address.</summary>
    public interface II2cDevice
    {
        int Address { get; }

        I2cStatus Write(byte[] buffer, int offset, int count);

        I2cStatus Read(byte[] buffer, int offset, int count);
    }

    /// <summary>One device on a SPI bus (mode, clock and chip select fixed when it is opened).</summary>
    public interface ISpiDevice
    {
        /// <summary>True when the controller shifts LSB first itself; otherwise the driver reverses bits in software.</summary>
        bool LsbFirst { get; }

        /// <summary>Clocks <paramref name="count"/> bytes out of <paramref name="writeBuffer"/> while reading as many into <paramref name="readBuffer"/>, under one chip-select.</summary>
        void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count);
    }

    /// <summary>A clock output (PWM at 50 % duty) feeding a card's CLK contact.</summary>
    public interface IClockOutput
    {
        /// <summary>The frequency actually produced, in Hz (0 when stopped).</summary>
        int FrequencyHz { get; }

        /// <summary>Starts the clock as close to <paramref name="frequencyHz"/> as the hardware allows.</summary>
        void Start(int frequencyHz);

        /// <summary>Stops the clock with the output held low.</summary>
        void Stop();
    }
}
