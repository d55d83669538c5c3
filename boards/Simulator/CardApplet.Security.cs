namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>GET CHALLENGE and VERIFY with its retry counter (ISO 7816-4 §11.5).</summary>
    public sealed partial class CardApplet
    {
        private const int ChallengeMultiplier = 1103515245;
        private const int ChallengeIncrement = 12345;

        /// <summary>GET CHALLENGE (ISO 7816-4 §11.5.3): Ne pseudo-random bytes.</summary>
        private int GetChallenge(CardCommand command, CardResponse output)
        {
            if (command.P1P2 != 0)
            {
                return SwWrongP1P2;
            }

            if (command.Ne == 0)
            {
                return SwWrongLength;
            }

            while (output.Length < output.Capacity)
            {
                _challengeState = _challengeState * ChallengeMultiplier + ChallengeIncrement;
                output.Append((byte)(_challengeState >> 16));
            }

            return SwOk;
        }

        /// <summary>VERIFY (ISO 7816-4 §11.5.6): no data asks for the state, 63Cx counts tries left, 6983 when blocked.</summary>
        private int Verify(CardCommand command)
        {
            if (command.P1 != 0 || command.P2 != PinReference)
            {
                return SwReferenceNotFound;
            }

            if (command.Nc == 0)
            {
                if (PinVerified)
                {
                    return SwOk;
                }

                return PinTriesLeft == 0 ? SwPinBlocked : SwTriesLeft | PinTriesLeft;
            }

            if (PinTriesLeft == 0)
            {
                return SwPinBlocked;
            }

            if (PinMatches(command))
            {
                PinVerified = true;
                PinTriesLeft = _profile.PinTries;
                return SwOk;
            }

            PinVerified = false;
            PinTriesLeft--;
            return SwTriesLeft | PinTriesLeft;
        }

        private bool PinMatches(CardCommand command)
        {
            byte[] pin = _profile.Pin;
            if (command.Nc != pin.Length)
            {
                return false;
            }

            for (int i = 0; i < pin.Length; i++)
            {
                if (command.Buffer[command.DataOffset + i] != pin[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
