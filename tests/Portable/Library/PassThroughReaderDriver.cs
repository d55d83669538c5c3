using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.Library
{
    /// <summary>
    /// A reader driver that hands every call to a working one and counts the opens: the test drivers that
    /// misbehave on demand derive from it and override only the calls they change.
    /// </summary>
    internal abstract class PassThroughReaderDriver : IReaderDriver
    {
        private readonly object openGate = new object();
        private int opens;

        /// <summary>The working driver every call goes to.</summary>
        protected readonly IReaderDriver Inner;

        protected PassThroughReaderDriver(IReaderDriver inner)
        {
            Inner = inner;
        }

        /// <summary>How many times Open was called, failed or not.</summary>
        public int Opens
        {
            get
            {
                lock (openGate)
                {
                    return opens;
                }
            }
        }

        public virtual ReaderCapabilities Capabilities
        {
            get { return Inner.Capabilities; }
        }

        public virtual ICardChannel Channel
        {
            get { return Inner.Channel; }
        }

        public event CardPresenceHandler PresenceChanged
        {
            add { Inner.PresenceChanged += value; }
            remove { Inner.PresenceChanged -= value; }
        }

        public SmartcardStatus Open()
        {
            lock (openGate)
            {
                opens++;
            }

            return OpenCounted();
        }

        public virtual void Close()
        {
            Inner.Close();
        }

        public virtual bool IsCardPresent()
        {
            return Inner.IsCardPresent();
        }

        public virtual SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            return Inner.Power(action, atrBuffer, atrOffset, out atrLength);
        }

        public virtual SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            return Inner.Transmit(command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength);
        }

        public virtual SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            return Inner.VendorControl(ioctl, input, inputOffset, inputLength, output, outputOffset, outputCapacity, out returned);
        }

        public virtual SmartcardStatus Mechanical(int ioctl)
        {
            return Inner.Mechanical(ioctl);
        }

        /// <summary>Open after it has been counted.</summary>
        protected virtual SmartcardStatus OpenCounted()
        {
            return Inner.Open();
        }
    }
}
