using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.Manager
{
    /// <summary>An empty reader whose vendor IOCTLs echo their input and remember the code they came with.</summary>
    internal sealed class ControlVendorDriver : IReaderDriver
    {
        private readonly ReaderCapabilities capabilities = new ReaderCapabilities();

        public event CardPresenceHandler PresenceChanged;

        /// <summary>The IOCTL of the last vendor call.</summary>
        public int LastIoctl;

        public ReaderCapabilities Capabilities
        {
            get { return capabilities; }
        }

        public ICardChannel Channel
        {
            get { return null; }
        }

        public SmartcardStatus Open()
        {
            return SmartcardStatus.Success;
        }

        public void Close()
        {
        }

        public bool IsCardPresent()
        {
            return false;
        }

        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            atrLength = 0;
            return SmartcardStatus.NoMedia;
        }

        public SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            return SmartcardStatus.NoMedia;
        }

        public SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            LastIoctl = ioctl;
            returned = inputLength;
            if (outputCapacity < inputLength)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            System.Array.Copy(input, inputOffset, output, outputOffset, inputLength);
            return SmartcardStatus.Success;
        }

        public SmartcardStatus Mechanical(int ioctl)
        {
            return SmartcardStatus.NotSupported;
        }

        /// <summary>Keeps the compiler quiet about the unused event: no card ever comes.</summary>
        public void RaisePresence(bool present)
        {
            CardPresenceHandler handler = PresenceChanged;
            if (handler != null)
            {
                handler(this, present);
            }
        }
    }
}
