namespace EmbeddedSmartCard.Drivers.Pn532
{
    public sealed partial class Pn532Reader
    {
        /// <summary>InListPassiveTarget: one target (MaxTg 1) at 106 kbps type A (BrTy 00) or type B (BrTy 03), reference §3.3.</summary>
        const byte MaxTargets = 1;
        const byte BaudRate106TypeA = 0x00;
        const byte BaudRate106TypeB = 0x03;

        /// <summary>Type B InitiatorData: AFI 00 asks every card family to answer REQB (ISO 14443-3 §7.9.2).</summary>
        const byte AfiAllFamilies = 0x00;

        /// <summary>InListPassiveTarget parameters before the InitiatorData: MaxTg, BrTy.</summary>
        const int ListParameters = 2;

        /// <summary>InRelease target 0: every target the chip knows.</summary>
        const byte AllTargets = 0x00;

        /// <summary>Outcomes of <see cref="ListTarget"/>.</summary>
        const int TargetNone = 0;
        const int TargetSame = 1;
        const int TargetNew = 2;
        const int TargetUnknown = 3;

        /// <summary>
        /// Debounce of the presence check of a powered card: a failed probe is repeated at once, and only
        /// this many failures in a row mean the card left (reference §6.2).
        /// </summary>
        const int ProbeAttempts = 2;

        /// <summary>
        /// The poll thread leaves at least this share (1/4) of each period free of checks, even when a
        /// debounced probe could take longer than the rest of the period (a card with a large FWI).
        /// </summary>
        const int MinimumPauseDivisor = 4;

        readonly Pn532PresenceProbe probe = new Pn532PresenceProbe();

        /// <summary>
        /// One presence check. While the library has no card powered, releases the targets and lists one
        /// again (type A, then type B); a target that appears, disappears or changes (another NFCID1 or
        /// PUPI) raises <see cref="PresenceChanged"/>. A powered card is probed without disturbing its
        /// session (<see cref="PoweredCardLeft"/>). The poll thread calls it every
        /// <see cref="Pn532ReaderOptions.PollPeriodMicros"/>; without the thread the owner does.
        /// </summary>
        public void Poll()
        {
            bool removed = false;
            bool arrived = false;
            lock (driverLock)
            {
                if (open && !pollThread.StopRequested)
                {
                    removed = powered ? PoweredCardLeft() : ListField(out arrived);
                }
            }

            RaisePresence(removed, arrived);
        }

        /// <summary>Releases the targets and lists the field; returns true when the known card left or was replaced.</summary>
        bool ListField(out bool arrived)
        {
            Release();
            int found = ListTarget();
            bool removed = presence.IsPresent && (found == TargetNone || found == TargetNew);
            arrived = found == TargetNew;
            if (removed)
            {
                MarkRemoved();
            }

            if (arrived)
            {
                TakeFoundTarget();
                presence.Set(true);
            }

            return removed;
        }

        /// <summary>
        /// Probes the powered card the way its kind allows (<see cref="Pn532PresenceProbe.Choose"/>); a
        /// failure is repeated at once, and two failures mark it removed. A link failure concludes nothing.
        /// </summary>
        bool PoweredCardLeft()
        {
            int kind = probe.Choose(target, pseudoApdu.MifareTrailerBlock);
            int result = ProbeOnce(kind);
            for (int attempt = 1; attempt < ProbeAttempts && result == Pn532PresenceProbe.Absent; attempt++)
            {
                result = ProbeOnce(kind);
            }

            if (result != Pn532PresenceProbe.Absent)
            {
                return false;
            }

            MarkRemoved();
            return true;
        }

        int ProbeOnce(int kind)
        {
            if (kind == Pn532PresenceProbe.Diagnose)
            {
                return DiagnosePresence();
            }

            if (kind == Pn532PresenceProbe.Reselect)
            {
                return ReselectByUid();
            }

            return ReadBlock(probe.Block);
        }

        /// <summary>
        /// Diagnose NumTst 06 (UM0701-02 §7.2.1, reference §3.3): the chip sends R(NAK) to the ISO 14443-4
        /// target and expects R(ACK) or its last I-block (ISO 14443-4 §7.5.4), which leaves the card's
        /// application state alone. Result 00 = present.
        /// </summary>
        int DiagnosePresence()
        {
            probe.WriteDiagnose(parameters, 0);
            int length;
            SmartcardStatus status = Exchange(Pn532Command.Diagnose, Pn532PresenceProbe.DiagnoseLength, Pn532PresenceProbe.DiagnoseTimeoutMicros(target.FrameWaitingIndex), out length);
            if (status != SmartcardStatus.Success || length < 1)
            {
                return Pn532PresenceProbe.Unknown;
            }

            return answer[0] == 0 ? Pn532PresenceProbe.Present : Pn532PresenceProbe.Absent;
        }

        /// <summary>
        /// MIFARE READ of one block through InDataExchange: Ultralight page 0, or the trailer of the sector a
        /// MIFARE Classic session authenticated, which that session may always read (MF1S50 access conditions of the
        /// sector trailer), so the Crypto1 session survives.
        /// </summary>
        int ReadBlock(int block)
        {
            int statusByte;
            int received;
            SmartcardStatus status = DataExchange(probe.ReadCommand(block), 0, Pn532PresenceProbe.ReadCommandLength, false, out statusByte, out received);
            if (status != SmartcardStatus.Success)
            {
                return Pn532PresenceProbe.Unknown;
            }

            return (statusByte & StatusErrorMask) == 0 ? Pn532PresenceProbe.Present : Pn532PresenceProbe.Absent;
        }

