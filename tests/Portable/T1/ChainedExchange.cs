using System.Collections;

namespace EmbeddedSmartCard.Tests.T1
{
    /// <summary>Where a block goes wrong in a scripted exchange.</summary>
    public enum T1Fault
    {
        /// <summary>The card receives the host's block with a bad EDC and says so with R(N(R), EDC error).</summary>
        HostBlockCorrupted,

        /// <summary>The card never receives the host's block and stays silent.</summary>
        HostBlockLost,

        /// <summary>The card's block reaches the host with a bad EDC.</summary>
        CardBlockCorrupted,

        /// <summary>The card's block never reaches the host (BWT expires).</summary>
        CardBlockLost,
    }

    /// <summary>
    /// The expected blocks of one APDU chained both ways, written out as the standard's scenarios
    /// describe them (ISO/IEC 7816-3 §11.6): the host chains the command at IFSC and
    /// the card acknowledges each part with R(N(R)); the card chains the response and the host
    /// acknowledges each part. Each step is a host block and the card's answer. The same script
    /// can be played with one fault at any step, followed by the recovery the rules prescribe.
    /// </summary>
    public sealed class ChainedExchange
    {
        private readonly T1TestBlocks _blocks;
        private readonly ArrayList _hostBlocks = new ArrayList();
        private readonly ArrayList _cardReplies = new ArrayList();
        private readonly ArrayList _hostSentIBlock = new ArrayList();

        /// <summary>N(S) the host expects from the card when it sends each step's block.</summary>
        private readonly ArrayList _hostExpectedNs = new ArrayList();

        /// <summary>N(S) the card expects from the host at each step (its N(R) when it asks again).</summary>
        private readonly ArrayList _cardExpectedNs = new ArrayList();

        /// <summary>N(S) of the host's next I-block and of the card's, after the exchange.</summary>
        public int HostNsAfter;
        public int CardNsAfter;

        public ChainedExchange(T1TestBlocks blocks, byte[] command, int ifsc, byte[] response, int cardBlockSize, int hostNs, int cardNs)
        {
            _blocks = blocks;
            int responseOffset = 0;
            for (int offset = 0; offset < command.Length; offset += ifsc)
            {
                int length = Min(ifsc, command.Length - offset);
                bool more = offset + length < command.Length;
                byte[] reply;
                if (more)
                {
                    reply = blocks.R(hostNs ^ 1, 0);
                }
                else
                {
                    reply = ResponseBlock(response, ref responseOffset, cardBlockSize, cardNs);
                }

                Add(blocks.I(hostNs, more, command, offset, length), reply, true, cardNs, hostNs);
                hostNs ^= 1;
                if (!more)
                {
                    cardNs ^= 1;
                }
            }

            while (responseOffset < response.Length)
            {
                byte[] reply = ResponseBlock(response, ref responseOffset, cardBlockSize, cardNs);
                Add(blocks.R(cardNs, 0), reply, false, cardNs, hostNs);
                cardNs ^= 1;
            }

            HostNsAfter = hostNs;
            CardNsAfter = cardNs;
        }

        public int StepCount
        {
            get { return _hostBlocks.Count; }
        }

        /// <summary>Adds the error-free exchange to the script.</summary>
        public void AddTo(ScriptedCardChannel channel)
        {
            for (int step = 0; step < StepCount; step++)
            {
                channel.Step(Host(step), Card(step));
            }
        }

        /// <summary>Adds the exchange with <paramref name="fault"/> at <paramref name="position"/> and the expected recovery.</summary>
        public void AddWithFault(ScriptedCardChannel channel, int position, T1Fault fault)
        {
            for (int step = 0; step < StepCount; step++)
            {
                if (step != position || !AddFaultAndRecovery(channel, step, fault))
                {
                    channel.Step(Host(step), Card(step));
                }
            }
        }

        /// <summary>
        /// The faulty attempt and the blocks of its recovery; false when the step is then played
        /// again as it was. After an error on its I-block the card asks with R(N(R)) and the host
        /// sends the I-block again (rule 7.1). A lost I-block shows as BWT expiry: the host sends
        /// R(N(R), other error) and the card answers R(N(S) it expects) (rules 7.3, 7.1). A lost or
        /// refused R-block of the host is sent again as it was (rule 7.2). A corrupted or lost card
        /// block is asked for again with R(N(R), EDC or other error) after an I-block (rule 7.1), or
        /// by repeating the host's R-block (rule 7.2).
        /// </summary>
        private bool AddFaultAndRecovery(ScriptedCardChannel channel, int step, T1Fault fault)
        {
            bool hostSentIBlock = (bool)_hostSentIBlock[step];
            int hostExpects = (int)_hostExpectedNs[step];
            int cardExpects = (int)_cardExpectedNs[step];
            switch (fault)
            {
                case T1Fault.HostBlockCorrupted:
                    channel.Step(Host(step), _blocks.R(cardExpects, 1));
                    return false;
                case T1Fault.HostBlockLost:
                    channel.Step(Host(step), null);
                    if (hostSentIBlock)
                    {
                        channel.Step(_blocks.R(hostExpects, 2), _blocks.R(cardExpects, 0));
                    }

                    return false;
                case T1Fault.CardBlockCorrupted:
                    channel.Step(Host(step), T1TestBlocks.Corrupt(Card(step)));
                    return AskCardAgain(channel, step, 1);
                default:
                    channel.Step(Host(step), null);
                    return AskCardAgain(channel, step, 2);
            }
        }

        private bool AskCardAgain(ScriptedCardChannel channel, int step, int error)
        {
            if (!(bool)_hostSentIBlock[step])
            {
                return false;
            }

            channel.Step(_blocks.R((int)_hostExpectedNs[step], error), Card(step));
            return true;
        }

        private byte[] Host(int step)
        {
            return (byte[])_hostBlocks[step];
        }

        private byte[] Card(int step)
        {
            return (byte[])_cardReplies[step];
        }

        private void Add(byte[] host, byte[] card, bool hostSentIBlock, int hostExpects, int cardExpects)
        {
            _hostBlocks.Add(host);
            _cardReplies.Add(card);
            _hostSentIBlock.Add(hostSentIBlock);
            _hostExpectedNs.Add(hostExpects);
            _cardExpectedNs.Add(cardExpects);
        }

        private byte[] ResponseBlock(byte[] response, ref int offset, int cardBlockSize, int cardNs)
        {
            int length = Min(cardBlockSize, response.Length - offset);
            bool more = offset + length < response.Length;
            byte[] block = _blocks.I(cardNs, more, response, offset, length);
            offset += length;
            return block;
        }

        private static int Min(int a, int b)
        {
            return a < b ? a : b;
        }
    }
}
