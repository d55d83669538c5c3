using System;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// The character channel of a <see cref="SupervisedDriver"/>: the library's T=0/T=1 engines talk
    /// through it, so a channel that throws or reports a device error is a driver fault too.
    /// </summary>
    internal sealed class SupervisedChannel : ICardChannel
    {
        private readonly ICardChannel inner;
        private readonly SupervisedDriver owner;

        public SupervisedChannel(ICardChannel inner, SupervisedDriver owner)
        {
            this.inner = inner;
            this.owner = owner;
        }

        public IClock Clock
        {
            get { return inner.Clock; }
        }

        public SmartcardStatus ApplyTiming(CardTiming timing)
        {
            long started = owner.Enter();
            try
            {
                return owner.Checked(inner.ApplyTiming(timing), started);
            }
            catch (Exception)
            {
                return owner.Fault();
            }
            finally
            {
                owner.Exit();
            }
        }

        public SmartcardStatus Send(byte[] buffer, int offset, int count)
        {
            long started = owner.Enter();
            try
            {
                return owner.Checked(inner.Send(buffer, offset, count), started);
            }
            catch (Exception)
            {
                return owner.Fault();
            }
            finally
            {
                owner.Exit();
            }
        }

        public SmartcardStatus Receive(byte[] buffer, int offset, int count, int firstCharTimeoutMicros, int nextCharTimeoutMicros, out int received)
        {
            received = 0;
            long started = owner.Enter();
            try
            {
                return owner.Checked(inner.Receive(buffer, offset, count, firstCharTimeoutMicros, nextCharTimeoutMicros, out received), started);
            }
            catch (Exception)
            {
                return owner.Fault();
            }
            finally
            {
                owner.Exit();
            }
        }

        public void DiscardInput()
        {
            try
            {
                inner.DiscardInput();
            }
            catch (Exception)
            {
                owner.Fault();
            }
        }
    }
}
