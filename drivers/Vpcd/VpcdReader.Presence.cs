namespace EmbeddedSmartCard.Drivers.Vpcd
{
    public sealed partial class VpcdReader
    {
        /// <summary>
        /// One presence step: without a client, waits up to one poll period for one to connect; with a client,
        /// probes it with GET ATR as pcscd's vpcd does (reference peers.md) — an ATR means a card, an empty one
        /// no card (the client stays connected and may report one later), EOF, garbage or silence cut the client
        /// off. Changes raise <see cref="PresenceChanged"/>. The poll thread calls it every
        /// <see cref="VpcdReaderOptions.PollPeriodMicros"/>; without the thread the owner does.
        /// </summary>
        public void Poll()
        {
            if (!IsConnected())
            {
                AcceptClient();
            }

            bool removed;
            bool arrived;
            lock (driverLock)
            {
                bool before = presence.IsPresent;
                if (open && !pollThread.StopRequested && link.IsConnected)
                {
                    Probe();
                }

                bool after = presence.IsPresent;
                removed = before && !after;
                arrived = !before && after;
            }

            RaisePresence(removed, arrived);
        }

        bool IsConnected()
        {
            lock (driverLock)
            {
                return link.IsConnected;
            }
        }

        /// <summary>The wait for a client runs outside the driver lock; only this thread (or the owner's Poll) accepts.</summary>
        void AcceptClient()
        {
            IVpcdConnection client = listener.Accept(options.PollPeriodMicros);
            if (client == null)
            {
                return;
            }

            lock (driverLock)
            {
                if (open && !pollThread.StopRequested && !link.IsConnected)
                {
                    link.Attach(client);
                    powered = false;
                    return;
                }
            }

            client.Close();
        }

        /// <summary>GET ATR: sets the presence from the answer, or cuts the client off.</summary>
        void Probe()
        {
            int atrLength;
            if (ReadAtr(probeAtr, 0, out atrLength) != SmartcardStatus.Success)
            {
                return;
            }

            if (atrLength == 0)
            {
                powered = false;
            }

            presence.Set(atrLength > 0);
        }

        /// <summary>
        /// Sends GET ATR and reads the answer (at most <see cref="Atr.MaxLength"/> bytes, ISO 7816-3 §8.2.1).
        /// Success with length 0 is "no card". A write that fails, EOF, silence or an over-long ATR cut the client
        /// off: NoMedia.
        /// </summary>
        SmartcardStatus ReadAtr(byte[] buffer, int offset, out int length)
        {
            length = 0;
            int capacity = buffer.Length - offset < Atr.MaxLength ? buffer.Length - offset : Atr.MaxLength;
            if (!link.SendControl(VpcdMessage.GetAtr))
            {
                return CutOff();
            }

            if (link.Receive(buffer, offset, capacity, options.ResponseTimeoutMicros, out length) != VpcdReceiveResult.Frame)
            {
                length = 0;
                return CutOff();
            }

            return SmartcardStatus.Success;
        }

        /// <summary>
        /// Ends the client's connection: the card is gone. Used for EOF, a failed write, garbage and a peer that
        /// stalls past the response bound, so a misbehaving peer never holds the reader. Returns NoMedia.
        /// </summary>
        SmartcardStatus CutOff()
        {
            link.Detach();
            powered = false;
            presence.Set(false);
            return SmartcardStatus.NoMedia;
        }

        /// <summary>Raised outside the driver lock so a handler may call back into the driver.</summary>
        void RaisePresence(bool removed, bool arrived)
        {
            CardPresence.Raise(PresenceChanged, this, removed, arrived);
        }

        /// <summary>One round of the driver thread: a poll, then the rest of the fixed period.</summary>
        void PollRound()
        {
            long next = clock.NowMicros + options.PollPeriodMicros;
            Poll();
            clock.Delay(next - clock.NowMicros);
        }
    }
}
