using EmbeddedSmartCard.Firmware.Security;

namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// Reads a MIFARE Classic legacy badge (firmware/Security MifareBadge) through the reader's PC/SC Part 3
    /// pseudo-APDUs (§3.2.2.1, reference iso7816-pn532.md §4.5.2): GET DATA of the UID, LOAD KEYS of the badge
    /// sector's key derived for that UID, GENERAL AUTHENTICATE of the badge block with it, READ BINARY of the
    /// block, and the block's MAC checked against the UID. A badge copied onto another card fails the key or the
    /// MAC. Buffers are allocated once.
    /// </summary>
    public sealed class MifareBadgeAuthenticator
    {
        private const int ClaPseudoApdu = 0xFF;
        private const int InsGetData = 0xCA;
        private const int GetDataUid = 0x00;
        private const int InsLoadKeys = 0x82;
        private const int InsGeneralAuthenticate = 0x86;
        private const int InsReadBinary = 0xB0;

        /// <summary>LOAD KEYS P1 00 = volatile reader memory; P2 = the key number used below.</summary>
        private const int VolatileKeyStructure = 0x00;
        private const int KeyNumber = 0x00;

        /// <summary>GENERAL AUTHENTICATE data: version 01, block MSB, block LSB, key type, key number.</summary>
        private const int AuthenticateVersion = 0x01;
        private const int AuthenticateDataLength = 5;
        private const int KeyTypeA = 0x60;

        private const byte LeMaximum = 0x00;

        private readonly DoorConfig _config;
        private readonly byte[] _uid = new byte[MifareBadge.UidLength];
        private readonly byte[] _sectorKey = new byte[MifareBadge.SectorKeyLength];
        private readonly byte[] _badgeId = new byte[MifareBadge.BadgeIdLength];

        public MifareBadgeAuthenticator(DoorConfig config)
        {
            _config = config;
        }

        /// <summary>GET DATA of the UID into the decision; false (decision concluded) when it fails or is not
        /// the 4-byte UID of a badge.</summary>
        public bool ReadUid(CardSession session, DoorDecision decision)
        {
            int at = session.Header(ClaPseudoApdu, InsGetData, GetDataUid, 0x00);
            session.Command[at++] = LeMaximum;
            if (!CardStep.Check(session, decision, "GET DATA UID", DoorDecisionCode.DeniedUnknownCard, session.Exchange(at)))
            {
                return false;
            }

            decision.SetCardId(session.Response, 0, session.DataLength);
            if (session.DataLength != MifareBadge.UidLength)
            {
                decision.Conclude(DoorDecisionCode.DeniedUnknownCard, "UID of " + session.DataLength.ToString() + " bytes is no badge");
                return false;
            }

            for (int i = 0; i < _uid.Length; i++)
            {
                _uid[i] = session.Response[i];
            }

            return true;
        }

        /// <summary>True when the badge block verifies for this card's UID (the badge id is then the decision's
        /// card id); otherwise the decision is concluded with the reason.</summary>
        public bool Authenticate(CardSession session, DoorDecision decision)
        {
            if (!ReadUid(session, decision))
            {
                return false;
            }

            MifareBadge.DeriveSectorKey(_config.SiteKey, _uid, _sectorKey);
            if (!CardStep.Check(session, decision, "LOAD KEYS", DoorDecisionCode.ReaderError, LoadKey(session))
                || !CardStep.Check(session, decision, "GENERAL AUTHENTICATE", DoorDecisionCode.DeniedAuthentication, AuthenticateBlock(session))
                || !CardStep.Check(session, decision, "READ BINARY", DoorDecisionCode.DeniedAuthentication, ReadBlock(session)))
            {
                return false;
            }

            if (session.DataLength != MifareBadge.BlockLength || !MifareBadge.Verify(_config.SiteKey, _uid, session.Response, 0, _badgeId))
            {
                decision.Conclude(DoorDecisionCode.DeniedAuthentication, "badge MAC does not match the UID");
                return false;
            }

            decision.SetCardId(_badgeId, 0, _badgeId.Length);
            return true;
        }

        private int LoadKey(CardSession session)
        {
            int at = session.Header(ClaPseudoApdu, InsLoadKeys, VolatileKeyStructure, KeyNumber);
            session.Command[at++] = MifareBadge.SectorKeyLength;
            for (int i = 0; i < _sectorKey.Length; i++)
            {
                session.Command[at++] = _sectorKey[i];
            }

            return session.Exchange(at);
        }

        private static int AuthenticateBlock(CardSession session)
        {
            int at = session.Header(ClaPseudoApdu, InsGeneralAuthenticate, 0x00, 0x00);
            session.Command[at++] = AuthenticateDataLength;
            session.Command[at++] = AuthenticateVersion;
            session.Command[at++] = (byte)(MifareBadge.BadgeBlock >> 8);
            session.Command[at++] = (byte)MifareBadge.BadgeBlock;
            session.Command[at++] = KeyTypeA;
            session.Command[at++] = KeyNumber;
            return session.Exchange(at);
        }

        private static int ReadBlock(CardSession session)
        {
            int at = session.Header(ClaPseudoApdu, InsReadBinary, MifareBadge.BadgeBlock >> 8, MifareBadge.BadgeBlock & 0xFF);
            session.Command[at++] = MifareBadge.BlockLength;
            return session.Exchange(at);
        }
    }
}
