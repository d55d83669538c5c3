using System;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// Time from an ISO 14443-4 card entering the virtual PN532's field to SCardGetStatusChange returning
    /// with the reader PRESENT, in virtual time, with the driver's own poll thread at a given period. Each
    /// trial starts right after the previous card's removal was reported (the poll thread is held there by
    /// <see cref="Pn532PresenceGate"/>) and places the card at a chosen offset from that moment. The driver
    /// decides how long it pauses between polls (never longer than the period), so the offsets are spread
    /// evenly over several periods plus empty polls: every phase of the poll cycle is hit, arrivals in the
    /// middle of a poll included, and no phase is favoured much.
    /// </summary>
    public sealed class Pn532PresenceBench : IDisposable
    {
        private static readonly byte[] CardUid = { 0x08, 0x12, 0x34, 0x56 };

        /// <summary>How many of the longest possible poll cycles (period + empty poll) the offsets cover.</summary>
        private const int SweptCycles = 4;

        private readonly Pn532BenchRig rig;
        private readonly Pn532PresenceGate gate = new Pn532PresenceGate();
        private readonly StatusChangeWaiter waiter;
        private readonly int context;
        private long placedAt;

        public Pn532PresenceBench(Pn532BenchBus bus, bool irqWired, long pollPeriodMicros)
        {
            PollPeriodMicros = pollPeriodMicros;
            MeasurePollDurations(bus, irqWired);
            rig = new Pn532BenchRig(bus, irqWired, pollPeriodMicros);
            rig.Reader.PresenceChanged += gate.OnPresenceChanged;
            int result = rig.Manager.EstablishContext(ScardConstants.ScopeSystem, out context);
            if (result != ScardError.Success)
            {
                throw new InvalidOperationException("EstablishContext failed: " + ScardError.GetName(result));
            }

            waiter = new StatusChangeWaiter(rig.Manager, context, rig.ManagedReaderName);
            waiter.Start();
            try
            {
                // A first card, not measured, brings the poll thread to the gate for the first trial. The
                // waiter must be in its blocking call first: had it only started after the card was listed, its
                // first call would already see PRESENT and the wait for a change would never return.
                waiter.WaitUntilBlocked();
                rig.Chip.PlaceCard(NewCard());
                gate.WaitHeld();
                waiter.WaitForState(ScardConstants.StatePresent);
                RemoveCardAndHold();
            }
            catch (Exception)
            {
                Dispose();
                throw;
            }
        }

        public string Label
        {
            get { return rig.Label; }
        }

        public long PollPeriodMicros { get; private set; }

        /// <summary>Virtual duration of one poll of an empty field (InRelease, InListPassiveTarget with its retries).</summary>
        public long EmptyPollMicros { get; private set; }

        /// <summary>Virtual duration of the poll that finds a card (InRelease, InListPassiveTarget activating it).</summary>
        public long ArrivalPollMicros { get; private set; }

        /// <summary>The longest poll cycle: a pause of the whole period, then a poll of an empty field.</summary>
        public long LongestCycleMicros
        {
            get { return PollPeriodMicros + EmptyPollMicros; }
        }

        /// <summary>Latencies of <paramref name="trials"/> arrivals spread evenly over several poll cycles, sorted, in microseconds.</summary>
        public long[] Measure(int trials)
        {
            long[] latencies = new long[trials];
            for (int i = 0; i < trials; i++)
            {
                latencies[i] = MeasureArrival(SweptCycles * LongestCycleMicros * (i + 1) / trials);
            }

            Array.Sort(latencies);
            return latencies;
        }

        /// <summary>
        /// Places a card <paramref name="offsetMicros"/> after the end of the poll that reported the last
        /// removal and returns the virtual time until GetStatusChange reported it PRESENT.
        /// </summary>
        public long MeasureArrival(long offsetMicros)
        {
            rig.Clock.Schedule(rig.Clock.NowMicros + offsetMicros, PlaceCard, null);
            waiter.WaitUntilBlocked();
            gate.Release();
            gate.WaitHeld();
            waiter.WaitForState(ScardConstants.StatePresent);
            long latency = rig.Clock.NowMicros - placedAt;
            RemoveCardAndHold();
            return latency;
        }

        public void Dispose()
        {
            waiter.Stop();
            gate.Open();
            rig.Manager.ReleaseContext(context);
            rig.Dispose();
        }

        /// <summary>Runs on the poll thread, inside its wait, at the chosen time.</summary>
        private void PlaceCard(VirtualTimer timer, long dueMicros)
        {
            placedAt = rig.Clock.NowMicros;
            rig.Chip.PlaceCard(NewCard());
        }

        /// <summary>Takes the card out while the poll thread is held, lets it go and waits until the removal is reported and held.</summary>
        private void RemoveCardAndHold()
        {
            rig.Chip.RemoveCard();
            gate.Release();
            gate.WaitHeld();
            waiter.WaitForState(ScardConstants.StateEmpty);
        }

        /// <summary>The two poll durations, on a rig of their own without a poll thread.</summary>
        private void MeasurePollDurations(Pn532BenchBus bus, bool irqWired)
        {
            using (Pn532BenchRig probe = new Pn532BenchRig(bus, irqWired, 0))
            {
                probe.Reader.Poll();
                long start = probe.Clock.NowMicros;
                probe.Reader.Poll();
                EmptyPollMicros = probe.Clock.NowMicros - start;
                probe.Chip.PlaceCard(NewCard());
                start = probe.Clock.NowMicros;
                probe.Reader.Poll();
                ArrivalPollMicros = probe.Clock.NowMicros - start;
                if (!probe.Reader.IsCardPresent())
                {
                    throw new InvalidOperationException("the probe poll did not find the card");
                }
            }
        }

        private static Iso14443_4Card NewCard()
        {
            return new Iso14443_4Card(CardUid, CardProfile.DirectT0());
        }
    }
}
