using System.Threading;

namespace EmbeddedSmartCard.Drivers
{
    /// <summary>Raised when the reader state changes (card inserted, removed, powered, protocol selected, device closed).</summary>
    public delegate void ReaderStateHandler(SmartcardDevice device, ReaderState state);

    /// <summary>
    /// One reader as the resource manager sees it: the smclib equivalent (reference/pcsc.md §2). It checks
    /// parameters and state, keeps the reader state ladder (Unknown, Absent … Specific), answers the standard
    /// attributes, runs ATR parsing, protocol selection and the T=0 / T=1 engines, and calls back into the
    /// reader driver — exactly one callback at a time.
    /// <para>
    /// Locking: every callback into the driver (and every use of its <see cref="ICardChannel"/>) runs under one
    /// lock per device, as smclib's per-device mutex (§2.1). A call that finds the device busy waits for the lock
    /// without a bound of its own: each driver callback is bounded by the card's waiting times, and the manager
    /// bounds its own waits. The ladder itself is guarded by a second, short lock that is never held across a
    /// driver call, so a card removal reported by the driver (from any thread) moves the state to Absent at once,
    /// even while a transmit is in flight; the outcome of that transmit is then discarded (see <c>_cardSession</c>).
    /// </para>
    /// </summary>
    public sealed partial class SmartcardDevice
    {
        /// <summary>
        /// Default bound of IOCTL_SMARTCARD_IS_PRESENT / IS_ABSENT waits (see <see cref="PresenceWaitMillis"/>): long
        /// enough for a person to insert or pull a card, short enough that a forgotten wait frees the single
        /// notification slot.
        /// </summary>
        public const int DefaultPresenceWaitMillis = 30000;

        private readonly object _driverLock = new object();
        private readonly object _stateLock = new object();
        private readonly ReaderCapabilities _defaultCapabilities = new ReaderCapabilities();
        private readonly CardPresenceHandler _presenceHandler;
        private readonly CardTiming _timing = new CardTiming();

        // Set while a card is in the reader (state ≥ Present), resp. while none is; both set when the device is
        // closed so that IS_PRESENT / IS_ABSENT waiters wake and see Unknown.
        private readonly ManualResetEvent _cardPresentEvent = new ManualResetEvent(false);
        private readonly ManualResetEvent _cardAbsentEvent = new ManualResetEvent(false);

        // Guarded by _stateLock.
        private ReaderState _state = ReaderState.Unknown;
        private Atr _atr;
        private readonly byte[] _atrBytes = new byte[Atr.MaxLength];
        private int _atrLength;
        private int _selectedProtocol = Protocols.Undefined;
        private bool _swallowed;

        // Incremented whenever the card in the reader stops being the one an operation started with (removal,
        // close). An operation captures it before calling the driver and commits its new state only when it is
        // unchanged, so a removal seen during the call is never overwritten.
        private int _cardSession;

        private SmartcardStatus _lastError = SmartcardStatus.Success;
        private int _notificationPending;
        private bool _suppressT1IfsRequest;
        private bool _deviceInUse;

        public SmartcardDevice(IReaderDriver driver)
        {
            if (driver == null)
            {
                throw new System.ArgumentNullException("driver");
            }

            Driver = driver;
            _presenceHandler = OnPresenceChanged;
            PresenceWaitMillis = DefaultPresenceWaitMillis;
        }

        public IReaderDriver Driver { get; private set; }

        /// <summary>Where the reader stands on the ladder ABSENT … SPECIFIC (Unknown before <see cref="Open"/>).</summary>
        public ReaderState State
        {
            get
            {
                lock (_stateLock)
                {
                    return _state;
                }
            }
        }

        /// <summary>Protocols.T0 / T1 once the state is Specific, Undefined before.</summary>
        public int SelectedProtocol
        {
            get
            {
                lock (_stateLock)
                {
                    return _selectedProtocol;
                }
            }
        }

        public int AtrLength
        {
            get
            {
                lock (_stateLock)
                {
                    return _atrLength;
                }
            }
        }

        /// <summary>The parsed ATR of the powered card, null when no card is powered.</summary>
        public Atr Atr
        {
            get
            {
                lock (_stateLock)
                {
                    return _atr;
                }
            }
        }

        /// <summary>The transmission parameters in force (ATR defaults, then those of the selected protocol).</summary>
        public CardTiming Timing
        {
            get { return _timing; }
        }

        /// <summary>The status of the last call (what IOCTL_SMARTCARD_GET_LAST_ERROR returns).</summary>
        public SmartcardStatus LastError
        {
            get { return _lastError; }
        }

        /// <summary>
        /// How long IOCTL_SMARTCARD_IS_PRESENT / IS_ABSENT wait for the card to arrive or leave before they complete
        /// with IoTimeout. Windows keeps such a request pending until it is cancelled; here every wait is bounded,
        /// so the manager sets this to the slice it is willing to block a thread for (default
        /// <see cref="DefaultPresenceWaitMillis"/>).
        /// </summary>
        public int PresenceWaitMillis { get; set; }

        /// <summary>Card inserted, removed, powered or negotiated. Raised from the calling thread or the driver's presence thread.</summary>
        public event ReaderStateHandler StateChanged;

