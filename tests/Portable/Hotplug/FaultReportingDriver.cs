using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Tests.Library;

namespace EmbeddedSmartCard.Tests.Hotplug
{
    /// <summary>A working fake reader that can report, between calls, that its device failed (IDeviceFaultSource).</summary>
    internal sealed class FaultReportingDriver : IReaderDriver, IDeviceFaultSource
    {
        private readonly FakeReaderDriver inner = new FakeReaderDriver(null);

        public event DeviceFaultHandler DeviceFailed;

        public event CardPresenceHandler PresenceChanged
        {
            add { inner.PresenceChanged += value; }
            remove { inner.PresenceChanged -= value; }
        }

        public int OpenCount
        {
            get { return inner.OpenCount; }
        }

        public ReaderCapabilities Capabilities
        {
            get { return inner.Capabilities; }
        }

        public ICardChannel Channel
        {
            get { return null; }
        }

        public void Fail()
        {
            DeviceFailed(this);
        }

        public SmartcardStatus Open()
        {
            return inner.Open();
        }

        public void Close()
        {
            inner.Close();
        }

        public bool IsCardPresent()
        {
            return inner.IsCardPresent();
        }

        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            return inner.Power(action, atrBuffer, atrOffset, out atrLength);
        }

        public SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            return inner.Transmit(command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength);
        }

        public SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            return inner.VendorControl(ioctl, input, inputOffset, inputLength, output, outputOffset, outputCapacity, out returned);
        }

        public SmartcardStatus Mechanical(int ioctl)
        {
            return inner.Mechanical(ioctl);
        }
    }
}
