using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Drivers.Vpcd
{
    /// <summary>
    /// A vpcd reader: the server end of vsmartcard's vpcd protocol as an APDU-level IReaderDriver (Channel is
    /// null). A client connecting is a card inserted, its ATR comes from the GET ATR control message, APDUs
    /// travel as frames, and EOF, an empty ATR, garbage or silence past <see cref="VpcdReaderOptions.ResponseTimeoutMicros"/>
    /// is the card removed (the connection is then closed). One client at a time: the next one is accepted
    /// when the current one has gone, and it is a new card. Every connection access holds the driver lock.
    /// </summary>
    public sealed partial class VpcdReader : IReaderDriver
    {
        /// <summary>
        /// SCARD_ATTR_CHANNEL_ID type (high word, reference pcsc.md §1.7): PC/SC Part 3 lists 0x01 serial … 0x20
        /// USB and leaves 0xFy vendor-defined; a TCP socket is none of the listed ones.
        /// </summary>
        const int ChannelTypeVendorDefined = 0xF0;

        readonly VpcdReaderOptions options;
        readonly IVpcdListener listener;
        readonly IClock clock;
        readonly VpcdLink link;
        readonly object driverLock = new object();
        readonly CardPresence presence = new CardPresence();
        readonly PollThread pollThread;
        readonly ReaderCapabilities capabilities = new ReaderCapabilities();
        readonly byte[] probeAtr = new byte[Atr.MaxLength];

        bool open;
        bool powered;

        public VpcdReader(VpcdReaderOptions options, IVpcdListener listener, IClock clock)
        {
            this.options = options;
            this.listener = listener;
            this.clock = clock;
            link = new VpcdLink(clock, options.MaxCommandLength);
            pollThread = new PollThread(PollRound);
            capabilities.IfdType = "vpcd";
            capabilities.FriendlyName = options.ReaderName;
            capabilities.Interface = listener.Endpoint;
            capabilities.ChannelId = (ChannelTypeVendorDefined << 16) | (options.ChannelNumber & 0xFFFF);
            capabilities.SupportedProtocols = Protocols.T0 | Protocols.T1;
        }

        public event CardPresenceHandler PresenceChanged;

        public ReaderCapabilities Capabilities
        {
            get { return capabilities; }
        }

        public VpcdReaderOptions Options
        {
            get { return options; }
        }

        /// <summary>The card runs its own transmission protocol: the driver exchanges whole APDUs.</summary>
        public ICardChannel Channel
        {
            get { return null; }
        }

        /// <summary>
        /// Starts listening (NoSuchDevice when the endpoint cannot be used) and the poll thread. The bound endpoint
        /// becomes ReaderCapabilities.Interface, which the manager shows in the reader name.
        /// </summary>
        public SmartcardStatus Open()
        {
            lock (driverLock)
            {
                if (open)
                {
                    return SmartcardStatus.Success;
                }

                if (!listener.Start())
                {
                    return SmartcardStatus.NoSuchDevice;
                }

                capabilities.Interface = listener.Endpoint;
                open = true;
                pollThread.Rearm();
            }

            if (options.PollPeriodMicros > 0)
            {
                pollThread.Start();
            }

            return SmartcardStatus.Success;
        }

        /// <summary>Stops the poll thread, closes the client's connection (vicc then exits) and stops listening.</summary>
        public void Close()
        {
            pollThread.Stop();
            lock (driverLock)
            {
                link.Detach();
                if (open)
                {
                    listener.Stop();
                }

                open = false;
                powered = false;
                presence.Set(false);
            }
        }

        public bool IsCardPresent()
        {
            return presence.IsPresent;
        }

        public SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            return SmartcardStatus.NotSupported;
        }

        public SmartcardStatus Mechanical(int ioctl)
        {
            return SmartcardStatus.NotSupported;
        }
    }
}
