using System;

namespace EmbeddedSmartCard.Firmware.Security
{
    /// <summary>
    /// The legacy door badge on a MIFARE Classic 1K: one data block, <see cref="BadgeBlock"/> (the first block of
    /// sector <see cref="BadgeSector"/>), holds the badge identifier followed by a MAC that binds it to the card's
    /// UID; the sector's key A is derived per card from the site key, so a reader without the site key cannot read
    /// the block and a block copied onto a card with another UID fails the MAC. Crypto1 itself is broken, so this
    /// layout only stops casual copying; the door controller accepts such badges only when its configuration says so.
    /// <code>
    /// block 4 (sector 1, block 0): badge id (6 bytes) | HMAC-SHA-256(site key, MacLabel || 00 || UID || badge id)[0..9]
    /// sector 1 key A:               HMAC-SHA-256(site key, KeyLabel || 00 || UID)[0..5]
    /// </code>
    /// </summary>
    public static class MifareBadge
    {
        /// <summary>Sector 0 holds the manufacturer block (MF1S50 §8.6.1); the badge sits in the next sector.</summary>
        public const int BadgeSector = 1;

        /// <summary>Blocks per sector of sectors 0..31 (MF1S50 §8.6).</summary>
        public const int BlocksPerSector = 4;

        /// <summary>The absolute block number READ BINARY / MIFARE READ addresses.</summary>
        public const int BadgeBlock = BadgeSector * BlocksPerSector;

        /// <summary>The sector trailer whose key A the derived key is (MF1S50 §8.6.3).</summary>
        public const int TrailerBlock = BadgeBlock + BlocksPerSector - 1;

        /// <summary>A MIFARE Classic block (MF1S50 §8.6).</summary>
        public const int BlockLength = 16;

        /// <summary>A MIFARE Classic key (MF1S50 §8.6.3: 48 bits).</summary>
        public const int SectorKeyLength = 6;

        /// <summary>Length of the badge identifier at the start of the block.</summary>
        public const int BadgeIdLength = BlockLength - MacLength;

        /// <summary>The truncated MAC: 80 bits, the least RFC 2104 §5 recommends.</summary>
        public const int MacLength = 10;

        /// <summary>The NUID of a single-size UID card (ISO/IEC 14443-3 §6.5.4), the only size a 1K badge has.</summary>
        public const int UidLength = 4;

        /// <summary>Purpose label of the sector key derivation (ASCII), apart from the access-card keys.</summary>
        public const string KeyLabel = "EmbeddedSmartCard legacy badge sector key v1";

        /// <summary>Purpose label of the block MAC (ASCII).</summary>
        public const string MacLabel = "EmbeddedSmartCard legacy badge block MAC v1";

        /// <summary>Writes key A of <see cref="BadgeSector"/> for the card <paramref name="uid"/> into <paramref name="key6"/>.</summary>
        public static void DeriveSectorKey(byte[] siteKey, byte[] uid, byte[] key6)
        {
            Check(siteKey, uid);
            CheckLength(key6, SectorKeyLength, "key6");
            byte[] mac = new byte[HmacSha256.MacLength];
            Mac(KeyLabel, siteKey, uid, null, mac);
            Copy(mac, 0, key6, 0, SectorKeyLength);
        }

        /// <summary>Fills <paramref name="block16"/> with <paramref name="badgeId"/> and its MAC under <paramref name="uid"/>.</summary>
        public static void Encode(byte[] siteKey, byte[] uid, byte[] badgeId, byte[] block16)
        {
            Check(siteKey, uid);
            CheckLength(badgeId, BadgeIdLength, "badgeId");
            CheckLength(block16, BlockLength, "block16");
            byte[] mac = new byte[HmacSha256.MacLength];
            Mac(MacLabel, siteKey, uid, badgeId, mac);
            Copy(badgeId, 0, block16, 0, BadgeIdLength);
            Copy(mac, 0, block16, BadgeIdLength, MacLength);
        }

        /// <summary>
        /// True when the 16 bytes at <paramref name="offset"/> carry a badge id whose MAC matches this site key and
        /// <paramref name="uid"/> (compared in constant time); the id then goes to <paramref name="badgeIdOut"/>.
        /// A block too short for <paramref name="offset"/>, or a UID of the wrong size, is simply not a badge (false).
        /// </summary>
        public static bool Verify(byte[] siteKey, byte[] uid, byte[] block16, int offset, byte[] badgeIdOut)
        {
            CheckLength(badgeIdOut, BadgeIdLength, "badgeIdOut");
            if (siteKey == null || uid == null || uid.Length != UidLength || block16 == null
                || offset < 0 || offset > block16.Length - BlockLength)
            {
                return false;
            }

            byte[] badgeId = new byte[BadgeIdLength];
            Copy(block16, offset, badgeId, 0, BadgeIdLength);
            byte[] mac = new byte[HmacSha256.MacLength];
            Mac(MacLabel, siteKey, uid, badgeId, mac);
            if (!ConstantTime.AreEqual(mac, 0, block16, offset + BadgeIdLength, MacLength))
            {
                return false;
            }

            Copy(badgeId, 0, badgeIdOut, 0, BadgeIdLength);
            return true;
        }

        /// <summary>HMAC-SHA-256(site key, label || 00 || UID [|| badge id]) — the labelled input of NIST SP 800-108 §5.</summary>
        private static void Mac(string label, byte[] siteKey, byte[] uid, byte[] badgeId, byte[] mac)
        {
            byte[] labelBytes = new byte[label.Length + 1];
            for (int i = 0; i < label.Length; i++)
            {
                labelBytes[i] = (byte)label[i];
            }

            HmacSha256 hmac = new HmacSha256();
            hmac.Start(siteKey, 0, siteKey.Length);
            hmac.Update(labelBytes, 0, labelBytes.Length);
            hmac.Update(uid, 0, uid.Length);
            if (badgeId != null)
            {
                hmac.Update(badgeId, 0, badgeId.Length);
            }

            hmac.Finish(mac, 0);
        }

        private static void Check(byte[] siteKey, byte[] uid)
        {
            if (siteKey == null || siteKey.Length == 0)
            {
                throw new ArgumentException("the site key is empty");
            }

            CheckLength(uid, UidLength, "uid");
        }

        private static void CheckLength(byte[] buffer, int length, string name)
        {
            if (buffer == null || buffer.Length != length)
            {
                throw new ArgumentException(name + " must be " + length.ToString() + " bytes");
            }
        }

        private static void Copy(byte[] source, int sourceOffset, byte[] destination, int destinationOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                destination[destinationOffset + i] = source[sourceOffset + i];
            }
        }
    }
}
