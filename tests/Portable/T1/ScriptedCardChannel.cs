using System.Collections;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Tests.T1
{
    /// <summary>
    /// An <see cref="ICardChannel"/> that plays a script: each step is the exact block the host must
    /// send next and the bytes the card answers with (null: the card stays silent). It checks every
    /// Send against the script and records the first-character time-out of every Receive.
    /// A missing byte is a time-out; a step can also report a parity error or a pulled card.
    /// </summary>
    public sealed class ScriptedCardChannel : ICardChannel
    {
        private readonly TestClock _clock = new TestClock();
        private readonly ArrayList _steps = new ArrayList();
        private readonly byte[] _input = new byte[1024];
        private int _inputStart;
        private int _inputEnd;
        private bool _parityErrorPending;
        private bool _noMediaPending;
        private int _nextStep;

        /// <summary>First-character time-out of every Receive call, in order.</summary>
        public readonly ArrayList FirstCharTimeouts = new ArrayList();

        /// <summary>First-character time-out of the first Receive after each Send (the block waiting time used).</summary>
        public readonly ArrayList BlockWaits = new ArrayList();

        /// <summary>Description of the first Send that broke the script, or null.</summary>
        public string Failure;

        private bool _awaitingBlock;

        public IClock Clock
        {
            get { return _clock; }
        }

        public ScriptedCardChannel Step(byte[] hostBlock, byte[] cardReply)
        {
            _steps.Add(new ScriptStep(hostBlock, cardReply, false, false));
            return this;
        }

        /// <summary>The card's reply arrives complete but with a parity error on one character.</summary>
        public ScriptedCardChannel StepWithParityError(byte[] hostBlock, byte[] cardReply)
        {
            _steps.Add(new ScriptStep(hostBlock, cardReply, true, false));
            return this;
        }

        /// <summary>The card is pulled while the host waits for its reply.</summary>
        public ScriptedCardChannel StepThenCardPulled(byte[] hostBlock)
        {
            _steps.Add(new ScriptStep(hostBlock, null, false, true));
            return this;
        }

        /// <summary>Number of script steps not yet played.</summary>
        public int Remaining
        {
            get { return _steps.Count - _nextStep; }
        }

        public SmartcardStatus ApplyTiming(CardTiming timing)
        {
            return SmartcardStatus.Success;
        }

        public SmartcardStatus Send(byte[] buffer, int offset, int count)
        {
            string sent = TestSupport.ToHex(buffer, offset, count);
            if (_nextStep >= _steps.Count)
            {
                return Fail("unexpected block " + sent + " after the end of the script");
            }

            ScriptStep step = (ScriptStep)_steps[_nextStep];
            string expected = TestSupport.ToHex(step.HostBlock);
            if (sent != expected)
            {
                return Fail("step " + _nextStep.ToString() + ": expected " + expected + ", host sent " + sent);
            }

            _nextStep++;
            Queue(step.CardReply);
            _parityErrorPending = step.ParityError;
            _noMediaPending = step.CardPulled;
            _awaitingBlock = true;
            return SmartcardStatus.Success;
        }

        public SmartcardStatus Receive(byte[] buffer, int offset, int count, int firstCharTimeoutMicros, int nextCharTimeoutMicros, out int received)
        {
            FirstCharTimeouts.Add(firstCharTimeoutMicros);
            if (_awaitingBlock)
            {
                BlockWaits.Add(firstCharTimeoutMicros);
                _awaitingBlock = false;
            }

            received = 0;
            if (_noMediaPending)
            {
                return SmartcardStatus.NoMedia;
            }

            while (received < count && _inputStart < _inputEnd)
            {
                buffer[offset + received++] = _input[_inputStart++];
            }

            if (received < count)
            {
                _clock.Delay(received == 0 ? firstCharTimeoutMicros : nextCharTimeoutMicros);
                return SmartcardStatus.IoTimeout;
            }

            if (_parityErrorPending)
            {
                _parityErrorPending = false;
                return SmartcardStatus.ParityError;
            }

            return SmartcardStatus.Success;
        }

        public void DiscardInput()
        {
            _inputStart = _inputEnd;
        }

        private void Queue(byte[] reply)
        {
            _inputStart = 0;
            _inputEnd = 0;
            if (reply == null)
            {
                return;
            }

            for (int i = 0; i < reply.Length; i++)
            {
                _input[_inputEnd++] = reply[i];
            }
        }

        private SmartcardStatus Fail(string message)
        {
            if (Failure == null)
            {
                Failure = message;
            }

            return SmartcardStatus.IoDeviceError;
        }

        private sealed class ScriptStep
        {
            public readonly byte[] HostBlock;
            public readonly byte[] CardReply;
            public readonly bool ParityError;
            public readonly bool CardPulled;

            public ScriptStep(byte[] hostBlock, byte[] cardReply, bool parityError, bool cardPulled)
            {
                HostBlock = hostBlock;
                CardReply = cardReply;
                ParityError = parityError;
                CardPulled = cardPulled;
            }
        }

        private sealed class TestClock : IClock
        {
            private long _now;

            public long NowMicros
            {
                get { return _now; }
            }

            public void Delay(long micros)
            {
                if (micros > 0)
                {
                    _now += micros;
                }
            }
        }
    }
}
