namespace EmbeddedSmartCard.Firmware.Security
{
    /// <summary>
    /// The card's answer to an access challenge: HMAC-SHA-256(cardKey, challenge || card identifier)
    /// truncated to its first <see cref="Length"/> bytes (truncation to the leftmost bits, RFC 2104 §5).
    /// The card applet and the reader compute it the same way; buffers are allocated once.
    /// </summary>
    public sealed class AccessResponse
    {
        /// <summary>Response size in bytes (128 bits, at least half the MAC as RFC 2104 §5 recommends).</summary>
        public const int Length = 16;

        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly byte[] _mac = new byte[HmacSha256.MacLength];

        /// <summary>Writes the <see cref="Length"/>-byte response at <paramref name="responseOffset"/>.</summary>
        public void Compute(byte[] cardKey, int cardKeyOffset, int cardKeyLength, byte[] challenge, int challengeOffset, int challengeLength, byte[] cardId, int cardIdOffset, int cardIdLength, byte[] response, int responseOffset)
        {
            _hmac.Start(cardKey, cardKeyOffset, cardKeyLength);
            _hmac.Update(challenge, challengeOffset, challengeLength);
            _hmac.Update(cardId, cardIdOffset, cardIdLength);
            _hmac.Finish(_mac, 0);
            for (int i = 0; i < Length; i++)
            {
                response[responseOffset + i] = _mac[i];
            }
        }
    }
}
