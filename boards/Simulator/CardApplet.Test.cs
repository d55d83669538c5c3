namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>The test commands in CLA 80 (PATTERN, ECHO, SLOW) and the slow-answer table.</summary>
    public sealed partial class CardApplet
    {
        private const int DefaultWtxMultiplier = 2;

        /// <summary>Makes every command with <paramref name="ins"/> slow: <paramref name="waits"/> S(WTX) requests (T=1) or NULL bytes (T=0) before the answer.</summary>
        public void AnswerSlowly(byte ins, int waits, int multiplier)
        {
            _slowWaits[ins] = waits;
            _slowMultipliers[ins] = multiplier > 0 ? multiplier : DefaultWtxMultiplier;
        }

        /// <summary>How slowly a command is answered: waiting-time requests and their multiplier (0 waits: at once).</summary>
        internal int Slowness(byte cla, byte ins, byte p1, byte p2, out int multiplier)
        {
            if (cla == ClaProprietary && ins == InsSlow)
            {
                multiplier = p2 > 0 ? p2 : DefaultWtxMultiplier;
                return p1;
            }

            multiplier = _slowMultipliers[ins];
            return _slowWaits[ins];
        }

        private int DispatchTest(CardCommand command, CardResponse output)
        {
            switch (command.Ins)
            {
                case InsPattern:
                    return Pattern(command, output);
                case InsEcho:
                case InsSlow:
                    return Echo(command, output);
                default:
                    return SwInsNotSupported;
            }
        }

        /// <summary>PATTERN: P1P2 bytes of the known pattern; 6Cxx (or 6700 beyond 256) when Ne is smaller.</summary>
        private int Pattern(CardCommand command, CardResponse output)
        {
            int count = command.P1P2;
            if (count > command.Ne)
            {
                return count <= CardCommand.MaxShortNe ? SwWrongLe | (count & 0xFF) : SwWrongLength;
            }

            if (count > output.Capacity)
            {
                return SwWrongLength;
            }

            for (int i = 0; i < count; i++)
            {
                output.Append(PatternByte(i));
            }

            return SwOk;
        }

        /// <summary>ECHO: the command data back (as much as Ne allows).</summary>
        private int Echo(CardCommand command, CardResponse output)
        {
            if (command.Nc > output.Capacity)
            {
                return command.Ne == 0 ? SwOk : SwWrongLength;
            }

            for (int i = 0; i < command.Nc; i++)
            {
                output.Append(command.Buffer[command.DataOffset + i]);
            }

            return SwOk;
        }
    }
}
