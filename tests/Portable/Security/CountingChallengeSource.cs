using EmbeddedSmartCard.Firmware.Security;

namespace EmbeddedSmartCard.Tests.Security
{
    /// <summary>A predictable challenge source: bytes counting up from <c>first</c>, continuing across calls.</summary>
    internal sealed class CountingChallengeSource : IChallengeSource
    {
        private int _next;

        public CountingChallengeSource(int first)
        {
            _next = first;
        }

        public int Calls { get; private set; }

        public void Fill(byte[] buffer, int offset, int count)
        {
            Calls++;
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = (byte)_next;
                _next++;
            }
        }
    }
}
