using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>
    /// The device at the far end of a <see cref="SimI2cDevice"/> (a virtual PN532). It sees each host
    /// transaction whole, after the bus time of the transaction has passed, and decides how the bus ends it.
    /// </summary>
    public interface ISimI2cPeer
    {
        /// <summary>One write transaction (START, address+W, <paramref name="count"/> bytes, STOP); returns the acknowledge outcome.</summary>
        I2cStatus OnWrite(SimI2cDevice device, byte[] buffer, int offset, int count);

        /// <summary>One read transaction: fills <paramref name="count"/> bytes the device shifts out, or returns a NAK status.</summary>
        I2cStatus OnRead(SimI2cDevice device, byte[] buffer, int offset, int count);
    }
}
