using System;
using System.Collections;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>What a fault counts: characters or T=1 blocks, sent by the card or received by it.</summary>
    public enum CardFaultScope
    {
        /// <summary>Characters the card sends (ATR, PPS, procedure bytes, data, block bytes).</summary>
        SentCharacter = 0,

        /// <summary>Characters the card receives from the reader.</summary>
        ReceivedCharacter = 1,

        /// <summary>Whole T=1 blocks the card sends.</summary>
        SentBlock = 2,

        /// <summary>Whole T=1 blocks the card receives (counted when the last byte arrives).</summary>
        ReceivedBlock = 3,
    }

    /// <summary>What happens to the counted character or block.</summary>
    public enum CardFaultKind
    {
        /// <summary>It never arrives (sent) or the card never sees it (received).</summary>
        Drop = 0,

        /// <summary>A sent character goes out with one data bit flipped (a parity error); a sent block with a wrong EDC; a received one is seen with an error.</summary>
        Corrupt = 1,

        /// <summary>A sent character or block starts later by the fault's delay; a received one is answered later by it.</summary>
        Delay = 2,

        /// <summary>From there on the card stops answering (until the next reset).</summary>
        Mute = 3,

        /// <summary>The card is pulled out at that moment: card detect goes inactive and the card stops.</summary>
        Yank = 4,
    }

    /// <summary>One armed fault.</summary>
    public sealed class CardFault
    {
        internal CardFault(CardFaultScope scope, int ordinal, CardFaultKind kind, long delayMicros)
        {
            Scope = scope;
            Ordinal = ordinal;
            Kind = kind;
            DelayMicros = delayMicros;
        }

        public CardFaultScope Scope { get; private set; }

        /// <summary>Absolute ordinal of the character or block in its scope since the card was made.</summary>
        public int Ordinal { get; private set; }

        public CardFaultKind Kind { get; private set; }

        /// <summary>For <see cref="CardFaultKind.Delay"/>: how much later, in microseconds.</summary>
        public long DelayMicros { get; private set; }
    }

    /// <summary>
    /// Fault injection at any byte or block, in both directions. Faults are one-shot and counted from the
    /// moment they are armed: <c>Arm(CardFaultScope.SentCharacter, 0, CardFaultKind.Corrupt)</c> corrupts the
    /// next character the card sends, <c>Arm(CardFaultScope.ReceivedBlock, 2, CardFaultKind.Drop)</c> makes the
    /// card ignore the third T=1 block it receives from now on. Several faults may be armed at once.
    /// <see cref="RemoveOnInstruction"/> pulls the card as a command with a given INS arrives (a card taken
    /// away in the middle of an authentication), contact and contactless alike.
    /// </summary>
    public sealed class CardFaults
    {
        private const int ScopeCount = 4;

        private readonly object _lock = new object();
        private readonly ArrayList _armed = new ArrayList();
        private readonly int[] _counts = new int[ScopeCount];
        private const int InstructionCount = 256;

        /// <summary>Removals armed per instruction byte: counted in an array, so the check each command makes
        /// allocates nothing (an ArrayList of boxed bytes would cost the transmit path 24 bytes a command).</summary>
        private readonly int[] _removalsByInstruction = new int[InstructionCount];
        private int _removalCount;

        /// <summary>Arms a fault on the <paramref name="index"/>-th item of <paramref name="scope"/> from now (0 = the next one).</summary>
        public void Arm(CardFaultScope scope, int index, CardFaultKind kind)
        {
            ArmDelay(scope, index, kind, 0);
        }

        /// <summary>Arms a <see cref="CardFaultKind.Delay"/> of <paramref name="delayMicros"/> on the <paramref name="index"/>-th item from now.</summary>
        public void Delay(CardFaultScope scope, int index, long delayMicros)
        {
            ArmDelay(scope, index, CardFaultKind.Delay, delayMicros);
        }

        /// <summary>
        /// Pulls the card when the next command with instruction byte <paramref name="ins"/> arrives (e.g. 0x88,
        /// INTERNAL AUTHENTICATE): it never answers that command and leaves its slot or the PN532's field. Once.
        /// </summary>
        public void RemoveOnInstruction(byte ins)
        {
            lock (_lock)
            {
                _removalsByInstruction[ins]++;
                _removalCount++;
            }
        }

        /// <summary>Disarms every fault.</summary>
        public void Clear()
        {
            lock (_lock)
            {
                _armed.Clear();
                Array.Clear(_removalsByInstruction, 0, InstructionCount);
                _removalCount = 0;
            }
        }

        /// <summary>Faults armed and not yet triggered.</summary>
        public int PendingCount
        {
            get
            {
                lock (_lock)
                {
                    return _armed.Count + _removalCount;
                }
            }
        }

        /// <summary>How many items of <paramref name="scope"/> the card has handled since it was made.</summary>
        public int Count(CardFaultScope scope)
        {
            lock (_lock)
            {
                return _counts[(int)scope];
            }
        }

        /// <summary>Counts one item of <paramref name="scope"/> and returns the fault armed on it, or null.</summary>
        internal CardFault Next(CardFaultScope scope)
        {
            lock (_lock)
            {
                int ordinal = _counts[(int)scope]++;
                for (int i = 0; i < _armed.Count; i++)
                {
                    CardFault fault = (CardFault)_armed[i];
                    if (fault.Scope == scope && fault.Ordinal == ordinal)
                    {
                        _armed.RemoveAt(i);
                        return fault;
                    }
                }

                return null;
            }
        }

        /// <summary>True (and disarmed) when a <see cref="RemoveOnInstruction"/> fault waits for <paramref name="ins"/>.</summary>
        internal bool TakeRemoval(byte ins)
        {
            lock (_lock)
            {
                if (_removalsByInstruction[ins] == 0)
                {
                    return false;
                }

                _removalsByInstruction[ins]--;
                _removalCount--;
                return true;
            }
        }

        private void ArmDelay(CardFaultScope scope, int index, CardFaultKind kind, long delayMicros)
        {
            lock (_lock)
            {
                _armed.Add(new CardFault(scope, _counts[(int)scope] + index, kind, delayMicros));
            }
        }
    }
}
