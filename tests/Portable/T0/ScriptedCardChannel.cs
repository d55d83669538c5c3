using System.Collections;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.T0
{
    /// <summary>
    /// A card conversation written in advance: what the host must send and what the card answers, with
    /// delays, parity errors and silence, on a virtual clock. Receive returns IoTimeout after advancing the
    /// clock by the timeout when the card has nothing (more) to say; Send records every byte and notes the
    /// first one that differs from the script.
    /// </summary>
    public sealed class ScriptedCardChannel : ICardChannel
    {
        /// <summary>Time one character takes on the line (about 10.2 etu at 9600 bd).</summary>
        public const long CharacterMicros = 1100;

        private readonly FakeClock _clock = new FakeClock();
        private readonly ArrayList _steps = new ArrayList();
        private readonly byte[] _sent = new byte[4096];
        private int _stepIndex;
        private int _byteIndex;

        public FakeClock FakeClock
        {
            get { return _clock; }
        }

        public IClock Clock
        {
            get { return _clock; }
        }

        /// <summary>The first deviation from the script, null while the host follows it.</summary>
        public string Failure { get; private set; }

        public int SentCount { get; private set; }

        public int DiscardCount { get; private set; }

        public int ApplyTimingCount { get; private set; }

        public CardTiming LastAppliedTiming { get; private set; }

        /// <summary>True when every scripted step was played.</summary>
        public bool Finished
        {
            get { return _stepIndex >= _steps.Count; }
        }

        public string SentHex
        {
            get { return TestSupport.ToHex(_sent, 0, SentCount); }
        }

        /// <summary>The host must send these bytes next.</summary>
        public ScriptedCardChannel Expect(string hex)
        {
            return Add(new Step(true, TestSupport.Hex(hex), 0, false, 0));
        }

        /// <summary>The card answers these bytes at once.</summary>
        public ScriptedCardChannel Reply(string hex)
        {
            return Add(new Step(false, TestSupport.Hex(hex), 0, false, 0));
        }

        /// <summary>The card answers after <paramref name="delayMicros"/> of silence.</summary>
        public ScriptedCardChannel ReplyAfter(long delayMicros, string hex)
        {
            return Add(new Step(false, TestSupport.Hex(hex), delayMicros, false, 0));
        }

        /// <summary>The card answers, but the receiver sees a parity error on these bytes.</summary>
        public ScriptedCardChannel ReplyWithParityError(string hex)
        {
            return Add(new Step(false, TestSupport.Hex(hex), 0, true, 0));
        }

        /// <summary>The card sends <paramref name="value"/> every <paramref name="intervalMicros"/>, without end.</summary>
        public ScriptedCardChannel ReplyForever(byte value, long intervalMicros)
        {
            byte[] one = new byte[] { value };
            return Add(new Step(false, one, intervalMicros, false, -1));
        }

        public SmartcardStatus ApplyTiming(CardTiming timing)
        {
            ApplyTimingCount++;
            CardTiming copy = new CardTiming();
            copy.CopyFrom(timing);
            LastAppliedTiming = copy;
            return SmartcardStatus.Success;
        }

        public SmartcardStatus Send(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                byte value = buffer[offset + i];
                if (SentCount < _sent.Length)
                {
                    _sent[SentCount++] = value;
                }

                CheckSent(value);
            }

            return SmartcardStatus.Success;
        }

        public SmartcardStatus Receive(byte[] buffer, int offset, int count, int firstCharTimeoutMicros, int nextCharTimeoutMicros, out int received)
        {
            received = 0;
            bool parityError = false;
            for (int i = 0; i < count; i++)
            {
                int timeout = i == 0 ? firstCharTimeoutMicros : nextCharTimeoutMicros;
                Step step = CardStep();
                if (step == null)
                {
                    // The card has nothing to say (or waits for the host): silence for the whole timeout.
                    _clock.Advance(timeout);
                    return SmartcardStatus.IoTimeout;
                }

                if (!WaitFor(step, timeout))
                {
                    return SmartcardStatus.IoTimeout;
                }

                buffer[offset + i] = step.Bytes[_byteIndex];
                parityError |= step.ParityError;
                received++;
                AdvanceCardByte(step);
            }

            return parityError ? SmartcardStatus.ParityError : SmartcardStatus.Success;
        }

        public void DiscardInput()
        {
            // What the card already sent of its current answer is dropped.
            DiscardCount++;
            Step step = CardStep();
            if (step != null && step.Repeat >= 0)
            {
                _stepIndex++;
                _byteIndex = 0;
            }
        }

        private ScriptedCardChannel Add(Step step)
        {
            _steps.Add(step);
            return this;
        }

        private Step CardStep()
        {
            if (_stepIndex >= _steps.Count)
            {
                return null;
            }

            Step step = (Step)_steps[_stepIndex];
            return step.FromHost ? null : step;
        }

        /// <summary>Silence longer than the timeout: the clock moves by the timeout and the card's delay shrinks by it.</summary>
        private bool WaitFor(Step step, int timeout)
        {
            long delay = _byteIndex == 0 ? step.PendingDelay : 0;
            if (delay > timeout)
            {
                _clock.Advance(timeout);
                step.PendingDelay -= timeout;
                return false;
            }

            _clock.Advance(delay + CharacterMicros);
            step.PendingDelay = 0;
            return true;
        }

        private void AdvanceCardByte(Step step)
        {
            if (step.Repeat < 0)
            {
                step.PendingDelay = step.Delay;
                return;
            }

            _byteIndex++;
            if (_byteIndex >= step.Bytes.Length)
            {
                _stepIndex++;
                _byteIndex = 0;
            }
        }

        private void CheckSent(byte value)
        {
            if (Failure != null)
            {
                return;
            }

            Step step = _stepIndex < _steps.Count ? (Step)_steps[_stepIndex] : null;
            if (step == null || !step.FromHost)
            {
                Failure = "host sent " + value.ToString("X2") + " at byte " + (SentCount - 1).ToString() + " where the script has none";
                return;
            }

            if (step.Bytes[_byteIndex] != value)
            {
                Failure = "host sent " + value.ToString("X2") + " where the script expects " + step.Bytes[_byteIndex].ToString("X2")
                    + " (step " + _stepIndex.ToString() + ", sent so far " + SentHex + ")";
                return;
            }

            _byteIndex++;
            if (_byteIndex >= step.Bytes.Length)
            {
                _stepIndex++;
                _byteIndex = 0;
            }
        }

        private sealed class Step
        {
            public Step(bool fromHost, byte[] bytes, long delay, bool parityError, int repeat)
            {
                FromHost = fromHost;
                Bytes = bytes;
                Delay = delay;
                PendingDelay = delay;
                ParityError = parityError;
                Repeat = repeat;
            }

            public bool FromHost;
            public byte[] Bytes;
            public long Delay;
            public long PendingDelay;
            public bool ParityError;

            /// <summary>-1: the step never ends.</summary>
            public int Repeat;
        }
    }
}
