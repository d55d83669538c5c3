using EmbeddedSmartCard.Firmware.Security;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The door-access applet (<see cref="AccessApplet"/>): SELECT by its AID, GET DATA of the card identifier
    /// and INTERNAL AUTHENTICATE answering a challenge with the per-card key the card was personalised with
    /// (<see cref="CardProfile.AccessCardId"/>, <see cref="CardProfile.AccessKey"/>). A card without an
    /// identifier has no such applet; one with an identifier but no key answers 6985 to the challenge, which
    /// is what a clone that copied only the UID looks like.
    /// </summary>
    public sealed partial class CardApplet
    {
        /// <summary>INTERNAL AUTHENTICATE P1P2 = 0000: algorithm and key known implicitly (ISO 7816-4 §11.5.2).</summary>
        private const int ImplicitAlgorithmAndKey = 0x0000;

        private readonly AccessResponse _accessResponse = new AccessResponse();
        private readonly byte[] _accessAnswer = new byte[AccessResponse.Length];
        private bool _accessSelected;

        /// <summary>True while the access applet is the selected application.</summary>
        public bool AccessSelected
        {
            get { return _accessSelected; }
        }

        /// <summary>SELECT (ISO 7816-4 §11.2.2): the access AID by DF name selects the applet, anything else the file tree.</summary>
        private int SelectApplicationOrFile(CardCommand command, CardResponse output)
        {
            if (command.P1 == SelectByName && AccessApplet.IsAid(command.Buffer, command.DataOffset, command.Nc))
            {
                return SelectAccessApplet(command);
            }

            int sw = Select(command, output);
            if (sw == SwOk)
            {
                _accessSelected = false;
            }

            return sw;
        }

        private int SelectAccessApplet(CardCommand command)
        {
            if (command.P2 != ReturnFci && command.P2 != ReturnFcp && command.P2 != ReturnNothing)
            {
                return SwWrongP1P2;
            }

            if (_profile.AccessCardId == null)
            {
                return SwFileNotFound;
            }

            _accessSelected = true;
            return SwOk;
        }

        /// <summary>GET DATA (ISO 7816-4 §11.4.3) of the card identifier; 6Cxx gives the right Le.</summary>
        private int GetData(CardCommand command, CardResponse output)
        {
            if (!_accessSelected)
            {
                return SwFileNotFound;
            }

            if (command.P1P2 != AccessApplet.CardIdentifierTag)
            {
                return SwReferenceNotFound;
            }

            byte[] cardId = _profile.AccessCardId;
            if (cardId.Length > command.Ne || cardId.Length > output.Capacity)
            {
                return SwWrongLe | cardId.Length;
            }

            for (int i = 0; i < cardId.Length; i++)
            {
                output.Append(cardId[i]);
            }

            return SwOk;
        }

        /// <summary>
        /// INTERNAL AUTHENTICATE (ISO 7816-4 §11.5.2): Lc = the reader's challenge, the answer is
        /// <see cref="AccessResponse"/> under the card's key; Le must leave room for it.
        /// </summary>
        private int InternalAuthenticate(CardCommand command, CardResponse output)
        {
            if (!_accessSelected)
            {
                return SwFileNotFound;
            }

            if (command.P1P2 != ImplicitAlgorithmAndKey)
            {
                return SwWrongP1P2;
            }

            if (command.Nc != AccessChallenge.ChallengeLength || command.Ne < AccessResponse.Length || output.Capacity < AccessResponse.Length)
            {
                return SwWrongLength;
            }

            byte[] key = _profile.AccessKey;
            if (key == null)
            {
                return SwConditionsNotSatisfied;
            }

            byte[] cardId = _profile.AccessCardId;
            _accessResponse.Compute(key, 0, key.Length, command.Buffer, command.DataOffset, command.Nc, cardId, 0, cardId.Length, _accessAnswer, 0);
            for (int i = 0; i < _accessAnswer.Length; i++)
            {
                output.Append(_accessAnswer[i]);
            }

            return SwOk;
        }
    }
}
