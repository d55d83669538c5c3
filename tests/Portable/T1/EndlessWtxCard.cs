using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.T1
{
    /// <summary>
    /// A card that answers every block with S(WTX request), for ever: the engine has to stop on its
    /// own bound. Counts the blocks it was sent.
    /// </summary>
    public sealed class EndlessWtxCard : ICardChannel, IClock
    {
        private readonly byte[] _wtxRequest = new T1TestBlocks(false).S(0xC3, "01");
        private int _next;

        /// <summary>Blocks the host sent.</summary>
        public int BlocksReceived;

        public IClock Clock
        {
            get { return this; }
        }

        public long NowMicros
        {
            get { return 0; }
        }

        public void Delay(long micros)
        {
        }

        public SmartcardStatus ApplyTiming(CardTiming timing)
        {
            return SmartcardStatus.Success;
        }

        public SmartcardStatus Send(byte[] buffer, int offset, int count)
        {
            BlocksReceived++;
            _next = 0;
            return SmartcardStatus.Success;
        }

        public SmartcardStatus Receive(byte[] buffer, int offset, int count, int firstCharTimeoutMicros, int nextCharTimeoutMicros, out int received)
        {
            received = 0;
            while (received < count && _next < _wtxRequest.Length)
            {
                buffer[offset + received++] = _wtxRequest[_next++];
            }

            return received == count ? SmartcardStatus.Success : SmartcardStatus.IoTimeout;
        }

        public void DiscardInput()
        {
        }
    }
}
