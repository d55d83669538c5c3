namespace EmbeddedSmartCard.Drivers
{
    /// <summary>Raised by a reader driver that found out on its own thread that its device broke.</summary>
    public delegate void DeviceFaultHandler(IReaderDriver driver);

    /// <summary>
    /// Optional for a reader driver: a device can fail while no call is in progress (a host resource manager
    /// that stops, a network reader whose server goes away). The driver raises <see cref="DeviceFailed"/> and
    /// the manager treats it as a call that returned IoDeviceError: the reader becomes unavailable and its
    /// supervisor closes and reopens it with back-off.
    /// </summary>
    public interface IDeviceFaultSource
    {
        event DeviceFaultHandler DeviceFailed;
    }
}
