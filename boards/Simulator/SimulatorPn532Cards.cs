using System;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Firmware.Security;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The contactless cards a simulated PN532 can be given by name (`scard simulate pn532 --card`, a
    /// <see cref="TapScript"/> step): each kind is one fixed card, so scripts and tests know its UID.
    /// </summary>
    public static class SimulatorPn532Cards
    {
        /// <summary>An ISO 14443-4 type A smart card running the contact simulator's ISO 7816-4 applet.</summary>
        public const string Iso14443_4 = "iso14443-4";

        /// <summary>An ISO 14443-4 type B smart card with the same applet.</summary>
        public const string TypeB = "typeb";

        /// <summary>A MIFARE Classic 1K in its transport configuration (keys FF…FF).</summary>
        public const string Mifare1K = "mifare1k";

        /// <summary>A MIFARE Ultralight.</summary>
        public const string Ultralight = "ultralight";

        /// <summary>No card: the field is empty.</summary>
        public const string None = "none";

        /// <summary>The names, for usage texts and errors.</summary>
        public const string Kinds = Iso14443_4 + "|" + TypeB + "|" + Mifare1K + "|" + Ultralight + "|" + None;

        /// <summary>Single-size UID (ISO/IEC 14443-3 §6.5.4: 4 bytes) of the ISO 14443-4 card.</summary>
        public static readonly byte[] Iso14443_4Uid = new byte[] { 0x08, 0x12, 0x34, 0x56 };

        /// <summary>The NUID of the MIFARE Classic 1K.</summary>
        public static readonly byte[] Mifare1KUid = new byte[] { 0xF6, 0x8E, 0x2A, 0x99 };

        /// <summary>Double-size UID of the Ultralight, manufacturer byte 04 (NXP).</summary>
        public static readonly byte[] UltralightUid = new byte[] { 0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0x80 };

        /// <summary>True when <paramref name="kind"/> is one of <see cref="Kinds"/>.</summary>
        public static bool IsKind(string kind)
        {
            return kind == Iso14443_4 || kind == TypeB || kind == Mifare1K || kind == Ultralight || kind == None;
        }

        /// <summary>
        /// An ISO 14443-4 type A door-access card: the applet personalised with <paramref name="cardId"/> and its
        /// per-card <paramref name="key"/> (<see cref="CardProfile.AccessCardId"/>, <see cref="CardProfile.AccessKey"/>).
        /// A null key makes a clone that copied the identifier but not the key: it answers 6985 to the challenge.
        /// </summary>
        /// <param name="uid">NFCID1, 4 or 7 bytes.</param>
        public static Iso14443_4Card CreateAccessCard(byte[] uid, byte[] cardId, byte[] key)
        {
            if (uid == null || cardId == null || cardId.Length == 0)
            {
                throw new ArgumentException("an access card needs a UID and a card identifier");
            }

            CardProfile profile = CardProfile.DirectT0();
            profile.AccessCardId = cardId;
            profile.AccessKey = key;
            return new Iso14443_4Card(uid, profile);
        }

        /// <summary>
        /// A MIFARE Classic 1K legacy door badge (<see cref="MifareBadge"/>): sector 1's key A derived from
        /// <paramref name="siteKey"/> and the UID, block 4 holding <paramref name="badgeId"/> and its MAC, the
        /// transport access conditions (MF1S50 §8.7.1: key A reads and writes the data blocks).
        /// </summary>
        /// <param name="uid">The 4-byte NUID the badge was written for.</param>
        public static MifareClassicCard CreateLegacyBadge(byte[] uid, byte[] siteKey, byte[] badgeId)
        {
            byte[] block = new byte[MifareBadge.BlockLength];
            MifareBadge.Encode(siteKey, uid, badgeId, block);
            return CreateBadgeCard(uid, siteKey, uid, block);
        }

        /// <summary>
        /// A MIFARE Classic 1K with another UID carrying a copy of the badge sector written for
        /// <paramref name="copiedFromUid"/> (its keys, cracked, and its block): what copying a genuine badge onto a
        /// blank card gives, since a genuine card's UID cannot be changed (MF1S50 §8.6.1).
        /// </summary>
        public static MifareClassicCard CreateCopiedBadge(byte[] uid, byte[] siteKey, byte[] copiedFromUid, byte[] badgeId)
        {
            byte[] block = new byte[MifareBadge.BlockLength];
            MifareBadge.Encode(siteKey, copiedFromUid, badgeId, block);
            return CreateBadgeCard(uid, siteKey, copiedFromUid, block);
        }

        /// <summary>A new card of <paramref name="kind"/>; null for <see cref="None"/>. An unknown kind is an ArgumentException.</summary>
        public static ContactlessCard Create(string kind)
        {
            if (kind == Iso14443_4)
            {
                return new Iso14443_4Card(Iso14443_4Uid, CardProfile.DirectT0());
            }

            if (kind == TypeB)
            {
                return Iso14443BCard.CreateDefault();
            }

            if (kind == Mifare1K)
            {
                return new MifareClassicCard(Mifare1KUid);
            }

            if (kind == Ultralight)
            {
                return new UltralightCard(UltralightUid);
            }

            if (kind == None)
            {
                return null;
            }

            throw new ArgumentException("unknown card '" + kind + "' (cards: " + Kinds + ")");
        }

        private static MifareClassicCard CreateBadgeCard(byte[] uid, byte[] siteKey, byte[] keyUid, byte[] block)
        {
            MifareClassicCard card = new MifareClassicCard(uid);
            byte[] sectorKey = new byte[MifareBadge.SectorKeyLength];
            MifareBadge.DeriveSectorKey(siteKey, keyUid, sectorKey);
            card.SetTrailer(MifareBadge.BadgeSector, sectorKey, MifareClassicCard.TransportAccessBytes, sectorKey);
            for (int i = 0; i < block.Length; i++)
            {
                card.Memory[MifareBadge.BadgeBlock * MifareBadge.BlockLength + i] = block[i];
            }

            return card;
        }
    }
}