        /// <summary>
        /// Opens the driver and reads card presence: state Absent or Present. The engines for character-level
        /// readers are allocated here, once. Opening an open device succeeds without calling the driver.
        /// </summary>
        public SmartcardStatus Open()
        {
            lock (_driverLock)
            {
                if (State != ReaderState.Unknown)
                {
                    return Record(SmartcardStatus.Success);
                }

                SmartcardStatus status = Driver.Open();
                if (status != SmartcardStatus.Success)
                {
                    return Record(status);
                }

                CreateEngines();
                Driver.PresenceChanged += _presenceHandler;
                ReaderState state;
                lock (_stateLock)
                {
                    // Read presence under the state lock: a change reported meanwhile waits and then applies
                    // on top of this reading instead of being lost.
                    _cardSession++;
                    state = Driver.IsCardPresent() ? ReaderState.Present : ReaderState.Absent;
                    EnterState(state);
                }

                RaiseStateChanged(state);
                return Record(SmartcardStatus.Success);
            }
        }

        /// <summary>Releases the driver (which deactivates any card); the state returns to Unknown and presence waiters wake with Cancelled.</summary>
        public void Close()
        {
            lock (_driverLock)
            {
                lock (_stateLock)
                {
                    if (_state == ReaderState.Unknown)
                    {
                        return;
                    }

                    _cardSession++;
                    ClearCard();
                    EnterState(ReaderState.Unknown);
                }

                Driver.PresenceChanged -= _presenceHandler;
                Driver.Close();
                RaiseStateChanged(ReaderState.Unknown);
            }
        }

        /// <summary>Copies the ATR of the powered card into <paramref name="buffer"/> (Atr.MaxLength bytes suffice) and returns its length (0 without one).</summary>
        public int CopyAtr(byte[] buffer, int offset)
        {
            lock (_stateLock)
            {
                if (!BufferRange.IsValid(buffer, offset, _atrLength))
                {
                    return 0;
                }

                System.Array.Copy(_atrBytes, 0, buffer, offset, _atrLength);
                return _atrLength;
            }
        }

        private ReaderCapabilities Capabilities
        {
            get
            {
                ReaderCapabilities capabilities = Driver.Capabilities;
                return capabilities != null ? capabilities : _defaultCapabilities;
            }
        }

        private SmartcardStatus Record(SmartcardStatus status)
        {
            _lastError = status;
            return status;
        }

        private void OnPresenceChanged(IReaderDriver driver, bool present)
        {
            if (present)
            {
                OnCardInserted();
            }
            else
            {
                OnCardRemoved(-1);
            }
        }

        private void OnCardInserted()
        {
            lock (_stateLock)
            {
                if (_state != ReaderState.Absent)
                {
                    return;
                }

                EnterState(ReaderState.Present);
            }

            RaiseStateChanged(ReaderState.Present);
        }

        /// <summary>
        /// The card left (reported by the driver, or a callback returned NoMedia during <paramref name="session"/>;
        /// -1 = whatever card is in). Absent at once: ATR, protocol and swallow flag are cleared.
        /// </summary>
        private void OnCardRemoved(int session)
        {
            lock (_stateLock)
            {
                if (_state <= ReaderState.Absent || (session >= 0 && session != _cardSession))
                {
                    return;
                }

                _cardSession++;
                ClearCard();
                EnterState(ReaderState.Absent);
            }

            RaiseStateChanged(ReaderState.Absent);
        }

        /// <summary>
        /// Commits the outcome of a card operation begun in <paramref name="session"/>. False (nothing changed)
        /// when the card was pulled or the device closed meanwhile.
        /// </summary>
        private bool CommitCardState(int session, ReaderState state)
        {
            bool changed;
            lock (_stateLock)
            {
                if (session != _cardSession || _state <= ReaderState.Absent)
                {
                    return false;
                }

                if (state < ReaderState.Negotiable)
                {
                    ClearCard();
                }

                changed = _state != state;
                EnterState(state);
            }

            if (changed)
            {
                RaiseStateChanged(state);
            }

            return true;
        }

        /// <summary>Reads the ladder position and the card session an operation starts with.</summary>
        private ReaderState Snapshot(out int session)
        {
            lock (_stateLock)
            {
                session = _cardSession;
                return _state;
            }
        }

        /// <summary>Forgets the powered card (under _stateLock). The swallow flag stays until the card leaves the reader.</summary>
        private void ClearCard()
        {
            _atr = null;
            _atrLength = 0;
            _selectedProtocol = Protocols.Undefined;
        }

        /// <summary>Moves to <paramref name="state"/> and keeps the presence events in step (under _stateLock).</summary>
        private void EnterState(ReaderState state)
        {
            _state = state;
            if (state == ReaderState.Absent)
            {
                _swallowed = false;
            }

            if (state == ReaderState.Unknown)
            {
                _cardPresentEvent.Set();
                _cardAbsentEvent.Set();
            }
            else if (state == ReaderState.Absent)
            {
                _cardPresentEvent.Reset();
                _cardAbsentEvent.Set();
            }
            else
            {
                _cardAbsentEvent.Reset();
                _cardPresentEvent.Set();
            }
        }

        private void RaiseStateChanged(ReaderState state)
        {
            ReaderStateHandler handler = StateChanged;
            if (handler != null)
            {
                handler(this, state);
            }
        }
    }
}
