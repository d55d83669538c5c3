namespace EmbeddedSmartCard.Firmware.Security
{
    /// <summary>
    /// HMAC-SHA-256 (RFC 2104 §2 with H = SHA-256, B = 64, L = 32): <see cref="Start"/> with the key,
    /// <see cref="Update"/> with the text in pieces, <see cref="Finish"/> for the MAC. Buffers are allocated
    /// once, so computing a MAC allocates nothing.
    /// </summary>
    public sealed class HmacSha256
    {
        /// <summary>MAC size in bytes (L).</summary>
        public const int MacLength = Sha256.HashLength;

        /// <summary>The inner and outer pad bytes (RFC 2104 §2).</summary>
        private const byte InnerPad = 0x36;
        private const byte OuterPad = 0x5C;

        private readonly Sha256 _inner = new Sha256();
        private readonly Sha256 _outer = new Sha256();
        private readonly byte[] _paddedKey = new byte[Sha256.BlockLength];
        private readonly byte[] _innerHash = new byte[Sha256.HashLength];

        /// <summary>Starts a MAC under the key; a key longer than B bytes is first hashed (RFC 2104 §2).</summary>
        public void Start(byte[] key, int offset, int length)
        {
            int keyLength = length;
            if (length > Sha256.BlockLength)
            {
                _inner.Reset();
                _inner.Update(key, offset, length);
                _inner.Finish(_paddedKey, 0);
                keyLength = Sha256.HashLength;
            }
            else
            {
                for (int i = 0; i < length; i++)
                {
                    _paddedKey[i] = key[offset + i];
                }
            }

            for (int i = keyLength; i < Sha256.BlockLength; i++)
            {
                _paddedKey[i] = 0;
            }

            StartWithPad(_inner, InnerPad);
            StartWithPad(_outer, OuterPad);
            WipePaddedKey();
        }

        /// <summary>Adds text bytes.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            _inner.Update(data, offset, count);
        }

        /// <summary>Writes the 32-byte MAC H(K ^ opad, H(K ^ ipad, text)) at <paramref name="offset"/>.</summary>
        public void Finish(byte[] mac, int offset)
        {
            _inner.Finish(_innerHash, 0);
            _outer.Update(_innerHash, 0, _innerHash.Length);
            _outer.Finish(mac, offset);
        }

        /// <summary>Feeds K ^ pad to <paramref name="hash"/>, then restores K in the buffer for the other pad.</summary>
        private void StartWithPad(Sha256 hash, byte pad)
        {
            hash.Reset();
            for (int i = 0; i < Sha256.BlockLength; i++)
            {
                _paddedKey[i] ^= pad;
            }

            hash.Update(_paddedKey, 0, Sha256.BlockLength);
            for (int i = 0; i < Sha256.BlockLength; i++)
            {
                _paddedKey[i] ^= pad;
            }
        }

        /// <summary>The key need not stay in this object's memory once both hashes have absorbed it.</summary>
        private void WipePaddedKey()
        {
            for (int i = 0; i < Sha256.BlockLength; i++)
            {
                _paddedKey[i] = 0;
            }
        }
    }
}
