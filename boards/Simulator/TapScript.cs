using System;
using System.Collections;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// A scripted sequence of taps on a simulated PN532: steps of (virtual time, card kind or "none"),
    /// played against the chip's field on its <see cref="VirtualClock"/>. Each kind is one physical card
    /// for the whole script, so a card tapped again comes back with what was written to it.
    /// Text form (<see cref="Parse"/>): "&lt;ms&gt;:&lt;card&gt;" steps joined by ';', times in milliseconds
    /// from the start and never decreasing, e.g. "0:iso14443-4;3000:none;4000:mifare1k".
    /// </summary>
    public sealed class TapScript
    {
        /// <summary>The text form, for usage texts and errors.</summary>
        public const string Grammar = "<ms>:<card>[;<ms>:<card>...] with card " + SimulatorPn532Cards.Kinds;

        private const char StepSeparator = ';';
        private const char TimeSeparator = ':';
        private const long MicrosPerMilli = 1000;

        /// <summary>Longest time a step may name: a day, far beyond any session, and safe from overflow in microseconds.</summary>
        private const long MaxMillis = 86400000;

        private readonly ArrayList _steps = new ArrayList();

        public int Count
        {
            get { return _steps.Count; }
        }

        public TapStep this[int index]
        {
            get { return (TapStep)_steps[index]; }
        }

        /// <summary>A script that puts one card of <paramref name="kind"/> on the antenna at once and leaves it there.</summary>
        public static TapScript CardStaysOn(string kind)
        {
            TapScript script = new TapScript();
            script.Add(0, kind);
            return script;
        }

        /// <summary>Parses the text form; anything else is an ArgumentException naming the bad step.</summary>
        public static TapScript Parse(string text)
        {
            if (text == null || text.Length == 0)
            {
                throw new ArgumentException("the tap script is empty (" + Grammar + ")");
            }

            TapScript script = new TapScript();
            string[] steps = text.Split(StepSeparator);
            for (int i = 0; i < steps.Length; i++)
            {
                script.AddStep(steps[i]);
            }

            return script;
        }

        /// <summary>
        /// Appends a step at <paramref name="atMicros"/> (not before the previous step) putting a card of
        /// <paramref name="cardKind"/> on the antenna. ArgumentException for an unknown kind or a time going back.
        /// </summary>
        public void Add(long atMicros, string cardKind)
        {
            if (!SimulatorPn532Cards.IsKind(cardKind))
            {
                throw new ArgumentException("unknown card '" + cardKind + "' in the tap script (cards: " + SimulatorPn532Cards.Kinds + ")");
            }

            if (atMicros < 0 || (_steps.Count > 0 && atMicros < this[_steps.Count - 1].AtMicros))
            {
                throw new ArgumentException("tap script times must start at 0 or later and never decrease");
            }

            _steps.Add(new TapStep(atMicros, cardKind));
        }

        /// <summary>Schedules every step on <paramref name="chip"/>'s clock, counted from its current time.</summary>
        public void PlayOn(VirtualPn532 chip)
        {
            Player player = new Player(chip);
            long start = chip.Clock.NowMicros;
            for (int i = 0; i < _steps.Count; i++)
            {
                chip.Clock.Schedule(start + this[i].AtMicros, player.OnStep, this[i]);
            }
        }

        private void AddStep(string step)
        {
            int colon = step.IndexOf(TimeSeparator);
            long millis = colon > 0 ? Millis(step.Substring(0, colon)) : -1;
            if (millis < 0)
            {
                throw new ArgumentException("tap step '" + step + "' is not <ms>:<card> (" + Grammar + ")");
            }

            Add(millis * MicrosPerMilli, step.Substring(colon + 1));
        }

        /// <summary>A whole number of milliseconds up to <see cref="MaxMillis"/>, or -1.</summary>
        private static long Millis(string digits)
        {
            long value = 0;
            for (int i = 0; i < digits.Length; i++)
            {
                char c = digits[i];
                if (c < '0' || c > '9')
                {
                    return -1;
                }

                value = value * 10 + (c - '0');
                if (value > MaxMillis)
                {
                    return -1;
                }
            }

            return value;
        }

        /// <summary>Carries out the steps on one chip, with one card per kind.</summary>
        private sealed class Player
        {
            private readonly VirtualPn532 _chip;
            // One card per kind, in the order the kinds first appear.
            private readonly ArrayList _kinds = new ArrayList();
            private readonly ArrayList _cards = new ArrayList();

            public Player(VirtualPn532 chip)
            {
                _chip = chip;
            }

            public void OnStep(VirtualTimer timer, long dueMicros)
            {
                string kind = ((TapStep)timer.State).CardKind;
                if (kind == SimulatorPn532Cards.None)
                {
                    _chip.RemoveCard();
                    return;
                }

                _chip.PlaceCard(CardOf(kind));
            }

            private ContactlessCard CardOf(string kind)
            {
                int index = _kinds.IndexOf(kind);
                if (index >= 0)
                {
                    return (ContactlessCard)_cards[index];
                }

                ContactlessCard card = SimulatorPn532Cards.Create(kind);
                _kinds.Add(kind);
                _cards.Add(card);
                return card;
            }
        }
    }
}