        /// <summary>
        /// A storage card without a session: InListPassiveTarget naming its NFCID1 selects it again, which
        /// costs it nothing (reference §6.2 "re-select for Classic"); another card or none is Absent.
        /// </summary>
        int ReselectByUid()
        {
            Release();
            int uidLength = target.CopyUid(parameters, ListParameters);
            int found = ListTargetOf(BaudRate106TypeA, uidLength);
            if (found == TargetUnknown)
            {
                return Pn532PresenceProbe.Unknown;
            }

            if (found != TargetSame)
            {
                return Pn532PresenceProbe.Absent;
            }

            TakeFoundTarget();
            return Pn532PresenceProbe.Present;
        }

        /// <summary>
        /// Lists the field into <see cref="found"/>: type A first, then, when no type A target answers and
        /// <see cref="Pn532ReaderOptions.PollTypeB"/> is set, type B with AFI 00. TargetNone, TargetSame (the
        /// current card again), TargetNew, or TargetUnknown when the chip did not answer.
        /// </summary>
        int ListTarget()
        {
            int result = ListTargetOf(BaudRate106TypeA, 0);
            if (result == TargetNone && options.PollTypeB)
            {
                parameters[ListParameters] = AfiAllFamilies;
                result = ListTargetOf(BaudRate106TypeB, 1);
            }

            return result;
        }

        /// <summary>
        /// InListPassiveTarget at <paramref name="baudRate"/> with the <paramref name="initiatorDataLength"/>
        /// bytes already at <see cref="parameters"/>[2]. Any listing activates the card afresh, so a MIFARE
        /// session the driver followed is over.
        /// </summary>
        int ListTargetOf(byte baudRate, int initiatorDataLength)
        {
            pseudoApdu.EndMifareSession();
            parameters[0] = MaxTargets;
            parameters[1] = baudRate;
            int length;
            SmartcardStatus status = Exchange(Pn532Command.InListPassiveTarget, ListParameters + initiatorDataLength, options.CommandTimeoutMicros, out length);
            if (status != SmartcardStatus.Success)
            {
                return TargetUnknown;
            }

            bool decoded = baudRate == BaudRate106TypeB ? found.Decode106B(answer, 0, length) : found.Decode106A(answer, 0, length);
            if (!decoded)
            {
                return TargetNone;
            }

            return presence.IsPresent && found.SameUid(target) ? TargetSame : TargetNew;
        }

        /// <summary>The freshly listed target becomes the current one (the two preallocated records swap).</summary>
        void TakeFoundTarget()
        {
            Pn532ReaderTarget previous = target;
            target = found;
            found = previous;
        }

        /// <summary>InRelease(0): ends any activation so the next InListPassiveTarget starts afresh; a failure only means nothing was active.</summary>
        void Release()
        {
            pseudoApdu.EndMifareSession();
            parameters[0] = AllTargets;
            Command(Pn532Command.InRelease, 1, options.CommandTimeoutMicros);
        }

        void MarkRemoved()
        {
            presence.Set(false);
            powered = false;
            target.Clear();
            pseudoApdu.EndMifareSession();
        }

        /// <summary>Raised outside the driver lock so a handler may call back into the driver.</summary>
        void RaisePresence(bool removed, bool arrived)
        {
            CardPresence.Raise(PresenceChanged, this, removed, arrived);
        }

        /// <summary>
        /// One round of the driver thread. Checks start one period apart, each early by the time a debounced
        /// failed probe may take, so that a card leaving just after one check is reported within
        /// <see cref="Pn532ReaderOptions.PollPeriodMicros"/> of leaving.
        /// </summary>
        void PollRound()
        {
            clock.Delay(PauseBeforeCheck(lastCheckMicros));
            TimedPoll();
        }

        /// <summary>One <see cref="Poll"/>, its duration kept in <see cref="lastCheckMicros"/> to time the next pause.</summary>
        void TimedPoll()
        {
            long started = clock.NowMicros;
            Poll();
            lastCheckMicros = clock.NowMicros - started;
        }

        /// <summary>
        /// The period less the worst a removal can cost: the check under way when the card leaves (as long as
        /// the last one), then <see cref="ProbeAttempts"/> failed probes, each as long as the last check plus
        /// the time the chip waits for a card that no longer answers. At least a quarter of the period.
        /// </summary>
        long PauseBeforeCheck(long lastCheckMicros)
        {
            long period = options.PollPeriodMicros;
            long pause = period - lastCheckMicros - ProbeAttempts * (lastCheckMicros + ChipWaitMicros());
            long minimum = period / MinimumPauseDivisor;
            return pause > minimum ? pause : minimum;
        }

        /// <summary>FWT for an ISO 14443-4 target, else the chip's communication time-out (reference §3.3, §5.1).</summary>
        long ChipWaitMicros()
        {
            lock (driverLock)
            {
                if (target.IsIso14443_4)
                {
                    return Pn532ExchangeTimeout.FrameWaitingTimeMicros(target.FrameWaitingIndex);
                }

                return Pn532ExchangeTimeout.CommunicationTimeoutMicros;
            }
        }
    }
}
