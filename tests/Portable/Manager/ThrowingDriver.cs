using System;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.Manager
{
    /// <summary>A reader driver with a card that throws from every card callback: the manager must turn that into SCARD_F_INTERNAL_ERROR.</summary>
    internal sealed class ThrowingDriver : IReaderDriver
    {
        private readonly ReaderCapabilities capabilities = new ReaderCapabilities();

        public event CardPresenceHandler PresenceChanged;

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
            return true;
        }

        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            throw new InvalidOperationException("driver bug");
        }

        public SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            throw new InvalidOperationException("driver bug");
        }

        public SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            throw new InvalidOperationException("driver bug");
        }

        public SmartcardStatus Mechanical(int ioctl)
        {
            throw new InvalidOperationException("driver bug");
        }

        /// <summary>Keeps the compiler quiet about the unused event; a card never comes or goes here.</summary>
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
