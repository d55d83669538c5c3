using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.PpsExchange
{
    /// <summary>
    /// A card channel that records what the library sends and answers each Send with the next
    /// scripted reply (possibly empty: silence). Receive hands out the pending reply and times out
    /// when it runs short.
    /// </summary>
    internal sealed class ScriptedCardChannel : ICardChannel
    {
        private readonly ScriptedClock _clock = new ScriptedClock();
        private readonly byte[] _sent = new byte[64];
        private readonly string[] _replies = new string[8];
        private int _replyCount;
        private int _nextReply;
        private byte[] _pending = new byte[0];
        private int _pendingOffset;

        public IClock Clock
        {
            get { return _clock; }
        }

        public int SentCount { get; private set; }

        public int ApplyTimingCalls { get; private set; }

        /// <summary>A copy of the last timing applied.</summary>
        public CardTiming Applied { get; private set; }

        /// <summary>The first-character timeout of the last Receive.</summary>
        public int LastFirstTimeoutMicros { get; private set; }

        /// <summary>When true, a Receive that gets all its bytes reports a parity error.</summary>
        public bool ParityErrorOnReceive;

        public string SentHex
        {
            get { return TestSupport.ToHex(_sent, 0, SentCount); }
        }

        /// <summary>Queues the answer to the next Send ("" for silence).</summary>
        public void Reply(string hex)
        {
            _replies[_replyCount++] = hex;
        }

        public SmartcardStatus ApplyTiming(CardTiming timing)
        {
            ApplyTimingCalls++;
            Applied = new CardTiming();
            Applied.CopyFrom(timing);
            return SmartcardStatus.Success;
        }

        public SmartcardStatus Send(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _sent[SentCount++] = buffer[offset + i];
            }

            _pending = TestSupport.Hex(_nextReply < _replyCount ? _replies[_nextReply++] : "");
            _pendingOffset = 0;
            return SmartcardStatus.Success;
        }

        public SmartcardStatus Receive(byte[] buffer, int offset, int count, int firstCharTimeoutMicros, int nextCharTimeoutMicros, out int received)
        {
            LastFirstTimeoutMicros = firstCharTimeoutMicros;
            received = 0;
            while (received < count && _pendingOffset < _pending.Length)
            {
                buffer[offset + received++] = _pending[_pendingOffset++];
            }

            if (received < count)
            {
                _clock.Delay(received == 0 ? firstCharTimeoutMicros : nextCharTimeoutMicros);
                return SmartcardStatus.IoTimeout;
            }

            return ParityErrorOnReceive ? SmartcardStatus.ParityError : SmartcardStatus.Success;
        }

        public void DiscardInput()
        {
            _pendingOffset = _pending.Length;
        }
    }
}
