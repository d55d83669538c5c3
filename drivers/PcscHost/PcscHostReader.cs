using System.Threading;

namespace EmbeddedSmartCard.Drivers.PcscHost
{
    /// <summary>
    /// One reader of the host's PC/SC service (pcscd) as an APDU-level IReaderDriver: card events come from
    /// SCardGetStatusChange on a presence thread, power is SCardConnect / SCardReconnect / SCardDisconnect in
    /// shared mode (other host applications keep their access), APDUs go through SCardTransmit with the
    /// protocol pcscd activated, vendor IOCTLs through SCardControl. pcscd absent or stopping makes the
    /// calls IoDeviceError and, seen by the presence thread between calls, raises <see cref="DeviceFailed"/>:
    /// either way the manager marks the reader UNAVAILABLE and its supervisor reopens it, which succeeds once
    /// pcscd (and the host reader) is back.
    /// </summary>
    public sealed partial class PcscHostReader : IReaderDriver, IDeviceFaultSource
    {
        /// <summary>
        /// SCARD_ATTR_CHANNEL_ID type (high word, reference pcsc.md §1.7): PC/SC Part 3 lists 0x01 serial … 0x20
        /// USB and leaves 0xFy vendor-defined; a reader reached through another resource manager is none of them.
        /// </summary>
        private const int ChannelTypeVendorDefined = 0xF0;

        private readonly string hostReaderName;
        private readonly byte[] nativeName;
        private readonly PcscHostReaderOptions options;
        private readonly ReaderCapabilities capabilities = new ReaderCapabilities();
        private readonly object driverLock = new object();
        private readonly CardPresence presence = new CardPresence();
        private readonly PollThread pollThread;

        /// <summary>Set by Close before it stops the presence thread: wakes the thread's pauses and ends its rounds.</summary>
        private readonly ManualResetEvent stopped = new ManualResetEvent(false);

        private PcscContext cardContext;
        private PcscContext pollContext;
        private bool open;

        /// <param name="hostReaderName">The reader's name in pcscd, e.g. "Virtual PCD 00 00".</param>
        /// <param name="unit">SCARD_ATTR_DEVICE_UNIT and the channel number: the reader's index on the board.</param>
        public PcscHostReader(string hostReaderName, PcscHostReaderOptions options, int unit)
        {
            this.hostReaderName = hostReaderName;
            this.options = options;
            nativeName = PcscContext.NativeName(hostReaderName);
            pollThread = new PollThread(PollRound);
            capabilities.IfdType = "pcsc";
            capabilities.FriendlyName = hostReaderName;
            capabilities.Unit = unit;
            capabilities.ChannelId = (ChannelTypeVendorDefined << 16) | (unit & 0xFFFF);
            capabilities.SupportedProtocols = Protocols.T0 | Protocols.T1;
        }

        public event CardPresenceHandler PresenceChanged;

        /// <summary>pcscd stopped, or the host reader left it, while no call was in progress.</summary>
        public event DeviceFaultHandler DeviceFailed;

        /// <summary>The reader's name in pcscd.</summary>
        public string HostReaderName
        {
            get { return hostReaderName; }
        }

        public ReaderCapabilities Capabilities
        {
            get { return capabilities; }
        }

        /// <summary>pcscd runs the card's transmission protocol: the driver exchanges whole APDUs.</summary>
        public ICardChannel Channel
        {
            get { return null; }
        }

        /// <summary>
        /// Establishes the two contexts and reads the reader's state: NoSuchDevice when pcscd is not running or
        /// does not know the reader (the supervisor tries again later). Starts the presence thread.
        /// </summary>
        public SmartcardStatus Open()
        {
            lock (driverLock)
            {
                if (open)
                {
                    return SmartcardStatus.Success;
                }

                uint state;
                if (!EstablishContexts() || !ReadState(pollContext, out state))
                {
                    ReleaseContexts();
                    return SmartcardStatus.NoSuchDevice;
                }

                presence.Set((state & PcscCodes.StatePresent) != 0);
                knownState = state;
                open = true;
                stopped.Reset();
                pollThread.Rearm();
                pollThread.Start();
                return SmartcardStatus.Success;
            }
        }

        /// <summary>Stops the presence thread (cancelling its wait), leaves the card powered down and releases the contexts.</summary>
        public void Close()
        {
            lock (driverLock)
            {
                if (!open)
                {
                    return;
                }

                open = false;
                stopped.Set();
                CancelPoll();
            }

            pollThread.Stop();
            lock (driverLock)
            {
                DisconnectCard(PcscCodes.UnpowerCard);
                ReleaseContexts();
                presence.Set(false);
            }
        }

        public bool IsCardPresent()
        {
            return presence.IsPresent;
        }

        public SmartcardStatus Mechanical(int ioctl)
        {
            return SmartcardStatus.NotSupported;
        }

        private bool EstablishContexts()
        {
            PcscContext card;
            PcscContext poll;
            if (PcscContext.Establish(out card) != PcscCodes.Success)
            {
                return false;
            }

            if (PcscContext.Establish(out poll) != PcscCodes.Success)
            {
                card.Release();
                return false;
            }

            cardContext = card;
            SetPollContext(poll);
            return true;
        }

        private void ReleaseContexts()
        {
            if (cardContext != null)
            {
                cardContext.Release();
                cardContext = null;
            }

            SetPollContext(null);
        }

        /// <summary>The reader's state now (no wait); false when pcscd or the reader is not there.</summary>
        private bool ReadState(PcscContext context, out uint state)
        {
            long result = context.WaitForChange(nativeName, PcscCodes.StateUnaware, 0, out state);
            return result == PcscCodes.Success && !IsReaderGone(state);
        }

        private static bool IsReaderGone(uint state)
        {
            return (state & (PcscCodes.StateUnknown | PcscCodes.StateUnavailable)) != 0;
        }
    }
}
