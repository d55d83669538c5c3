using EmbeddedSmartCard.Firmware.Security;

namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// Authenticates a card carrying the door-access applet (firmware/Security README): SELECT by DF name of
    /// its AID, GET DATA of the card identifier, INTERNAL AUTHENTICATE with a fresh challenge, and the answer
    /// checked against the key derived from the site key for that identifier. A card answering with a cloned
    /// identifier but without the derived key fails the challenge. Buffers are allocated once.
    /// </summary>
    public sealed class AccessAppletAuthenticator
    {
        private const int ClaInterindustry = 0x00;

        /// <summary>SELECT (ISO 7816-4 §11.2.2): P1 04 = by DF name, P2 0C = first occurrence, no FCI back.</summary>
        private const int InsSelect = 0xA4;
        private const int SelectByName = 0x04;
        private const int SelectNoResponse = 0x0C;

        /// <summary>Le 00: up to 256 bytes (ISO 7816-4 §5.1).</summary>
        private const byte LeMaximum = 0x00;

        private readonly DoorConfig _config;
        private readonly AccessChallenge _challenge;
        private readonly CardKeyDerivation _derivation = new CardKeyDerivation();
        private readonly byte[] _cardKey = new byte[CardKeyDerivation.KeyLength];
        private readonly byte[] _cardId = new byte[AuditRecord.MaxCardIdLength];

        public AccessAppletAuthenticator(DoorConfig config, IChallengeSource challenges)
        {
            _config = config;
            _challenge = new AccessChallenge(challenges);
        }

        /// <summary>True when the card proved the key of the identifier it gave (now in the decision);
        /// otherwise the decision is concluded with the reason.</summary>
        public bool Authenticate(CardSession session, DoorDecision decision)
        {
            if (!CardStep.Check(session, decision, "SELECT", DoorDecisionCode.DeniedUnknownCard, SelectApplet(session))
                || !CardStep.Check(session, decision, "GET DATA", DoorDecisionCode.DeniedUnknownCard, GetCardId(session)))
            {
                return false;
            }

            int idLength = session.DataLength;
            if (idLength == 0 || idLength > _cardId.Length)
            {
                decision.Conclude(DoorDecisionCode.DeniedUnknownCard, "card identifier of " + idLength.ToString() + " bytes");
                return false;
            }

            Copy(session.Response, _cardId, idLength);
            decision.SetCardId(_cardId, 0, idLength);
            if (!CardStep.Check(session, decision, "INTERNAL AUTHENTICATE", DoorDecisionCode.DeniedAuthentication, InternalAuthenticate(session)))
            {
                return false;
            }

            _derivation.Derive(_config.SiteKey, 0, _config.SiteKey.Length, _cardId, 0, idLength, _cardKey, 0);
            if (!_challenge.Verify(_cardKey, 0, _cardKey.Length, _cardId, 0, idLength, session.Response, 0, session.DataLength))
            {
                decision.Conclude(DoorDecisionCode.DeniedAuthentication, "wrong answer to the challenge");
                return false;
            }

            return true;
        }

        private static int SelectApplet(CardSession session)
        {
            int at = session.Header(ClaInterindustry, InsSelect, SelectByName, SelectNoResponse);
            session.Command[at++] = (byte)AccessApplet.AidLength;
            AccessApplet.CopyAid(session.Command, at);
            return session.Exchange(at + AccessApplet.AidLength);
        }

        private static int GetCardId(CardSession session)
        {
            int at = session.Header(ClaInterindustry, AccessApplet.InsGetData, AccessApplet.CardIdentifierTag >> 8, AccessApplet.CardIdentifierTag & 0xFF);
            session.Command[at++] = LeMaximum;
            return session.Exchange(at);
        }

        /// <summary>INTERNAL AUTHENTICATE 00 88 00 00 (ISO 7816-4 §11.5.2: P1 P2 00 = no algorithm or key reference given).</summary>
        private int InternalAuthenticate(CardSession session)
        {
            int at = session.Header(ClaInterindustry, AccessApplet.InsInternalAuthenticate, 0x00, 0x00);
            byte[] challenge = _challenge.Next();
            session.Command[at++] = AccessChallenge.ChallengeLength;
            for (int i = 0; i < AccessChallenge.ChallengeLength; i++)
            {
                session.Command[at++] = challenge[i];
            }

            session.Command[at++] = LeMaximum;
            return session.Exchange(at);
        }

        private static void Copy(byte[] source, byte[] destination, int count)
        {
            for (int i = 0; i < count; i++)
            {
                destination[i] = source[i];
            }
        }
    }
}
