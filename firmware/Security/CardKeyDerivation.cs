namespace EmbeddedSmartCard.Firmware.Security
{
    /// <summary>
    /// Per-card keys from the site key: key = HMAC-SHA-256(siteKey, <see cref="LabelText"/> || 00 || card
    /// identifier). A card then holds only its own key, so reading one card out does not give the site key,
    /// and a cloned identifier without the derived key fails the challenge. The label separates these keys
    /// from any other use of the site key (the labelled-input idea of NIST SP 800-108 §5); the 00 byte ends it.
    /// </summary>
    public sealed class CardKeyDerivation
    {
        /// <summary>The purpose label of the derivation input (ASCII).</summary>
        public const string LabelText = "EmbeddedSmartCard door access card key v1";

        /// <summary>Derived key size in bytes (one HMAC-SHA-256 output).</summary>
        public const int KeyLength = HmacSha256.MacLength;

        private const byte LabelSeparator = 0x00;

        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly byte[] _labelBytes;

        public CardKeyDerivation()
        {
            _labelBytes = new byte[LabelText.Length + 1];
            for (int i = 0; i < LabelText.Length; i++)
            {
                _labelBytes[i] = (byte)LabelText[i];
            }

            _labelBytes[LabelText.Length] = LabelSeparator;
        }

        /// <summary>Writes the card's 32-byte key at <paramref name="keyOffset"/>.</summary>
        public void Derive(byte[] siteKey, int siteKeyOffset, int siteKeyLength, byte[] cardId, int cardIdOffset, int cardIdLength, byte[] key, int keyOffset)
        {
            _hmac.Start(siteKey, siteKeyOffset, siteKeyLength);
            _hmac.Update(_labelBytes, 0, _labelBytes.Length);
            _hmac.Update(cardId, cardIdOffset, cardIdLength);
            _hmac.Finish(key, keyOffset);
        }
    }
}
