namespace EmbeddedSmartCard.Firmware.Security
{
    /// <summary>
    /// The reader's side of the challenge-response: <see cref="Next"/> draws a fresh challenge from the
    /// injected source, the card answers it (INTERNAL AUTHENTICATE), and <see cref="Verify"/> recomputes the
    /// expected answer with the card's derived key and compares in constant time. Nothing is allocated
    /// after construction.
    /// </summary>
    public sealed class AccessChallenge
    {
        /// <summary>Challenge size in bytes (128 bits).</summary>
        public const int ChallengeLength = 16;

        private readonly IChallengeSource _source;
        private readonly AccessResponse _response = new AccessResponse();
        private readonly byte[] _challenge = new byte[ChallengeLength];
        private readonly byte[] _expected = new byte[AccessResponse.Length];
        private bool _outstanding;

        public AccessChallenge(IChallengeSource source)
        {
            _source = source;
        }

        /// <summary>The current challenge (<see cref="ChallengeLength"/> bytes); valid after <see cref="Next"/>.</summary>
        public byte[] Challenge
        {
            get { return _challenge; }
        }

        /// <summary>Draws a new challenge and returns the buffer holding it.</summary>
        public byte[] Next()
        {
            _source.Fill(_challenge, 0, ChallengeLength);
            _outstanding = true;
            return _challenge;
        }

        /// <summary>
        /// True when the card's answer matches the current challenge. Each challenge is good for one check
        /// only, so a second attempt with the same challenge (a replay or a guess) fails without comparing.
        /// </summary>
        public bool Verify(byte[] cardKey, int cardKeyOffset, int cardKeyLength, byte[] cardId, int cardIdOffset, int cardIdLength, byte[] answer, int answerOffset, int answerLength)
        {
            if (!_outstanding)
            {
                return false;
            }

            _outstanding = false;
            if (answerLength != AccessResponse.Length)
            {
                return false;
            }

            _response.Compute(cardKey, cardKeyOffset, cardKeyLength, _challenge, 0, ChallengeLength, cardId, cardIdOffset, cardIdLength, _expected, 0);
            return ConstantTime.AreEqual(_expected, 0, answer, answerOffset, AccessResponse.Length);
        }
    }
}
