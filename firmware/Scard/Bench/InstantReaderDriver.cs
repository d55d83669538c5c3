using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// A reader driver that answers at once: an APDU-level reader (no character channel) whose card
    /// returns 90 00 to every command without touching any line. With it, a benchmark of the SCard API
    /// measures the resource manager and the driver library, nothing below. The card can be made to
    /// arrive and leave on demand, to measure how fast GetStatusChange wakes up.
    /// </summary>
    public sealed class InstantReaderDriver : IReaderDriver
    {
        /// <summary>A structurally valid ATR offering T=1 (TS, T0, TD1 = T=0 with TD2, TD2 = T=1, TCK).</summary>
        private static readonly byte[] CardAtr = new byte[] { 0x3B, 0x80, 0x80, 0x01, 0x01 };

        private readonly ReaderCapabilities capabilities = new ReaderCapabilities();
        private bool present = true;

        public InstantReaderDriver()
        {
            capabilities.IfdType = "Instant bench reader";
            capabilities.SupportedProtocols = Protocols.T1;
        }

        public event CardPresenceHandler PresenceChanged;

        public ReaderCapabilities Capabilities
        {
            get { return capabilities; }
        }

        public ICardChannel Channel
        {
            get { return null; }
        }

        /// <summary>Inserts or removes the card and reports it, as a card-detect edge would.</summary>
        public void SetCardPresent(bool value)
        {
            present = value;
            CardPresenceHandler handler = PresenceChanged;
            if (handler != null)
            {
                handler(this, value);
            }
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
            return present;
        }

        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            atrLength = 0;
            if (!present)
            {
                return SmartcardStatus.NoMedia;
            }

            if (action != PowerAction.PowerDown)
            {
                System.Array.Copy(CardAtr, 0, atrBuffer, atrOffset, CardAtr.Length);
                atrLength = CardAtr.Length;
            }

            return SmartcardStatus.Success;
        }

        public SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            if (responseCapacity < 2)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            response[responseOffset] = 0x90;
            response[responseOffset + 1] = 0x00;
            responseLength = 2;
            return SmartcardStatus.Success;
        }

        public SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            return SmartcardStatus.NotSupported;
        }

        public SmartcardStatus Mechanical(int ioctl)
        {
            return SmartcardStatus.NotSupported;
        }
    }
}
