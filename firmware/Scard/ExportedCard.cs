using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// The card in one of our readers, as the vpcd client shows it to pcscd: the vpcd control messages become
    /// our manager's SCardConnect / SCardReconnect / SCardDisconnect in shared mode (so the manager's
    /// sharing and serialisation rules apply, and our own applications can use the reader too), GET ATR
    /// reports the card our reader holds, and APDUs go through SCardTransmit.
    /// </summary>
    public sealed class ExportedCard
    {
        private const int EventCounterShift = 16;

        private readonly SCardManager manager;
        private readonly int context;
        private readonly string reader;
        /// <summary>What <see cref="WaitForCard"/> last saw of our reader.</summary>
        private readonly ScardReaderState[] readerState = { new ScardReaderState() };

        /// <summary>Scratch for reading the reader's state now, in <see cref="ReadAtr"/>.</summary>
        private readonly ScardReaderState[] atrState = { new ScardReaderState() };
        /// <summary>The ATR of the card last seen powered, and the reader's event counter then (pcsc.md §1.4: high 16 bits of the state).</summary>
        private readonly byte[] lastAtr = new byte[ScardConstants.MaxAtrSize];
        private int lastAtrLength;
        private int lastAtrEvents = -1;
        private int handle;
        private int protocol;

        public ExportedCard(SCardManager manager, int context, string reader)
        {
            this.manager = manager;
            this.context = context;
            this.reader = reader;
            readerState[0].Reader = reader;
            atrState[0].Reader = reader;
        }

        public string Reader
        {
            get { return reader; }
        }

        /// <summary>
        /// Waits at most <paramref name="timeoutMillis"/> for our reader to hold a card (GetStatusChange from the
        /// last state seen, so an unchanged reader costs the whole wait and never spins). True when one is in.
        /// </summary>
        public bool WaitForCard(int timeoutMillis)
        {
            int result = manager.GetStatusChange(context, timeoutMillis, readerState);
            if (result == ScardError.Success)
            {
                readerState[0].CurrentState = readerState[0].EventState & ~ScardConstants.StateChanged;
            }
            else if (result != ScardError.Timeout)
            {
                System.Threading.Thread.Sleep(timeoutMillis);
            }

            return (readerState[0].CurrentState & ScardConstants.StatePresent) != 0;
        }

        /// <summary>vpcd "power on": a cold reset of a connected card, else a new connection (the manager powers the card up).</summary>
        public void PowerOn()
        {
            Restart(ScardConstants.UnpowerCard);
        }

        /// <summary>vpcd "reset": a warm reset of a connected card, else a new connection.</summary>
        public void Reset()
        {
            Restart(ScardConstants.ResetCard);
        }

        /// <summary>vpcd "power off": our connection ends and the card is powered down.</summary>
        public void PowerOff()
        {
            Release(ScardConstants.UnpowerCard);
        }

        /// <summary>
        /// vpcd "get ATR": the ATR of the card in our reader, 0 for none. A card pcscd powered down has no
        /// ATR in our reader's state; while the reader's event counter says it is still the same card, its last
        /// ATR is the answer (vicc, too, answers GET ATR whether powered or not), and a card never seen powered
        /// is powered up for it. A connection whose card was
        /// removed is dropped and answered with 0 once, even when another card is already in: pcscd must see
        /// the removal before the new card.
        /// </summary>
        public int ReadAtr(byte[] buffer)
        {
            if (handle != 0)
            {
                string name;
                int state;
                int active;
                int length;
                if (manager.Status(handle, out name, out state, out active, buffer, out length) == ScardError.Success)
                {
                    return length;
                }

                Release(ScardConstants.LeaveCard);
                return 0;
            }

            atrState[0].CurrentState = ScardConstants.StateUnaware;
            if (manager.GetStatusChange(context, 0, atrState) != ScardError.Success
                || (atrState[0].EventState & ScardConstants.StatePresent) == 0)
            {
                return 0;
            }

            int events = atrState[0].EventState >> EventCounterShift;
            if (atrState[0].AtrLength > 0)
            {
                Remember(atrState[0].Atr, atrState[0].AtrLength, events);
            }
            else if (events != lastAtrEvents)
            {
                // A card never seen powered (power on insertion is off): powering it up is the way to its ATR.
                return Connect() ? ReadAtr(buffer) : 0;
            }

            System.Array.Copy(lastAtr, buffer, lastAtrLength);
            return lastAtrLength;
        }

        private void Remember(byte[] atr, int length, int events)
        {
            System.Array.Copy(atr, lastAtr, length);
            lastAtrLength = length;
            lastAtrEvents = events;
        }

        /// <summary>
        /// One command APDU through our manager; the response length, or 0 when no response could be had (no
        /// card, card removed, a transmission error). The connection is dropped then.
        /// </summary>
        public int Transmit(byte[] command, int commandLength, byte[] response)
        {
            if (handle == 0 && !Connect())
            {
                return 0;
            }

            int length;
            int result = manager.Transmit(handle, protocol, command, 0, commandLength, response, 0, response.Length, out length);
            if (result == ScardError.Success)
            {
                return length;
            }

            Release(ScardConstants.LeaveCard);
            return 0;
        }

        /// <summary>Ends our connection, leaving the card as it is (pcscd's client has gone).</summary>
        public void Release()
        {
            Release(ScardConstants.LeaveCard);
        }

        private void Restart(int initialization)
        {
            if (handle == 0)
            {
                Connect();
                return;
            }

            int active;
            if (manager.Reconnect(handle, ScardConstants.ShareShared, ScardConstants.ProtocolT0 | ScardConstants.ProtocolT1, initialization, out active) == ScardError.Success)
            {
                protocol = active;
                return;
            }

            Release(ScardConstants.LeaveCard);
            Connect();
        }

        private bool Connect()
        {
            int connected;
            int active;
            if (manager.Connect(context, reader, ScardConstants.ShareShared, ScardConstants.ProtocolT0 | ScardConstants.ProtocolT1, out connected, out active) != ScardError.Success)
            {
                return false;
            }

            handle = connected;
            protocol = active;
            return true;
        }

        private void Release(int disposition)
        {
            if (handle != 0)
            {
                manager.Disconnect(handle, disposition);
                handle = 0;
            }
        }
    }
}
