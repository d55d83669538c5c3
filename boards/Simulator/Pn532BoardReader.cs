using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// A <see cref="Pn532Reader"/> as a board hands it to the resource manager: everything passes through,
    /// except that Open also lists the field once, so a card already on the antenna is present when Open
    /// returns instead of one poll period later (pcsc.md, IFD handler table: once IFDHCreateChannelByName
    /// succeeds the driver must answer IFDHICCPresence) — a `scard list` right after start-up sees it.
    /// </summary>
    public sealed class Pn532BoardReader : IReaderDriver
    {
        private readonly Pn532Reader reader;

        public Pn532BoardReader(Pn532Reader reader)
        {
            this.reader = reader;
        }

        /// <summary>The driver itself (for its PN532-specific members).</summary>
        public Pn532Reader Reader
        {
            get { return reader; }
        }

        public ReaderCapabilities Capabilities
        {
            get { return reader.Capabilities; }
        }

        public ICardChannel Channel
        {
            get { return reader.Channel; }
        }

        public event CardPresenceHandler PresenceChanged
        {
            add { reader.PresenceChanged += value; }
            remove { reader.PresenceChanged -= value; }
        }

        public SmartcardStatus Open()
        {
            SmartcardStatus status = reader.Open();
            if (status == SmartcardStatus.Success)
            {
                reader.Poll();
            }

            return status;
        }

        public void Close()
        {
            reader.Close();
        }

        public bool IsCardPresent()
        {
            return reader.IsCardPresent();
        }

        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            return reader.Power(action, atrBuffer, atrOffset, out atrLength);
        }

        public SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            return reader.Transmit(command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength);
        }

        public SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            return reader.VendorControl(ioctl, input, inputOffset, inputLength, output, outputOffset, outputCapacity, out returned);
        }

        public SmartcardStatus Mechanical(int ioctl)
        {
            return reader.Mechanical(ioctl);
        }
    }
}
