namespace EmbeddedSmartCard.Drivers.Pn532
{
    public sealed partial class Pn532Reader
    {
        /// <summary>InListPassiveTarget: one target (MaxTg 1) at 106 kbps type A (BrTy 0x00), reference §3.3.</summary>
        const byte MaxTargets = 1;
        const byte BaudRate106TypeA = 0x00;

        /// <summary>InRelease target 0: every target the chip knows.</summary>
        const byte AllTargets = 0x00;

        /// <summary>Outcomes of <see cref="ListTarget"/>.</summary>
        const int TargetNone = 0;
        const int TargetSame = 1;
        const int TargetNew = 2;
        const int TargetUnknown = 3;

        /// <summary>
        /// One presence check: while the library has no card powered, releases the targets and lists
        /// one again; a target that appears, disappears or changes (another NFCID1) raises
        /// <see cref="PresenceChanged"/>. A powered card is left alone (a re-selection would end its
        /// ISO 14443-4 session or MIFARE authentication, reference §5.3). The poll thread calls it every
        /// <see cref="Pn532ReaderOptions.PollPeriodMicros"/>; without the thread the owner does.
        /// </summary>
        public void Poll()
        {
            bool removed = false;
            bool arrived = false;
            lock (driverLock)
            {
                if (open && !powered && !stopPolling)
                {
                    Release();
                    int found = ListTarget();
                    removed = cardPresent && (found == TargetNone || found == TargetNew);
                    arrived = found == TargetNew;
                    if (removed)
                    {
                        MarkRemoved();
                    }

                    if (arrived)
                    {
                        TakeFoundTarget();
                        SetCardPresent(true);
                    }
                }
            }

            RaisePresence(removed, arrived);
        }

        /// <summary>
        /// InListPassiveTarget into <see cref="found"/>: TargetNone, TargetSame (the NFCID1 of the current
        /// target), TargetNew, or TargetUnknown when the chip did not answer (nothing is concluded).
        /// </summary>
        int ListTarget()
        {
            parameters[0] = MaxTargets;
            parameters[1] = BaudRate106TypeA;
            int length;
            SmartcardStatus status = link.Transceive(Pn532Command.InListPassiveTarget, parameters, 0, 2, answer, 0, answer.Length, options.CommandTimeoutMicros, out length);
            if (status != SmartcardStatus.Success)
            {
                return TargetUnknown;
            }

            if (!found.Decode106A(answer, 0, length))
            {
                return TargetNone;
            }

            return cardPresent && found.SameUid(target) ? TargetSame : TargetNew;
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
            parameters[0] = AllTargets;
            Command(Pn532Command.InRelease, 1, options.CommandTimeoutMicros);
        }

        void MarkRemoved()
        {
            SetCardPresent(false);
            powered = false;
            target.Clear();
        }

        /// <summary>Raised outside the driver lock so a handler may call back into the driver.</summary>
        void RaisePresence(bool removed, bool arrived)
        {
            CardPresenceHandler handler = PresenceChanged;
            if (handler == null)
            {
                return;
            }

            if (removed)
            {
                handler(this, false);
            }

            if (arrived)
            {
                handler(this, true);
            }
        }

        /// <summary>The driver thread: one poll per period until Close asks it to stop.</summary>
        void PollLoop()
        {
            while (!PollingStopped())
            {
                clock.Delay(options.PollPeriodMicros);
                Poll();
            }
        }

        bool PollingStopped()
        {
            lock (driverLock)
            {
                return stopPolling;
            }
        }
    }
}
