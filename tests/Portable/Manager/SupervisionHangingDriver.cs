using System.Threading;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Tests.Library;

namespace EmbeddedSmartCard.Tests.Manager
{
    /// <summary>
    /// A working reader driver (the simulator's) that, once <see cref="Arm"/>ed, hangs in its next Power or
    /// channel Send until the test calls <see cref="Release"/>: a driver call that never returns on its own.
    /// </summary>
    internal sealed class SupervisionHangingDriver : PassThroughReaderDriver, ICardChannel
    {
        private readonly ICardChannel innerChannel;
        private readonly ManualResetEvent released = new ManualResetEvent(false);
        private readonly ManualResetEvent hanging = new ManualResetEvent(false);
        private readonly object gate = new object();
        private bool armed;

        public SupervisionHangingDriver(IReaderDriver inner)
            : base(inner)
        {
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

        public override ICardChannel Channel
        {
            get { return this; }
        }

        public IClock Clock
        {
            get { return innerChannel.Clock; }
        }

        public override SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            HangIfArmed();
            return base.Power(action, atrBuffer, atrOffset, out atrLength);
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
