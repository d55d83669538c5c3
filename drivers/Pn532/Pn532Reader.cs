using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// A PN532 as a PC/SC contactless reader (an APDU-level IReaderDriver: <see cref="Channel"/> is null).
    /// The chip activates 106 kbps type A targets and runs ISO 14443-4 itself (reference §5.2); the driver
    /// polls for a target, reports the PC/SC Part 3 pseudo-ATR, exchanges APDUs with InDataExchange and
    /// answers the class-FF pseudo-APDUs itself. Every chip access holds the driver lock, so the poll
    /// thread and the library's calls never interleave on the link.
    /// </summary>
    public sealed partial class Pn532Reader : IReaderDriver, IPseudoApduTarget
    {
        /// <summary>GetFirmwareVersion IC byte of a PN532 (reference §3.3).</summary>
        public const int Pn532Ic = 0x32;

        /// <summary>
        /// SAMConfiguration (reference §3.3, the form Adafruit sends): mode 1 normal (no SAM), time-out 0x14
        /// (1 s; used in virtual-card mode only), IRQ 1 (drive P70_IRQ, which the transports may wait on).
        /// </summary>
        const byte SamModeNormal = 0x01;
        const byte SamTimeout = 0x14;
        const byte SamUseIrq = 0x01;

        /// <summary>SetParameters: fAutomaticATR_RES (0x04) | fAutomaticRATS (0x10) (reference §3.3).</summary>
        const byte ParametersAutomaticAtsAndAtrRes = 0x14;

        /// <summary>RFConfiguration item 5 MaxRetries: MxRtyATR (overruled to 2 in passive mode), MxRtyPSL 1.</summary>
        const byte RfItemMaxRetries = 0x05;
        const byte MaxRetriesAtr = 0xFF;
        const byte MaxRetriesPsl = 0x01;

        const int FirmwareVersionLength = 4;

        /// <summary>106 kbps type A: fc / 128 with fc = 13.56 MHz (ISO 14443-2 §8.1), the only rate the driver uses.</summary>
        const int DataRate106 = 105938;

        readonly Pn532ReaderOptions options;
        readonly Pn532Link link;
        readonly IClock clock;
        readonly object driverLock = new object();
        readonly CardPresence presence = new CardPresence();
        readonly PollThread pollThread;
        readonly ReaderCapabilities capabilities = new ReaderCapabilities();
        readonly byte[] parameters = new byte[Pn532Frame.MaxBodyLength];
        readonly byte[] answer = new byte[Pn532Frame.MaxBodyLength];
        readonly PseudoApdu pseudoApdu = new PseudoApdu();
        Pn532ReaderTarget target = new Pn532ReaderTarget();
        Pn532ReaderTarget found = new Pn532ReaderTarget();

        bool open;
        bool powered;

        /// <summary>How long the last presence check took (Open's listing, then the poll thread's), written by one thread at a time.</summary>
        long lastCheckMicros;

        public Pn532Reader(Pn532ReaderOptions options, IPn532Transport transport, IClock clock)
            : this(options, transport, clock, null)
        {
        }

        /// <summary>
        /// A reader whose chip's RSTPDN input is wired to <paramref name="resetPin"/> (null: not wired). Open
        /// then pulses it, so a chip that stopped answering starts afresh when the supervisor reopens the reader.
        /// </summary>
        public Pn532Reader(Pn532ReaderOptions options, IPn532Transport transport, IClock clock, IOutputPin resetPin)
        {
            this.options = options;
            this.clock = clock;
            this.resetPin = resetPin;
            link = new Pn532Link(transport);
            pollThread = new PollThread(PollRound);
            capabilities.IfdType = "PN532";
            capabilities.FriendlyName = options.ReaderName;
            capabilities.SupportedProtocols = Protocols.T1;
            capabilities.DefaultDataRate = DataRate106;
            capabilities.MaxDataRate = DataRate106;
            capabilities.PowerManagementSupport = 0;
        }

        public event CardPresenceHandler PresenceChanged;

        public ReaderCapabilities Capabilities
        {
            get { return capabilities; }
        }

        /// <summary>Contactless: the chip runs the block protocol, the driver exchanges whole APDUs.</summary>
        public ICardChannel Channel
        {
            get { return null; }
        }

        /// <summary>Firmware version (Ver) reported by the chip at Open.</summary>
        public int FirmwareVersion { get; private set; }

        /// <summary>Firmware revision (Rev) reported by the chip at Open.</summary>
        public int FirmwareRevision { get; private set; }

        /// <summary>
        /// Resets the chip when its RSTPDN is wired, wakes it, leaves LowVbat with SAMConfiguration (retried
        /// once: the first command after wake-up may be lost), identifies it, enables automatic RATS and
        /// bounds InListPassiveTarget. Then it lists the field once, so a card already on the antenna is
        /// present when Open returns rather than one poll period later (pcsc.md, IFD handler table: once the
        /// channel is created the driver must answer IFDHICCPresence).
        /// </summary>
        public SmartcardStatus Open()
        {
            SmartcardStatus status;
            lock (driverLock)
            {
                chipFailed = false;
                ResetChip();
                status = Initialise();
                open = status == SmartcardStatus.Success;
                pollThread.Rearm();
            }

            if (open)
            {
                TimedPoll();
            }

            if (open && options.PollPeriodMicros > 0)
            {
                pollThread.Start();
            }

            return status;
        }

        public void Close()
        {
            pollThread.Stop();
            lock (driverLock)
            {
                if (open)
                {
                    Release();
                }

                open = false;
                presence.Set(false);
                powered = false;
                target.Clear();
                pseudoApdu.ClearKeys();
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

        SmartcardStatus Initialise()
        {
            // A healthy chip ACKs within a few ms; waiting as long as for a whole command (as libnfc and
            // dotnet/iot do, reference §3.5) costs nothing then, and spares a slow host or line a command
            // sent twice, whose left-over answers would then have to be sorted out.
            link.AckTimeoutMicros = options.CommandTimeoutMicros;
            SmartcardStatus status = link.WakeUp();
            if (status != SmartcardStatus.Success)
            {
                return NoDevice(status);
            }

            status = SamConfiguration();
            if (status != SmartcardStatus.Success)
            {
                status = SamConfiguration();
            }

            if (status == SmartcardStatus.Success)
            {
                status = Identify();
            }

            if (status == SmartcardStatus.Success)
            {
                parameters[0] = ParametersAutomaticAtsAndAtrRes;
                status = Command(Pn532Command.SetParameters, 1, options.CommandTimeoutMicros);
            }

            if (status == SmartcardStatus.Success)
            {
                parameters[0] = RfItemMaxRetries;
                parameters[1] = MaxRetriesAtr;
                parameters[2] = MaxRetriesPsl;
                parameters[3] = (byte)options.PassiveActivationRetries;
                status = Command(Pn532Command.RfConfiguration, 4, options.CommandTimeoutMicros);
            }

            return NoDevice(status);
        }

        /// <summary>Leaves LowVbat (the C106 starts in it, reference §3.2 "Power modes").</summary>
        SmartcardStatus SamConfiguration()
        {
            parameters[0] = SamModeNormal;
            parameters[1] = SamTimeout;
            parameters[2] = SamUseIrq;
            return Command(Pn532Command.SamConfiguration, 3, options.WakeUpTimeoutMicros);
        }

        /// <summary>GetFirmwareVersion: IC must be 0x32; Ver and Rev go into the IFD version.</summary>
        SmartcardStatus Identify()
        {
            int length;
            SmartcardStatus status = Exchange(Pn532Command.GetFirmwareVersion, 0, options.CommandTimeoutMicros, out length);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            if (length < FirmwareVersionLength || answer[0] != Pn532Ic)
            {
                return SmartcardStatus.NoSuchDevice;
            }

            FirmwareVersion = answer[1];
            FirmwareRevision = answer[2];
            capabilities.IfdVersion = (FirmwareVersion << 24) | (FirmwareRevision << 16);
            return SmartcardStatus.Success;
        }

        /// <summary>A chip that does not answer at Open is missing; any other failure is a broken device.</summary>
        static SmartcardStatus NoDevice(SmartcardStatus status)
        {
            if (status == SmartcardStatus.Success || status == SmartcardStatus.NoSuchDevice)
            {
                return status;
            }

            return status == SmartcardStatus.IoTimeout ? SmartcardStatus.NoSuchDevice : SmartcardStatus.IoDeviceError;
        }

        /// <summary>Runs a command whose first <paramref name="count"/> parameters are in <see cref="parameters"/>; the answer lands in <see cref="answer"/>.</summary>
        SmartcardStatus Command(byte command, int count, long timeoutMicros)
        {
            int length;
            return Exchange(command, count, timeoutMicros, out length);
        }
    }
}
