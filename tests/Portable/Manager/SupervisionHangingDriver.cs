using System.Threading;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.Manager
{
    /// <summary>
    /// A working reader driver (the simulator's) that, once <see cref="Arm"/>ed, hangs in its next Power or
    /// channel Send until the test calls <see cref="Release"/>: a driver call that never returns on its own.
    /// </summary>
    internal sealed class SupervisionHangingDriver : IReaderDriver, ICardChannel
    {
        private readonly IReaderDriver inner;
        private readonly ICardChannel innerChannel;
        private readonly ManualResetEvent released = new ManualResetEvent(false);
        private readonly ManualResetEvent hanging = new ManualResetEvent(false);
        private readonly object gate = new object();
        private bool armed;
        private int opens;

        public SupervisionHangingDriver(IReaderDriver inner)
        {
            this.inner = inner;
            innerChannel = inner.Channel;
        }

        /// <summary>The next Power or Send hangs.</summary>
        public void Arm()
        {
            lock (gate)
            {
                armed = true;
            }
        }

        /// <summary>Lets the hung Send go on (and every later one).</summary>
        public void Release()
        {
            released.Set();
        }

        /// <summary>Waits (bounded) until a Send hangs.</summary>
        public bool WaitUntilHanging()
        {
            return hanging.WaitOne(StatusChangeHelpers.Patience, false);
        }

        public int Opens
        {
            get
            {
                lock (gate)
                {
                    return opens;
                }
            }
        }

        public ReaderCapabilities Capabilities
        {
            get { return inner.Capabilities; }
        }

        public ICardChannel Channel
        {
            get { return this; }
        }

        public IClock Clock
        {
            get { return innerChannel.Clock; }
        }

        public event CardPresenceHandler PresenceChanged
        {
            add { inner.PresenceChanged += value; }
            remove { inner.PresenceChanged -= value; }
        }

        public SmartcardStatus Open()
        {
            lock (gate)
            {
                opens++;
            }

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
            HangIfArmed();
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

        public SmartcardStatus ApplyTiming(CardTiming timing)
        {
            return innerChannel.ApplyTiming(timing);
        }

        public SmartcardStatus Send(byte[] buffer, int offset, int count)
        {
            HangIfArmed();
            return innerChannel.Send(buffer, offset, count);
        }

        public SmartcardStatus Receive(byte[] buffer, int offset, int count, int firstCharTimeoutMicros, int nextCharTimeoutMicros, out int received)
        {
            return innerChannel.Receive(buffer, offset, count, firstCharTimeoutMicros, nextCharTimeoutMicros, out received);
        }

        public void DiscardInput()
        {
            innerChannel.DiscardInput();
        }

        private void HangIfArmed()
        {
            bool hang;
            lock (gate)
            {
                hang = armed;
                armed = false;
            }

            if (hang)
            {
                hanging.Set();
                released.WaitOne(StatusChangeHelpers.Patience, false);
            }
        }
    }
}
